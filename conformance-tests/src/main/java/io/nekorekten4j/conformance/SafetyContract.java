package io.nekorekten4j.conformance;

import static io.nekorekten4j.conformance.TestData.FILED_AT;
import static io.nekorekten4j.conformance.TestData.PHONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.nekorekten4j.domain.ReportReceipt;
import io.nekorekten4j.domain.SearchCriteria;
import io.nekorekten4j.domain.SearchMode;
import io.nekorekten4j.domain.SearchResult;
import io.nekorekten4j.ports.CallOptions;
import io.nekorekten4j.ports.ErrorCode;
import io.nekorekten4j.ports.NekorektenException;
import io.nekorekten4j.ports.NoUsableAnswerException;
import io.nekorekten4j.ports.RequestOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The rules of a hostile or silent server, and of the key: <b>secrets</b> (the API key never in a
 * failure's message, {@code toString()}, context, cause or printed stack trace, nor in the
 * {@code toString()} of a client, a view or an answer — also when the server echoes it back),
 * <b>server text is untrusted</b> (whatever the service says reaches a message or a log line
 * without control characters, escapes or forged lines, and cut to a bounded length) and
 * <b>bounded</b> (a call the server never answers ends with a typed {@link ErrorCode#TIMEOUT}
 * failure, never a hang and never an answer).
 *
 * <p>Every rule is {@code optional_…}: the secrets rules need the subject to declare its key
 * ({@link ConformanceSubject#apiKey()}; an adapter configured with none has nothing to leak), the
 * others a hook to arrange the server's behaviour ({@link Capability#FAULT_INJECTION},
 * {@link Capability#HOSTILE_SERVER_TEXT}, {@link Capability#UNANSWERED_REQUESTS}). Without them a
 * rule is skipped and listed as <b>untested</b> in the kit's summary, never passed.
 */
public abstract class SafetyContract extends NekorektenContract {

    /** Failures are arranged for this many requests, so that an adapter that retries meets them on every attempt. */
    private static final int PERSISTENT = 20;
    /** A hostile text of 100 KB: what a broken proxy's error page or a malicious service may send. */
    private static final int HUGE = 100 * 1024;
    /** The word the huge text repeats, to count how much of it reached a printed trace. */
    private static final String HUGE_WORD = "server-text ";
    /**
     * The longest line of a printed stack trace: a failure's message is cut at
     * {@link NekorektenException#MAX_MESSAGE}; the rest is room for a class name and
     * {@code "Caused by: "}.
     */
    private static final int MAX_PRINTED_LINE = NekorektenException.MAX_MESSAGE + 300;

    /** For subclasses. */
    protected SafetyContract() {
    }

    // ---- secrets ----------------------------------------------------------------------------

    /**
     * Whatever failure the backend produces, the key of the client shows nowhere in what the
     * failure shows: message, {@code toString()}, context (path included), causes, suppressed
     * failures, printed stack trace. Needs {@link ConformanceSubject#apiKey()} and
     * {@link Capability#FAULT_INJECTION}. If this fails, look for the key in a URL, a header dump
     * or a debugging message of the adapter's error path.
     */
    @ParameterizedTest
    @EnumSource(value = ErrorCode.class, mode = EnumSource.Mode.EXCLUDE,
            names = {"CIRCUIT_OPEN", "RATE_LIMIT_WAIT_EXCEEDED", "QUOTA_STORE_UNAVAILABLE"})
    @KitRule(id = "K-SAFE-01", proves = {Behaviour.SECRETS, Behaviour.ERRORS})
    public final void optional_secrets_keyShowsInNoFailure(ErrorCode code) {
        String key = assumeKey();
        assumeCapability(Capability.FAULT_INJECTION);
        subject().arrangeFailures(code, PERSISTENT);

        NekorektenException e = failure(() -> client().search(SearchCriteria.builder().phone(PHONE).build()));

        assertKeyNotShown(e, key);
    }

    /**
     * The key shows in no {@code toString()} of the client, of its views
     * ({@link io.nekorekten4j.ports.Nekorekten#withOptions}), nor of what they answer. Needs
     * {@link ConformanceSubject#apiKey()}. If this fails, the adapter prints its configuration
     * (the key with it) in {@code toString()}.
     */
    @Test
    @KitRule(id = "K-SAFE-02", proves = Behaviour.SECRETS)
    public final void optional_secrets_keyShowsInNoToString() {
        String key = assumeKey();
        subject().arrangeReport(TestData.draft(PHONE), FILED_AT);

        List<String> shown = new ArrayList<>();
        shown.add(String.valueOf(client()));
        shown.add(String.valueOf(client().withOptions(CallOptions.interactive())));
        shown.add(String.valueOf(client().withOptions(CallOptions.batch())));
        SearchResult result = searchByPhone(PHONE);
        shown.add(String.valueOf(result));
        ReportReceipt receipt = client().create(TestData.draft(TestData.OTHER_PHONE, "toString"));
        shown.add(String.valueOf(receipt));
        shown.add(String.valueOf(client().cities()));

        assertThat(shown).as("toString() of the client, its views and its answers")
                .noneMatch(text -> containsKey(text, key));
    }

    /**
     * When the service echoes the key back in its words — "invalid key 5f3a…", a field error naming
     * it — the failure shows it nowhere, and is still the failure the service meant. Needs
     * {@link ConformanceSubject#apiKey()} and {@link Capability#HOSTILE_SERVER_TEXT}. If this fails,
     * blank the key out of the service's message, field errors and body excerpt before they reach
     * the failure.
     */
    @ParameterizedTest
    @EnumSource(value = ErrorCode.class, names = {"INVALID_API_KEY", "INVALID_REQUEST", "SERVICE_UNAVAILABLE"})
    @KitRule(id = "K-SAFE-03", proves = {Behaviour.SECRETS, Behaviour.SERVER_TEXT_IS_UNTRUSTED})
    public final void optional_secrets_keyEchoedByTheServerIsBlankedOut(ErrorCode code) {
        String key = assumeKey();
        assumeCapability(Capability.HOSTILE_SERVER_TEXT);
        subject().arrangeServerText(code, "Невалиден API ключ " + key + " (Api-Key: " + key + ")", PERSISTENT);

        NekorektenException e = failure(() -> searchByPhone(PHONE));

        assertThat(e.code()).as("the failure the service meant").isEqualTo(code);
        assertKeyNotShown(e, key);
    }

    // ---- server text is untrusted -----------------------------------------------------------

    /**
     * Control characters in the service's words — ANSI escapes that recolour or retitle a terminal,
     * line breaks that forge a log line, NUL and BEL, bidi overrides that reorder what is read —
     * reach no message, {@code toString()}, context or field error as they came, and add no line
     * to a printed stack trace; the failure is still the one the service meant. Needs
     * {@link Capability#HOSTILE_SERVER_TEXT}. If this fails, sanitise the service's text (the
     * domain's {@code ServerText}) before it reaches a failure.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileTexts")
    @KitRule(id = "K-SAFE-04", proves = {Behaviour.SERVER_TEXT_IS_UNTRUSTED, Behaviour.ERRORS})
    public final void optional_serverText_controlCharactersNeverReachAMessageOrALog(String kind, String text) {
        assumeCapability(Capability.HOSTILE_SERVER_TEXT);
        subject().arrangeServerText(ErrorCode.INVALID_REQUEST, text, PERSISTENT);

        NekorektenException e = failure(() -> searchByPhone(PHONE));

        assertThat(e.code()).as("the failure the service meant").isEqualTo(ErrorCode.INVALID_REQUEST);
        for (String shown : ShownText.texts(e)) {
            assertThat(ShownText.forbiddenIn(shown)).as("control characters (%s) in: %s", kind, shown).isEmpty();
        }
        String printed = ShownText.printed(e);
        assertThat(printed).as("the printed stack trace (%s)", kind)
                .doesNotContain("\u001B", "\u0007", "\u0000", "\u202E", "\u2028", "\r");
        assertThat(printed.lines()).as("lines of the printed stack trace (%s): the server's text may add none", kind)
                .noneMatch(line -> line.strip().startsWith("FORGED"));
    }

    /**
     * 100 KB of the service's words are cut: the failure's message stays within
     * {@link NekorektenException#MAX_MESSAGE} characters, no line of its printed stack trace is
     * longer than that allows, and the whole trace holds only a bounded part of the text. The call
     * still fails (a typed failure, never an answer). Needs {@link Capability#HOSTILE_SERVER_TEXT}.
     * If this fails, cap every text taken from an answer before it reaches a failure.
     */
    @Test
    @KitRule(id = "K-SAFE-05", proves = {Behaviour.SERVER_TEXT_IS_UNTRUSTED, Behaviour.BOUNDED})
    public final void optional_serverText_hugeTextIsCut() {
        assumeCapability(Capability.HOSTILE_SERVER_TEXT);
        String huge = HUGE_WORD.repeat(HUGE / HUGE_WORD.length());
        subject().arrangeServerText(ErrorCode.INVALID_REQUEST, huge, PERSISTENT);

        NekorektenException e = failure(() -> searchByPhone(PHONE));

        assertThat(e.getMessage().length()).as("length of the message").isLessThanOrEqualTo(NekorektenException.MAX_MESSAGE);
        String printed = ShownText.printed(e);
        assertThat(printed.lines().mapToInt(String::length).max().orElse(0))
                .as("the longest line of the printed stack trace").isLessThanOrEqualTo(MAX_PRINTED_LINE);
        assertThat(occurrences(printed, HUGE_WORD.strip()) * HUGE_WORD.length())
                .as("characters of the server's 100 KB text in the printed stack trace")
                .isLessThanOrEqualTo(4 * NekorektenException.MAX_MESSAGE);
    }

    // ---- bounded ----------------------------------------------------------------------------

    /**
     * A call the server takes and never answers ends with a {@link ErrorCode#TIMEOUT} failure —
     * "no usable answer" — never a hang and never an answer, for a read and for a write; a write's
     * outcome is that it may have been applied (it reached the server), never "not sent". Needs
     * {@link Capability#UNANSWERED_REQUESTS}. If this hangs or fails, give the adapter connect and
     * response timeouts and make it give up when they pass rather than wait for an answer.
     */
    @ParameterizedTest
    @ValueSource(strings = {"search", "create"})
    @KitRule(id = "K-SAFE-06", proves = {Behaviour.BOUNDED, Behaviour.ERRORS})
    public final void optional_bounded_unansweredCallEndsWithATimeout(String call) {
        assumeCapability(Capability.UNANSWERED_REQUESTS);
        subject().arrangeNoAnswer(PERSISTENT);

        NekorektenException e = failure(() -> {
            if (call.equals("search")) {
                client().search(SearchCriteria.builder().phone(PHONE).email(TestData.EMAIL).mode(SearchMode.ONE_OF).build());
            } else {
                client().create(TestData.draft(PHONE, "never answered"));
            }
        });

        assertThat(e.code()).as("the failure of a %s the server never answered", call).isEqualTo(ErrorCode.TIMEOUT);
        assertThat(e).isInstanceOf(NoUsableAnswerException.class);
        if (call.equals("create")) {
            assertThat(e.outcome()).as("the outcome of a create that reached the server")
                    .isEqualTo(RequestOutcome.MAY_HAVE_BEEN_APPLIED);
        }
    }

    /** Hostile words of a service, each with a name: escapes, forged lines, invisible controls, bidi. */
    static Stream<Arguments> hostileTexts() {
        return Stream.of(
                Arguments.of("ANSI escapes", "Невалидни данни \u001B[31mRED\u001B[0m \u001B]0;retitled\u0007 \u001B[2J"),
                Arguments.of("forged log lines", "Bad request\r\nFORGED 2026-01-01 ERROR admin logged in\nFORGED again\u0085FORGED"),
                Arguments.of("NUL, BEL, DEL and C1", "null\u0000bell\u0007del\u007Fcsi\u009B31m"),
                Arguments.of("bidi overrides", "invoice \u202Efdp.exe\u202C \u2066isolate\u2069\u2028FORGED"));
    }

    private String assumeKey() {
        String key = subject().apiKey().orElse(null);
        Assumptions.assumeTrue(key != null && !key.isBlank(),
                () -> "skipped: the subject declares no API key (ConformanceSubject.apiKey())");
        return key;
    }

    private static void assertKeyNotShown(NekorektenException e, String key) {
        assertThat(ShownText.texts(e)).as("what the failure shows (message, toString, context, causes)")
                .noneMatch(text -> containsKey(text, key));
        assertThat(containsKey(ShownText.printed(e), key)).as("the key is in the printed stack trace").isFalse();
    }

    /** Whether {@code text} holds {@code key}, in any letter case. */
    private static boolean containsKey(String text, String key) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(key.toLowerCase(Locale.ROOT));
    }

    private static int occurrences(String text, String word) {
        int count = 0;
        for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length())) {
            count++;
        }
        return count;
    }

    private static NekorektenException failure(ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).as("what the call threw (a failure must be an exception, never an answer)")
                .isInstanceOf(NekorektenException.class);
        return (NekorektenException) thrown;
    }
}
