package io.nekorekten4j.http;

import static io.nekorekten4j.http.NekorektenHttpTestSupport.body;
import static io.nekorekten4j.http.NekorektenHttpTestSupport.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import io.nekorekten4j.domain.SearchCriteria;
import io.nekorekten4j.domain.SearchResult;
import io.nekorekten4j.http.JsonCodec.Malformed;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The search answer's reader against input nobody wrote by hand: JSON of the envelope's shape with
 * arbitrary values in every place, and the live payload (fixture {@code search-live.json}) with
 * random damage. Whatever arrives, the reader gives a {@link SearchResult} or one of its typed
 * failures — {@link Malformed} (the client's {@code UnexpectedResponseException}) or
 * {@link ErrorInBody} (the service's own error) — never a {@code NullPointerException},
 * {@code ClassCastException}, {@code IndexOutOfBoundsException} or any other runtime exception.
 */
class WireAnswersProperties {

    private static final SearchCriteria BY_PHONE = SearchCriteria.builder().phone("0888 123 456").build();
    private static final String LIVE = fixture("search-live.json");
    /** The names a search answer and its reports use (from the reference's live payloads), and some it does not. */
    private static final List<String> NAMES = List.of("message", "items", "count", "currentPage", "itemsPerPage",
            "server", "date", "httpCode", "errors", "id", "firstName", "lastName", "email", "phone", "text",
            "facebookUrl", "siteUrl", "siteUrlMapped", "user", "city", "name", "parent", "children", "categories",
            "files", "url", "createDate", "created_at", "views", "liked", "visibleOnlyForCreator", "isArchived",
            "unknown");

    private static JsonCodec json;
    private static WireAnswers wire;

    @BeforeContainer
    static void buildTheCodecOnce() {
        json = new JsonCodec();
        wire = new WireAnswers(json, NekorektenHttp.DEFAULT_BASE_URI);
    }

    @AfterContainer
    static void close() {
        json.close();
    }

    @Property(tries = 1_000)
    void anEnvelopeWithAnyValuesIsReadOrRefusedWithATypedError(@ForAll("envelopes") String answer) {
        assertReadOrTypedFailure(answer);
    }

    @Property(tries = 1_000)
    void theLivePayloadWithRandomDamageIsReadOrRefusedWithATypedError(@ForAll("damagedLivePayloads") String answer) {
        assertReadOrTypedFailure(answer);
    }

    @Property(tries = 300)
    void aReadAnswerNeverHasMoreHitsThanItsPageSizeOrTotal(@ForAll("envelopes") String answer) {
        read(answer).ifPresent(result -> {
            assertThat(result.hits().size()).isLessThanOrEqualTo(result.pageSize());
            assertThat(result.page()).isEqualTo(BY_PHONE.page());
        });
    }

    /** Fails (by what {@link #read} lets through) unless the answer is read or refused with a typed failure. */
    private static void assertReadOrTypedFailure(String answer) {
        read(answer);
    }

    /** The result, or empty for a typed failure; anything else is thrown and fails the property. */
    private static Optional<SearchResult> read(String answer) {
        try {
            return Optional.of(wire.search(body(answer), BY_PHONE));
        } catch (Malformed | ErrorInBody expected) {
            return Optional.empty();
        } catch (java.io.IOException e) {
            throw new AssertionError("an in-memory body cannot fail as a stream: " + e, e);
        }
    }

    @Provide
    Arbitrary<String> envelopes() {
        Arbitrary<String> item = objectOf(value(2));
        Arbitrary<String> items = Arbitraries.oneOf(item.list().ofMaxSize(4).map(WireAnswersProperties::array),
                value(1));
        Arbitrary<String> server = Arbitraries.oneOf(
                Combinators.combine(Arbitraries.oneOf(dateTexts(), value(0)), Arbitraries.oneOf(
                        Arbitraries.of("200", "400", "404", "429", "500"), value(0)))
                        .as((date, code) -> "{\"date\":" + date + ",\"httpCode\":" + code + "}"),
                value(1));
        return Combinators.combine(items, value(0), value(0), value(0), server, value(1))
                .as((i, count, page, size, s, message) -> "{\"items\":" + i + ",\"count\":" + count
                        + ",\"currentPage\":" + page + ",\"itemsPerPage\":" + size + ",\"server\":" + s
                        + ",\"message\":" + message + "}");
    }

    @Provide
    Arbitrary<String> damagedLivePayloads() {
        Arbitrary<Integer> at = Arbitraries.integers().between(0, LIVE.length() - 1);
        Arbitrary<Character> c = Arbitraries.oneOf(Arbitraries.of('{', '}', '[', ']', '"', ',', ':', '\\', '0', '-',
                'n', 'e', ' '), Arbitraries.chars());
        Arbitrary<String> oneDamage = Arbitraries.oneOf(
                at.map(i -> LIVE.substring(0, i)),                                   // truncated
                Combinators.combine(at, c).as((i, ch) -> LIVE.substring(0, i) + ch + LIVE.substring(i)),
                Combinators.combine(at, c).as((i, ch) -> LIVE.substring(0, i) + ch + LIVE.substring(i + 1)),
                at.map(i -> LIVE.substring(0, i) + LIVE.substring(i + 1)),          // a character lost
                Combinators.combine(Arbitraries.of(NAMES), value(1))                 // one value replaced
                        .as((name, v) -> LIVE.replaceFirst("\"" + name + "\": *(\"[^\"]*\"|[^,}\\]]*)",
                                java.util.regex.Matcher.quoteReplacement("\"" + name + "\": " + v))));
        return oneDamage;
    }

    /** Any JSON value, nested up to {@code depth} levels of arrays and objects. */
    private static Arbitrary<String> value(int depth) {
        Arbitrary<String> scalar = Arbitraries.oneOf(
                Arbitraries.of("null", "true", "false", "0", "1", "-1", "20", "2.5", "1e400", "-0",
                        "9223372036854775808", "1736630541", "1736630541000", "\"\"", "\"1\"", "\"abc\""),
                Arbitraries.longs().map(n -> Long.toString(n)),
                Arbitraries.strings().ofMaxLength(12).map(WireAnswersProperties::quoted),
                dateTexts());
        if (depth == 0) {
            return scalar;
        }
        Arbitrary<String> inner = value(depth - 1);
        return Arbitraries.oneOf(scalar, scalar,
                inner.list().ofMaxSize(3).map(WireAnswersProperties::array),
                objectOf(inner));
    }

    private static Arbitrary<String> objectOf(Arbitrary<String> values) {
        return Combinators.combine(Arbitraries.of(NAMES), values).as((k, v) -> "\"" + k + "\":" + v)
                .list().ofMaxSize(8).map(members -> "{" + String.join(",", members) + "}");
    }

    private static Arbitrary<String> dateTexts() {
        return Arbitraries.of("\"2025-01-11T21:22:21+00:00\"", "\"2025-01-11 21:22:21\"", "\"2025-01-11T21:22:21\"",
                "\"2025-02-30T25:61:61+99:99\"", "\"2025-01-11T21:22:21Z\"", "\"20250111\"", "\"2025-01-11\"",
                "\"2026-02-27 20:22:33\"", "\"1736630541\"", "\"+999999999-12-31T23:59:59+18:00\"");
    }

    private static String array(List<String> elements) {
        return "[" + String.join(",", elements) + "]";
    }

    private static String quoted(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            if (ch == '"' || ch == '\\') {
                b.append('\\').append(ch);
            } else if (ch < 0x20) {
                b.append(String.format("\\u%04x", (int) ch));
            } else {
                b.append(ch);
            }
        }
        return b.append('"').toString();
    }
}
