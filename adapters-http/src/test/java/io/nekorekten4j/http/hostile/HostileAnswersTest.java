package io.nekorekten4j.http.hostile;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.nekorekten4j.domain.ReportDraft;
import io.nekorekten4j.domain.SearchCriteria;
import io.nekorekten4j.domain.SearchResult;
import io.nekorekten4j.http.NekorektenHttp;
import io.nekorekten4j.http.RemainingQuota;
import io.nekorekten4j.http.RetryOptions;
import io.nekorekten4j.http.VirtualTime;
import io.nekorekten4j.ports.ErrorCode;
import io.nekorekten4j.ports.ErrorContext;
import io.nekorekten4j.ports.InvalidRequestException;
import io.nekorekten4j.ports.NekorektenException;
import io.nekorekten4j.ports.RateLimitedException;
import io.nekorekten4j.ports.RequestOutcome;
import io.nekorekten4j.ports.UnexpectedResponseException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Answers that are well framed but hostile — contradictory figures, the wrong shape, strange
 * encodings, enormous or poisoned texts, odd {@code Retry-After} values — on both transports: the
 * caller gets the true answer or the typed error, never a false "clean", never the key, never a
 * control character, never a key locked for good.
 */
@Timeout(60)
class HostileAnswersTest {

    @RegisterExtension
    static WireMockExtension service = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
            .build();

    private static final SearchCriteria CRITERIA = SearchCriteria.builder().phone("0888 123 456").build();
    private static final ReportDraft DRAFT = ReportDraft.builder().text("Отказа пратка.").phone("0888 123 456").build();
    /** A fixed instant well away from a Sofia midnight, so that caps are whole hours. */
    private static final Instant NOON = Instant.parse("2026-03-10T10:00:00Z");

    private final String key = Hostile.key();
    private final List<NekorektenHttp> clients = new ArrayList<>();
    private final VirtualTime time = VirtualTime.startingAt(NOON);

    @AfterEach
    void close() {
        clients.forEach(NekorektenHttp::close);
    }

    private NekorektenHttp api(String kind) {
        NekorektenHttp api = Hostile.client(service.baseUrl(), key, kind, RetryOptions.disabled(), time).build();
        clients.add(api);
        return api;
    }

    private static void answerSearch(ResponseDefinitionBuilder answer) {
        service.stubFor(get(urlPathEqualTo("/api/v1/reports")).willReturn(answer));
    }

    private static ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    private static String live() {
        return Hostile.fixture("search-live.json");
    }

    /** The live payload with one top-level property's value replaced by raw JSON. */
    private static String liveWith(String property, String rawJsonValue) {
        String live = live();
        String marker = "\"" + property + "\": ";
        int at = live.indexOf(marker);
        int end = live.indexOf(",\n", at);
        return live.substring(0, at + marker.length()) + rawJsonValue + live.substring(end);
    }

    private NekorektenException failure(Runnable call) {
        Throwable failure = catchThrowable(call::run);
        assertThat(failure).as("the call's failure").isInstanceOf(NekorektenException.class);
        String text = Hostile.everyText(failure);
        assertThat(text).doesNotContain(key);
        assertThat(Hostile.hasUnsafeCharacter(text)).as("unsafe characters in %s", text).isFalse();
        return (NekorektenException) failure;
    }

    // ---- a search must never look clean when it is not ----------------------------------------

    static Stream<Arguments> contradictoryAnswers() {
        String live = live();
        return Stream.of(Hostile.TRANSPORTS).flatMap(t -> Stream.of(
                Arguments.of(t, "204 No Content", aResponse().withStatus(204)),
                Arguments.of(t, "200 with no body and no type", aResponse().withStatus(200)),
                Arguments.of(t, "a negative count", json(liveWith("count", "-1"))),
                Arguments.of(t, "a fractional count", json(liveWith("count", "1.5"))),
                Arguments.of(t, "a count of 1e999999999", json(liveWith("count", "1e999999999"))),
                Arguments.of(t, "a count as a word", json(liveWith("count", "\"many\""))),
                Arguments.of(t, "items null with a count of 1", json(liveWith("items", "null"))),
                Arguments.of(t, "items an object", json(liveWith("items", "{\"id\":\"6PpAbCdEfG\"}"))),
                Arguments.of(t, "items a string", json(liveWith("items", "\"[]\""))),
                Arguments.of(t, "page 0", json(liveWith("currentPage", "0"))),
                Arguments.of(t, "page -1", json(liveWith("currentPage", "-1"))),
                Arguments.of(t, "page 2 for the first page asked", json(liveWith("currentPage", "2"))),
                Arguments.of(t, "0 items per page", json(liveWith("itemsPerPage", "0"))),
                Arguments.of(t, "-20 items per page", json(liveWith("itemsPerPage", "-20"))),
                Arguments.of(t, "a top-level array", json("[" + live + "]")),
                Arguments.of(t, "a top-level string", json("\"ok\"")),
                Arguments.of(t, "XML", aResponse().withStatus(200).withHeader("Content-Type", "application/xml")
                        .withBody("<reports><count>0</count></reports>")),
                Arguments.of(t, "server.httpCode 429 under a 200", json(live.replace("\"httpCode\": 200",
                        "\"httpCode\": 429"))),
                Arguments.of(t, "server.httpCode as a word under a 200", json(live.replace("\"httpCode\": 200",
                        "\"httpCode\": \"error\""))),
                Arguments.of(t, "an error message beside the items", json(live.replace("\"message\": null",
                        "\"message\": \"Invalid API key\"").replace("\"httpCode\": 200", "\"httpCode\": 401")))));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("contradictoryAnswers")
    void aContradictoryOrMisshapenSearchAnswerIsATypedErrorNeverAResult(String kind, String what,
                                                                       ResponseDefinitionBuilder answer) {
        answerSearch(answer);

        NekorektenException e = failure(() -> api(kind).search(CRITERIA));

        assertThat(e.code().serviceAnswered() || e.code() == ErrorCode.UNEXPECTED_RESPONSE)
                .as("%s is %s", what, e.code()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"apache", "jdk"})
    void aCountBelowTheItemsReceivedKeepsTheReportsAndLeavesTheTotalUnknownNeverZero(String kind) {
        // "count": 0 beside a report: no total can be below what was sent, so the total is not known
        // (a caller reading totalCount() == 0 as "clean" must never get that chance).
        answerSearch(json(liveWith("count", "0")));

        SearchResult result = api(kind).search(CRITERIA);

        assertThat(result.reports()).hasSize(1);
        assertThat(result.totalCount()).isEmpty();
        assertThat(result.isEmpty()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"apache", "jdk"})
    void duplicateKeysThatDisagreeAreNeverReadAsAClean(String kind) {
        // The first "items" holds a report, the second none: a parser that keeps the last one
        // would say "no reports". Refusing the document is the only safe reading.
        String live = live();
        String duplicated = live.replaceFirst("\"message\": null,", "\"message\": null, \"items\": [], \"count\": 0,");
        answerSearch(json(duplicated));

        Object outcome = outcomeOf(() -> api(kind).search(CRITERIA));

        if (outcome instanceof SearchResult result) {
            assertThat(result.isEmpty()).as("a report was in the answer").isFalse();
        } else {
            assertThat(outcome).isInstanceOf(UnexpectedResponseException.class);
        }
    }

    static Stream<Arguments> oddButWholeAnswers() {
        byte[] live = live().getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream bom = new ByteArrayOutputStream();
        bom.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        bom.writeBytes(live);
        String text = "\"text\": \"";
        String liveText = live();
        int at = liveText.indexOf(text) + text.length();
        ByteArrayOutputStream badUtf8 = new ByteArrayOutputStream();
        badUtf8.writeBytes(liveText.substring(0, at).getBytes(StandardCharsets.UTF_8));
        badUtf8.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xED, (byte) 0xA0, (byte) 0x80});
        badUtf8.writeBytes(liveText.substring(at).getBytes(StandardCharsets.UTF_8));
        return Stream.of(Hostile.TRANSPORTS).flatMap(t -> Stream.of(
                Arguments.of(t, "a UTF-8 byte order mark", aResponse().withStatus(200)
                        .withHeader("Content-Type", "application/json").withBody(bom.toByteArray())),
                Arguments.of(t, "invalid UTF-8 in a report's text", aResponse().withStatus(200)
                        .withHeader("Content-Type", "application/json").withBody(badUtf8.toByteArray())),
                Arguments.of(t, "JSON labelled text/html", aResponse().withStatus(200)
                        .withHeader("Content-Type", "text/html; charset=utf-8").withBody(live)),
                Arguments.of(t, "JSON labelled ISO-8859-1", aResponse().withStatus(200)
                        .withHeader("Content-Type", "application/json; charset=ISO-8859-1").withBody(live)),
                Arguments.of(t, "JSON labelled with no type", aResponse().withStatus(200).withBody(live)),
                Arguments.of(t, "a charset no JVM knows", aResponse().withStatus(200)
                        .withHeader("Content-Type", "application/json; charset=x-no-such-charset").withBody(live)),
                Arguments.of(t, "an illegal charset name", aResponse().withStatus(200)
                        .withHeader("Content-Type", "application/json; charset=\"ut f/8\"").withBody(live)),
                Arguments.of(t, "an empty charset", aResponse().withStatus(200)
                        .withHeader("Content-Type", "application/json; charset=").withBody(live)),
                Arguments.of(t, "a Content-Type that does not parse", aResponse().withStatus(200)
                        .withHeader("Content-Type", ";;;=;\"").withBody(live)),
                Arguments.of(t, "UTF-16 declared for UTF-8 bytes", aResponse().withStatus(200)
                        .withHeader("Content-Type", "application/json; charset=UTF-16").withBody(live)),
                Arguments.of(t, "an unknown Content-Encoding", aResponse().withStatus(200)
                        .withHeader("Content-Type", "application/json").withHeader("Content-Encoding", "x-snappy")
                        .withBody(live)),
                Arguments.of(t, "gzip declared over plain JSON", aResponse().withStatus(200)
                        .withHeader("Content-Type", "application/json").withHeader("Content-Encoding", "gzip")
                        .withBody(live)),
                Arguments.of(t, "deflate declared over plain JSON", aResponse().withStatus(200)
                        .withHeader("Content-Type", "application/json").withHeader("Content-Encoding", "deflate")
                        .withBody(live)),
                Arguments.of(t, "gzip twice declared over plain JSON", aResponse().withStatus(200)
                        .withHeader("Content-Type", "application/json").withHeader("Content-Encoding", "gzip, gzip")
                        .withBody(live))));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("oddButWholeAnswers")
    void anOddlyEncodedButWholeAnswerGivesTheReportOrATypedErrorNeverAClean(String kind, String what,
                                                                           ResponseDefinitionBuilder answer) {
        answerSearch(answer);

        Object outcome = outcomeOf(() -> api(kind).search(CRITERIA));

        if (outcome instanceof SearchResult result) {
            assertThat(result.reports()).hasSize(1);
            assertThat(Hostile.hasUnsafeCharacter(result.reports().get(0).toString())).isFalse();
        } else {
            failure(() -> {
                throw (RuntimeException) outcome;
            });
        }
    }

    static Stream<Arguments> deepDocuments() {
        String live = live();
        String deepArray = "[".repeat(100_000) + "]".repeat(100_000);
        String deepObject = "{\"a\":".repeat(100_000) + "1" + "}".repeat(100_000);
        String inReport = live.replaceFirst("\"views\": 16", "\"views\": 16, \"extra\": " + deepArray);
        String onTop = live.replaceFirst("\"message\": null", "\"message\": null, \"extra\": " + deepObject);
        String inUser = live.replaceFirst("\"firstName\": \"Reporter\"", "\"firstName\": \"Reporter\", \"x\": " + deepArray);
        return Stream.of(Hostile.TRANSPORTS).flatMap(t -> Stream.of(
                Arguments.of(t, "100,000 nested arrays in an unknown field of a report", 200, inReport),
                Arguments.of(t, "100,000 nested objects in an unknown top-level field", 200, onTop),
                Arguments.of(t, "100,000 nested arrays in the reporter", 200, inUser),
                Arguments.of(t, "100,000 nested arrays as a 400's body", 400, deepArray),
                Arguments.of(t, "100,000 nested objects in a 400's errors", 400,
                        "{\"message\":\"bad\",\"errors\":" + deepObject + "}"),
                Arguments.of(t, "100,000 nested objects in a 429's message", 429, "{\"message\":" + deepObject + "}")));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("deepDocuments")
    void aDeeplyNestedDocumentAnywhereIsATypedErrorOrTheTrueAnswerNeverAStackOverflow(String kind, String what, int status,
                                                                                  String body) {
        answerSearch(aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body));

        Object outcome = outcomeOfAnything(() -> api(kind).search(CRITERIA));

        assertThat(outcome).as(what).isNotInstanceOf(Error.class);
        if (outcome instanceof SearchResult result) {
            assertThat(status).isEqualTo(200);
            assertThat(result.reports()).hasSize(1);
        } else {
            failure(() -> {
                throw (RuntimeException) outcome;
            });
        }
    }

    static Stream<Arguments> hostileReceipts() {
        return Stream.of(Hostile.TRANSPORTS).flatMap(t -> Stream.of(
                Arguments.of(t, "{\"id\":\"../../files\"}"),
                Arguments.of(t, "{\"id\":\"0obgyGbp1Ms/../../x\"}"),
                Arguments.of(t, "{\"id\":\"0obgyGbp1Ms?x=1\"}"),
                Arguments.of(t, "{\"id\":\"\\u001b[2J\"}"),
                Arguments.of(t, "{\"id\":\"" + "a".repeat(100_000) + "\"}"),
                Arguments.of(t, "{\"item\":{\"id\":[1,2]}}"),
                Arguments.of(t, "{\"data\":{\"id\":1e999999999}}"),
                Arguments.of(t, "{\"message\":\"" + "Ж".repeat(1_000_000) + "\"}"),
                Arguments.of(t, "{\"message\":\"ok \\u001b[2J \\u202Eexe \\u009b31m \\r\\nforged\"}")));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("hostileReceipts")
    void aHostileCreateAnswerGivesASafeReceiptOrATypedErrorAndIsSentOnce(String kind, String body) {
        service.stubFor(post("/api/v1/reports").willReturn(json(body)));
        NekorektenHttp api = Hostile.client(service.baseUrl(), key, kind, RetryOptions.defaults(), time).build();
        clients.add(api);

        Object outcome = outcomeOfAnything(() -> api.create(DRAFT));

        assertThat(outcome).isNotInstanceOf(Error.class);
        if (outcome instanceof io.nekorekten4j.domain.ReportReceipt receipt) {
            receipt.id().ifPresent(id -> assertThat(id.value()).matches("[A-Za-z0-9_-]{1,64}"));
            // The message is the service's, as it came (documented); what prints it must be safe.
            assertThat(Hostile.hasUnsafeCharacter(receipt.toString())).as(receipt.toString()).isFalse();
            assertThat(receipt.toString().length()).isLessThanOrEqualTo(ErrorContext.MAX_SERVICE_MESSAGE);
        } else {
            NekorektenException e = failure(() -> {
                throw (RuntimeException) outcome;
            });
            assertThat(e.outcome()).isEqualTo(RequestOutcome.MAY_HAVE_BEEN_APPLIED);
        }
        assertThat(service.findAll(anyRequestedFor(anyUrl()))).hasSize(1);
    }

    static Stream<Arguments> hostileUploadAnswers() {
        return Stream.of(Hostile.TRANSPORTS).flatMap(t -> Stream.of(
                Arguments.of(t, "[\"a1\",\"b2\"]"),
                Arguments.of(t, "[]"),
                Arguments.of(t, "[null]"),
                Arguments.of(t, "[\"../x\"]"),
                Arguments.of(t, "{\"files\":[{\"id\":\"\\u202Eexe\"}]}"),
                Arguments.of(t, "{\"files\":\"a1\"}"),
                Arguments.of(t, "{\"files\":[\"a1\"],\"server\":{\"httpCode\":500}}")));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("hostileUploadAnswers")
    void anUploadAnswerThatDoesNotHoldOneSafeIdPerFileIsATypedError(String kind, String body) {
        service.stubFor(post("/api/v1/files").willReturn(json(body)));
        NekorektenHttp api = Hostile.client(service.baseUrl(), key, kind, RetryOptions.defaults(), time).build();
        clients.add(api);
        io.nekorekten4j.domain.Attachment pdf = io.nekorekten4j.domain.Attachment.of("a.pdf",
                "%PDF-1.4\nx".getBytes(StandardCharsets.US_ASCII));

        NekorektenException e = failure(() -> api.upload(List.of(pdf)));

        assertThat(e.outcome()).isEqualTo(RequestOutcome.MAY_HAVE_BEEN_APPLIED);
        assertThat(service.findAll(anyRequestedFor(anyUrl()))).hasSize(1);
    }

    // ---- server text ----------------------------------------------------------------------------

    static Stream<Arguments> poisonedMessages() {
        String esc = "\\u001b[31mALERT\\u001b[0m \\u202Eevil\\u202C \\u0000\\u0007\\u0085\\u009b2J \\r\\nX-Forged: 1";
        return Stream.of(Hostile.TRANSPORTS).flatMap(t -> Stream.of(
                Arguments.of(t, 400, "{\"message\":\"" + esc + "\",\"errors\":{\"phone" + esc + "\":[\"bad" + esc
                        + "\"]},\"server\":{\"httpCode\":400}}"),
                Arguments.of(t, 401, "{\"message\":\"" + esc + "\",\"server\":{\"httpCode\":401}}"),
                Arguments.of(t, 403, "{\"message\":\"IP " + esc + " 203.0.113.7 not allowed\",\"server\":{\"httpCode\":403}}"),
                Arguments.of(t, 429, "{\"message\":\"" + esc + "\",\"server\":{\"httpCode\":429}}"),
                Arguments.of(t, 503, "<html><title>" + esc.replace("\\u", "&#x").replace("&#x001b", "\u001b")
                        + "</title></html>"),
                Arguments.of(t, 400, "{\"message\":\"" + "Ж".repeat(1_000_000) + "\",\"server\":{\"httpCode\":400}}"),
                Arguments.of(t, 400, "{\"message\":\"x\",\"errors\":{" + manyFields(5_000) + "},\"server\":{\"httpCode\":400}}")));
    }

    private static String manyFields(int n) {
        StringBuilder fields = new StringBuilder();
        for (int i = 0; i < n; i++) {
            fields.append(i == 0 ? "" : ",").append("\"f").append(i).append("\":[\"").append("m".repeat(200)).append("\"]");
        }
        return fields.toString();
    }

    @ParameterizedTest(name = "{0}: HTTP {1}")
    @MethodSource("poisonedMessages")
    void aPoisonedOrEnormousServiceMessageReachesNoTextUnsanitisedOrUnbounded(String kind, int status, String body) {
        answerSearch(aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body));
        service.stubFor(post("/api/v1/reports").willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body)));

        for (Runnable call : List.<Runnable>of(() -> api(kind).search(CRITERIA), () -> api(kind).create(DRAFT))) {
            NekorektenException e = failure(call);
            assertThat(e.getMessage().length()).isLessThanOrEqualTo(NekorektenException.MAX_MESSAGE + 200);
            assertThat(e.context().serviceMessage().orElse("").length())
                    .isLessThanOrEqualTo(ErrorContext.MAX_SERVICE_MESSAGE + 20);
            assertThat(e.context().bodyExcerpt().orElse("").length()).isLessThanOrEqualTo(ErrorContext.MAX_EXCERPT + 20);
            assertThat(e.toString()).doesNotContain("\n");
            if (e instanceof InvalidRequestException invalid) {
                String violations = String.valueOf(invalid.fieldErrors());
                assertThat(Hostile.hasUnsafeCharacter(violations)).as(violations).isFalse();
                assertThat(violations.length()).as("the violations' text").isLessThan(100_000);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"apache", "jdk"})
    void theKeyStraddlingTheEndOfTheExcerptLeavesNoUsefulPartOfIt(String kind) {
        for (int before = 150; before < 200; before += 7) {
            String body = "{\"message\":\"" + "y".repeat(before) + " " + key + " tail\",\"server\":{\"httpCode\":401}}";
            answerSearch(aResponse().withStatus(401).withHeader("Content-Type", "application/json").withBody(body));

            NekorektenException e = failure(() -> api(kind).search(CRITERIA));

            String text = Hostile.everyText(e);
            // The key's random part: any run of 8 of its characters would narrow a guess.
            String secret = key.substring("HOSTILE-".length());
            for (int i = 0; i + 8 <= secret.length(); i++) {
                assertThat(text).as("offset %d", before).doesNotContain(secret.substring(i, i + 8));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"apache", "jdk"})
    void theKeyEchoedInARetryAfterOrAReasonPhraseIsNeverShown(String kind) {
        answerSearch(aResponse().withStatus(429).withStatusMessage("Too Many " + key)
                .withHeader("Retry-After", key).withBody("{\"message\":\"slow down\"}"));

        failure(() -> api(kind).search(CRITERIA));
    }

    // ---- Retry-After -----------------------------------------------------------------------------

    static Stream<Arguments> retryAfters() {
        return Stream.of(Hostile.TRANSPORTS).flatMap(t -> Stream.of(
                Arguments.of(t, List.of("-5")),
                Arguments.of(t, List.of("1.5")),
                Arguments.of(t, List.of("+30")),
                Arguments.of(t, List.of("30 ")),
                Arguments.of(t, List.of("0x10")),
                Arguments.of(t, List.of("1e9")),
                Arguments.of(t, List.of("Tue, 10 Mar 2020 10:00:00 GMT")),
                Arguments.of(t, List.of("Fri, 31 Dec 9999 23:59:59 GMT")),
                Arguments.of(t, List.of("Tue, 10 Mar 2026 10:00:00 +0200")),
                Arguments.of(t, List.of("99999999999999999999999999999999999999")),
                Arguments.of(t, List.of("5", "99999999999")),
                Arguments.of(t, List.of("99999999999", "5")),
                Arguments.of(t, List.of("5, 7")),
                Arguments.of(t, List.of())));
    }

    @ParameterizedTest(name = "{0}: Retry-After {1}")
    @MethodSource("retryAfters")
    void anyRetryAfterGivesARateLimitedErrorAndPausesTheKeyForADayAtMost(String kind, List<String> values) {
        ResponseDefinitionBuilder answer = aResponse().withStatus(429).withHeader("Content-Type", "application/json")
                .withBody("{\"message\":\"Too many requests\",\"server\":{\"httpCode\":429}}");
        if (!values.isEmpty()) {
            answer = answer.withHeaders(new HttpHeaders(new HttpHeader("Retry-After", values.toArray(String[]::new))));
        }
        answerSearch(answer);
        NekorektenHttp api = api(kind);

        NekorektenException e = failure(() -> api.search(CRITERIA));

        assertThat(e).isInstanceOf(RateLimitedException.class);
        assertThat(e.outcome()).isEqualTo(RequestOutcome.REFUSED);
        ((RateLimitedException) e).retryAfter().ifPresent(wait -> assertThat(wait.isNegative()).isFalse());
        RemainingQuota quota = api.state().quota().orElseThrow();
        assertThat(quota.waitForPermit()).isLessThanOrEqualTo(Duration.ofHours(24));
        quota.pausedUntil().ifPresent(until -> assertThat(until).isBeforeOrEqualTo(NOON.plus(Duration.ofHours(24))));
        assertThat(service.findAll(anyRequestedFor(anyUrl()))).hasSize(1);
    }

    static Stream<Arguments> retryAftersOnOtherAnswers() {
        return Stream.of(Hostile.TRANSPORTS).flatMap(t -> Stream.of(503, 500, 401, 403, 400, 200).flatMap(status ->
                Stream.of("99999999999", "Fri, 31 Dec 9999 23:59:59 GMT", "-1").map(v -> Arguments.of(t, status, v))));
    }

    @ParameterizedTest(name = "{0}: HTTP {1} with Retry-After {2}")
    @MethodSource("retryAftersOnOtherAnswers")
    void aRetryAfterOnAnyOtherAnswerNeverPausesTheKeyBeyondADay(String kind, int status, String value) {
        String body = status == 200 ? live() : "{\"message\":\"no\",\"server\":{\"httpCode\":" + status + "}}";
        answerSearch(aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withHeader("Retry-After", value).withBody(body));
        NekorektenHttp api = Hostile.client(service.baseUrl(), key, kind, RetryOptions.defaults(), time).build();
        clients.add(api);

        Object outcome = outcomeOf(() -> api.search(CRITERIA));

        if (status == 200) {
            assertThat(outcome).isInstanceOf(SearchResult.class);
            assertThat(api.state().quota().orElseThrow().waitForPermit()).as("a 200 pauses nothing").isZero();
        } else {
            assertThat(outcome).isInstanceOf(NekorektenException.class);
        }
        assertThat(api.state().quota().orElseThrow().waitForPermit()).isLessThanOrEqualTo(Duration.ofHours(24));
        // A later call is not locked out for good: a day on, it is sent.
        time.advance(Duration.ofHours(24).plusSeconds(1));
        int before = service.findAll(anyRequestedFor(anyUrl())).size();
        outcomeOf(() -> api.search(CRITERIA));
        assertThat(service.findAll(anyRequestedFor(anyUrl())).size()).as("sent a day later").isGreaterThan(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"apache", "jdk"})
    void aCreateAnswered503WithRetryAfterIsNotResentEvenWithRetriesOn(String kind) {
        service.stubFor(post("/api/v1/reports").willReturn(aResponse().withStatus(503).withHeader("Retry-After", "1")));
        NekorektenHttp api = Hostile.client(service.baseUrl(), key, kind, RetryOptions.defaults(), time).build();
        clients.add(api);

        NekorektenException e = failure(() -> api.create(DRAFT));

        assertThat(e.outcome()).isEqualTo(RequestOutcome.MAY_HAVE_BEEN_APPLIED);
        assertThat(service.findAll(anyRequestedFor(anyUrl()))).hasSize(1);
    }

    /** The value, or whatever was thrown, errors included. */
    private static Object outcomeOfAnything(java.util.function.Supplier<?> call) {
        try {
            return call.get();
        } catch (RuntimeException | Error e) {
            return e;
        }
    }

    private static Object outcomeOf(java.util.function.Supplier<?> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            return e;
        }
    }
}
