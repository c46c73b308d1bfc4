package io.nekorekten4j.ports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import io.nekorekten4j.domain.Violation;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ExceptionHierarchyTest {

    /** One concrete exception class: how to make one, its code and its branch of the hierarchy. */
    record Kind(String name, BiFunction<String, ErrorContext, NekorektenException> factory, ErrorCode code,
                Class<? extends NekorektenException> branch) {

        NekorektenException create(String message, ErrorContext context) {
            return factory.apply(message, context);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static final Throwable CAUSE = new IOException("connection reset");

    static Stream<Kind> kinds() {
        return Stream.of(
                new Kind("TransportException", (m, c) -> new TransportException(m, c, CAUSE),
                        ErrorCode.TRANSPORT_FAILURE, NoUsableAnswerException.class),
                new Kind("CallTimeoutException", (m, c) -> new CallTimeoutException(m, c, CAUSE),
                        ErrorCode.TIMEOUT, NoUsableAnswerException.class),
                new Kind("UnexpectedResponseException", (m, c) -> new UnexpectedResponseException(m, c, CAUSE),
                        ErrorCode.UNEXPECTED_RESPONSE, NoUsableAnswerException.class),
                new Kind("CircuitOpenException", (m, c) -> new CircuitOpenException(m, c, null),
                        ErrorCode.CIRCUIT_OPEN, NoUsableAnswerException.class),
                new Kind("QuotaStoreUnavailableException", (m, c) -> new QuotaStoreUnavailableException(m, c, null),
                        ErrorCode.QUOTA_STORE_UNAVAILABLE, NoUsableAnswerException.class),
                new Kind("RateLimitWaitExceededException",
                        (m, c) -> new RateLimitWaitExceededException(m, c, Duration.ofSeconds(6)),
                        ErrorCode.RATE_LIMIT_WAIT_EXCEEDED, NoUsableAnswerException.class),
                new Kind("InvalidRequestException",
                        (m, c) -> new InvalidRequestException(m, c, List.of(new Violation("phone", "Невалиден телефон"))),
                        ErrorCode.INVALID_REQUEST, ServiceRefusedException.class),
                new Kind("InvalidApiKeyException", (m, c) -> new InvalidApiKeyException(m, c, null),
                        ErrorCode.INVALID_API_KEY, ServiceRefusedException.class),
                new Kind("IpNotWhitelistedException", (m, c) -> new IpNotWhitelistedException(m, c, "203.0.113.7"),
                        ErrorCode.IP_NOT_WHITELISTED, ServiceRefusedException.class),
                new Kind("ForbiddenException", (m, c) -> new ForbiddenException(m, c, null),
                        ErrorCode.FORBIDDEN, ServiceRefusedException.class),
                new Kind("NotFoundException", (m, c) -> new NotFoundException(m, c, null),
                        ErrorCode.NOT_FOUND, ServiceRefusedException.class),
                new Kind("RateLimitedException", (m, c) -> new RateLimitedException(m, c, Duration.ofSeconds(30)),
                        ErrorCode.RATE_LIMITED, ServiceRefusedException.class),
                new Kind("QuotaExhaustedException",
                        (m, c) -> new QuotaExhaustedException(m, c, Instant.parse("2026-11-21T00:00:00Z")),
                        ErrorCode.QUOTA_EXHAUSTED, ServiceRefusedException.class),
                new Kind("ServiceUnavailableException", (m, c) -> new ServiceUnavailableException(m, c, CAUSE),
                        ErrorCode.SERVICE_UNAVAILABLE, ServiceRefusedException.class));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("kinds")
    void eachExceptionHasItsStableCode(Kind kind) {
        assertThat(kind.create("failed", ErrorContext.none()).code()).isEqualTo(kind.code());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("kinds")
    void theCodeSaysWhichBranchTheExceptionIsOn(Kind kind) {
        NekorektenException e = kind.create("failed", ErrorContext.none());

        assertThat(e).isInstanceOf(kind.branch()).isInstanceOf(RuntimeException.class);
        assertThat(e.code().serviceAnswered()).isEqualTo(e instanceof ServiceRefusedException);
        assertThat(e.code().serviceAnswered()).isNotEqualTo(e instanceof NoUsableAnswerException);
    }

    @Test
    void everyCodeBelongsToExactlyOneExceptionClass() {
        List<ErrorCode> codes = kinds().map(Kind::code).toList();

        assertThat(codes).doesNotHaveDuplicates();
        assertThat(EnumSet.copyOf(codes)).isEqualTo(EnumSet.allOf(ErrorCode.class));
    }

    @Test
    void theBranchesSplitNoUsableAnswerFromServiceRefused() {
        Set<ErrorCode> noUsableAnswer = EnumSet.of(ErrorCode.TRANSPORT_FAILURE, ErrorCode.TIMEOUT,
                ErrorCode.UNEXPECTED_RESPONSE, ErrorCode.CIRCUIT_OPEN, ErrorCode.RATE_LIMIT_WAIT_EXCEEDED,
                ErrorCode.QUOTA_STORE_UNAVAILABLE);

        assertThat(EnumSet.allOf(ErrorCode.class).stream().filter(c -> !c.serviceAnswered())
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(ErrorCode.class)))).isEqualTo(noUsableAnswer);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("kinds")
    void theMessageNamesMethodPathAndStatusButNeverTheQuery(Kind kind) {
        ErrorContext context = ErrorContext.of("GET", "/api/v1/reports?phone=359888123456&email=ivan%40abv.bg")
                .withStatus(503);

        NekorektenException e = kind.create("The search failed", context);

        assertThat(e).hasMessage("The search failed (search, HTTP 503)");
        assertThat(e.getMessage()).doesNotContain("?").doesNotContain("phone=").doesNotContain("359888123456")
                .doesNotContain("ivan");
        assertThat(e.context()).isSameAs(context);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("kinds")
    void withoutContextTheMessageIsTheMessageAlone(Kind kind) {
        assertThat(kind.create("The search failed", ErrorContext.none())).hasMessage("The search failed");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("kinds")
    void theBodyExcerptIsAtMost200CharactersTheEllipsisIncluded(Kind kind) {
        String body = "{\"message\":\"" + "x".repeat(1_000) + "\"}";

        NekorektenException e = kind.create("failed", ErrorContext.of("POST", "/api/v1/reports").withStatus(500)
                .withBody(body));

        assertThat(e.context().bodyExcerpt()).hasValueSatisfying(excerpt -> assertThat(excerpt)
                .hasSize(200).startsWith(body.substring(0, 199)).endsWith("…"));
        assertThat(e.getMessage()).doesNotContain("xxxxx");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("kinds")
    void aMessageAndAContextAreRequired(Kind kind) {
        assertThatNullPointerException().isThrownBy(() -> kind.create(null, ErrorContext.none())).withMessage("message");
        assertThatNullPointerException().isThrownBy(() -> kind.create("failed", null)).withMessage("context");
    }

    @Test
    void theCauseIsKeptWhereOneIsGiven() {
        ErrorContext none = ErrorContext.none();

        assertThat(new TransportException("m", none, CAUSE)).hasCause(CAUSE);
        assertThat(new CallTimeoutException("m", none, CAUSE)).hasCause(CAUSE);
        assertThat(new UnexpectedResponseException("m", none, CAUSE)).hasCause(CAUSE);
        assertThat(new CircuitOpenException("m", none, CAUSE)).hasCause(CAUSE);
        assertThat(new QuotaStoreUnavailableException("m", none, CAUSE)).hasCause(CAUSE);
        assertThat(new InvalidApiKeyException("m", none, CAUSE)).hasCause(CAUSE);
        assertThat(new ForbiddenException("m", none, CAUSE)).hasCause(CAUSE);
        assertThat(new NotFoundException("m", none, CAUSE)).hasCause(CAUSE);
        assertThat(new ServiceUnavailableException("m", none, CAUSE)).hasCause(CAUSE);
        assertThat(new TransportException("m", none, null)).hasNoCause();
    }

    @Test
    void serviceRefusalsCarryTheServicesOwnMessage() {
        ErrorContext context = ErrorContext.of("GET", "/api/v1/reports").withStatus(401).withServiceMessage("Невалиден API ключ");

        assertThat(new InvalidApiKeyException("The API key was not accepted", context, null).serviceMessage())
                .contains("Невалиден API ключ");
        assertThat(new NotFoundException("No such report", ErrorContext.none(), null).serviceMessage()).isEmpty();
    }

    @Test
    void rateLimitedCarriesTheWaitTheServiceAskedForWhenItAsked() {
        assertThat(new RateLimitedException("m", ErrorContext.none(), Duration.ofSeconds(30)).retryAfter())
                .contains(Duration.ofSeconds(30));
        assertThat(new RateLimitedException("m", ErrorContext.none(), null).retryAfter()).isEmpty();
    }

    @Test
    void quotaExhaustedCarriesTheResetTimeWhenKnown() {
        Instant midnight = Instant.parse("2026-11-21T00:00:00Z");

        assertThat(new QuotaExhaustedException("m", ErrorContext.none(), midnight).resetsAt()).contains(midnight);
        assertThat(new QuotaExhaustedException("m", ErrorContext.none(), null).resetsAt()).isEmpty();
    }

    @Test
    void rateLimitWaitExceededAlwaysTellsTheWaitNeeded() {
        assertThat(new RateLimitWaitExceededException("m", ErrorContext.none(), Duration.ofMillis(5_500)).waitNeeded())
                .isEqualTo(Duration.ofMillis(5_500));
        assertThatNullPointerException()
                .isThrownBy(() -> new RateLimitWaitExceededException("m", ErrorContext.none(), null))
                .withMessage("waitNeeded");
    }

    @Test
    void invalidRequestCarriesACopyOfTheServicesFieldMessages() {
        List<Violation> fieldErrors = new ArrayList<>(List.of(new Violation("phone", "Невалиден телефон")));
        InvalidRequestException e = new InvalidRequestException("Rejected", ErrorContext.none(), fieldErrors);

        fieldErrors.add(new Violation("text", "Задължително поле"));

        assertThat(e.fieldErrors()).containsExactly(new Violation("phone", "Невалиден телефон"));
        assertThat(new InvalidRequestException("Rejected", ErrorContext.none(), List.of()).fieldErrors()).isEmpty();
    }

    /** The outcome each class claims when the adapter recorded none: never more certain than the class is. */
    static Stream<org.junit.jupiter.params.provider.Arguments> defaultOutcomes() {
        java.util.Map<ErrorCode, RequestOutcome> expected = new java.util.EnumMap<>(ErrorCode.class);
        expected.put(ErrorCode.TRANSPORT_FAILURE, RequestOutcome.MAY_HAVE_BEEN_APPLIED);
        expected.put(ErrorCode.TIMEOUT, RequestOutcome.MAY_HAVE_BEEN_APPLIED);
        expected.put(ErrorCode.UNEXPECTED_RESPONSE, RequestOutcome.MAY_HAVE_BEEN_APPLIED);
        expected.put(ErrorCode.CIRCUIT_OPEN, RequestOutcome.NOT_SENT);
        expected.put(ErrorCode.RATE_LIMIT_WAIT_EXCEEDED, RequestOutcome.NOT_SENT);
        expected.put(ErrorCode.QUOTA_STORE_UNAVAILABLE, RequestOutcome.NOT_SENT);
        expected.put(ErrorCode.INVALID_REQUEST, RequestOutcome.REFUSED);
        expected.put(ErrorCode.INVALID_API_KEY, RequestOutcome.REFUSED);
        expected.put(ErrorCode.IP_NOT_WHITELISTED, RequestOutcome.REFUSED);
        expected.put(ErrorCode.FORBIDDEN, RequestOutcome.REFUSED);
        expected.put(ErrorCode.NOT_FOUND, RequestOutcome.REFUSED);
        expected.put(ErrorCode.RATE_LIMITED, RequestOutcome.REFUSED);
        expected.put(ErrorCode.QUOTA_EXHAUSTED, RequestOutcome.REFUSED);
        expected.put(ErrorCode.SERVICE_UNAVAILABLE, RequestOutcome.MAY_HAVE_BEEN_APPLIED);
        return kinds().map(k -> org.junit.jupiter.params.provider.Arguments.of(k, expected.get(k.code())));
    }

    @ParameterizedTest(name = "[{index}] {0} → {1}")
    @MethodSource("defaultOutcomes")
    void withoutARecordedOutcomeEachClassClaimsOnlyWhatItsKindProves(Kind kind, RequestOutcome expected) {
        NekorektenException e = kind.create("failed", ErrorContext.of("POST", "/api/v1/reports"));

        assertThat(e.outcome()).isEqualTo(expected);
        assertThat(e.attempts()).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("kinds")
    void theOutcomeAndAttemptsTheAdapterRecordedWin(Kind kind) {
        for (RequestOutcome recorded : RequestOutcome.values()) {
            NekorektenException e = kind.create("failed",
                    ErrorContext.of("PATCH", "/api/v1/reports/7").withOutcome(recorded).withAttempts(3));

            assertThat(e.outcome()).isEqualTo(recorded);
            assertThat(e.attempts()).hasValue(3);
            assertThat(e).hasMessage("failed (update, 3 attempts)");
        }
    }

    @Test
    void aProxyThatRefusedItsCredentialsIsATransportFailureThatWasNotSent() {
        ProxyAuthenticationException e = new ProxyAuthenticationException("m", ErrorContext.none(), CAUSE);

        assertThat(e).isInstanceOf(TransportException.class).hasCause(CAUSE);
        assertThat(e.code()).isEqualTo(ErrorCode.TRANSPORT_FAILURE);
        assertThat(e.outcome()).isEqualTo(RequestOutcome.NOT_SENT);
    }

    @Test
    void aTlsFailureIsATransportFailureThatWasNotSentAndSaysWhatFailed() {
        TlsFailureException e = new TlsFailureException("m", ErrorContext.none(),
                TlsFailureException.Reason.HOSTNAME_MISMATCH, CAUSE);

        assertThat(e).isInstanceOf(TransportException.class).hasCause(CAUSE);
        assertThat(e.code()).isEqualTo(ErrorCode.TRANSPORT_FAILURE);
        assertThat(e.outcome()).isEqualTo(RequestOutcome.NOT_SENT);
        assertThat(e.reason()).isEqualTo(TlsFailureException.Reason.HOSTNAME_MISMATCH);
        assertThatNullPointerException().isThrownBy(() -> new TlsFailureException("m", ErrorContext.none(), null, null))
                .withMessage("reason");
    }
}
