package io.nekorekten4j.http;

import static io.nekorekten4j.http.NekorektenHttpTestSupport.body;
import static io.nekorekten4j.http.NekorektenHttpTestSupport.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import io.nekorekten4j.domain.Violation;
import io.nekorekten4j.ports.ErrorCode;
import io.nekorekten4j.ports.ErrorContext;
import io.nekorekten4j.ports.ForbiddenException;
import io.nekorekten4j.ports.InvalidApiKeyException;
import io.nekorekten4j.ports.InvalidRequestException;
import io.nekorekten4j.ports.IpNotWhitelistedException;
import io.nekorekten4j.ports.NekorektenException;
import io.nekorekten4j.ports.NotFoundException;
import io.nekorekten4j.ports.QuotaExhaustedException;
import io.nekorekten4j.ports.RateLimitedException;
import io.nekorekten4j.ports.RequestOutcome;
import io.nekorekten4j.ports.ServiceUnavailableException;
import io.nekorekten4j.ports.UnexpectedResponseException;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Status and body → the ports' exception, with a context that never holds the key or a query value. */
class ErrorMapperTest {

    private static final Instant NOW = Instant.parse("2026-02-27T18:22:33Z");
    private static final String KEY = "s3cr3tK3yThatMustNeverLeak";
    /** Made for each test, as the client makes one for each attempt (not once per JVM). */
    private final ErrorMapper.Redactor redactor = ErrorMapper.Redactor.of(KEY, List.of("359888123456", "888123456"));
    private static final ErrorContext GET_REPORTS = ErrorContext.of("GET", "/api/v1/reports");
    private static JsonCodec json;
    private static WireAnswers wire;

    @BeforeAll
    static void codec() {
        json = new JsonCodec();
        wire = new WireAnswers(json, NekorektenHttp.DEFAULT_BASE_URI);
    }

    @AfterAll
    static void close() {
        json.close();
    }

    private NekorektenException map(int status, String fixtureName, String retryAfter) throws IOException {
        String text = fixtureName == null ? "" : fixture(fixtureName);
        Envelope envelope = wire.errorEnvelope(body(text));
        return ErrorMapper.fromStatus(GET_REPORTS, status, Optional.ofNullable(retryAfter), envelope,
                body(text).excerpt(), NOW, redactor);
    }

    private NekorektenException mapMessage(int status, String message) {
        Envelope envelope = new Envelope(Optional.of(message), OptionalInt.empty(), Optional.empty(), List.of());
        return ErrorMapper.fromStatus(GET_REPORTS, status, Optional.empty(), envelope, "{\"message\":\"...\"}", NOW, redactor);
    }

    @ParameterizedTest(name = "HTTP {0} with {1} → {2}")
    @CsvSource({
            "400, error-400-fields.json, INVALID_REQUEST",
            "422, error-400-list.json,   INVALID_REQUEST",
            "401, error-401.json,        INVALID_API_KEY",
            "403, error-403-ip.json,     IP_NOT_WHITELISTED",
            "403, error-403.json,        FORBIDDEN",
            "404, error-404.json,        NOT_FOUND",
            "429, error-429.json,        RATE_LIMITED",
            "429, error-429-daily.json,  QUOTA_EXHAUSTED",
            "500, error-500.html,        SERVICE_UNAVAILABLE",
            "502, error-502.html,        SERVICE_UNAVAILABLE",
            "503, ,                      SERVICE_UNAVAILABLE",
            "301, ,                      UNEXPECTED_RESPONSE",
            "307, ,                      UNEXPECTED_RESPONSE",
            "402, error-404.json,        UNEXPECTED_RESPONSE",
            "418, ,                      UNEXPECTED_RESPONSE",
            "100, ,                      UNEXPECTED_RESPONSE"})
    void everyStatusMapsToItsExceptionWithMethodPathAndStatus(int status, String fixtureName, ErrorCode code)
            throws IOException {
        NekorektenException e = map(status, fixtureName, null);

        assertThat(e.code()).isEqualTo(code);
        assertThat(e.context().method()).contains("GET");
        assertThat(e.context().path()).contains("/api/v1/reports");
        assertThat(e.context().status()).hasValue(status);
        assertThat(e.getMessage()).contains("(search, HTTP " + status + ")");
        if (fixtureName != null) {
            assertThat(e.context().bodyExcerpt()).hasValueSatisfying(x -> assertThat(x).hasSizeLessThanOrEqualTo(201));
        }
    }

    @Test
    void invalidRequestCarriesTheServersFieldMessagesAndItsMessage() throws IOException {
        InvalidRequestException e = (InvalidRequestException) map(400, "error-400-fields.json", null);

        assertThat(e.fieldErrors()).contains(new Violation("phone", "Невалиден телефонен номер."));
        assertThat(e.serviceMessage()).contains("Невалидни данни.");
        assertThat(e.getMessage()).contains("phone, text");
        assertThat(e.context().bodyExcerpt()).hasValueSatisfying(x -> assertThat(x).startsWith("{ \"message\": \"Невалидни"));
    }

    @Test
    void aForbiddenAnswerNamingAnIpGivesTheIpToWhitelist() throws IOException {
        IpNotWhitelistedException e = (IpNotWhitelistedException) map(403, "error-403-ip.json", null);

        assertThat(e.ipAddress()).contains("203.0.113.7");
        assertThat(e.getMessage()).contains("203.0.113.7");
        assertThat(e.serviceMessage()).hasValueSatisfying(m -> assertThat(m).startsWith("Достъпът е отказан"));
    }

    @Test
    void aForbiddenAnswerThatSpeaksOfIpsWithoutAnAddressIsStillAnIpProblem() {
        NekorektenException e = mapMessage(403, "Your IP is not whitelisted for this key");

        assertThat(e).isInstanceOfSatisfying(IpNotWhitelistedException.class, ip -> assertThat(ip.ipAddress()).isEmpty());
        assertThat(mapMessage(403, "Access from 2001:db8::7 is not allowed"))
                .isInstanceOfSatisfying(IpNotWhitelistedException.class, ip -> assertThat(ip.ipAddress()).contains("2001:db8::7"));
        assertThat(mapMessage(403, "You may not edit this report")).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void retryAfterInSecondsIsTheWait() throws IOException {
        RateLimitedException e = (RateLimitedException) map(429, "error-429.json", "7");

        assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
    }

    @Test
    void retryAfterAsAnHttpDateIsTheWaitFromNow() throws IOException {
        RateLimitedException e = (RateLimitedException) map(429, "error-429.json", "Fri, 27 Feb 2026 18:23:03 GMT");

        assertThat(e.retryAfter()).contains(Duration.ofSeconds(30));
    }

    @Test
    void aRetryAfterDateInThePastIsNoWait() throws IOException {
        RateLimitedException e = (RateLimitedException) map(429, "error-429.json", "Thu, 01 Jan 2026 00:00:00 GMT");

        assertThat(e.retryAfter()).contains(Duration.ZERO);
    }

    @Test
    void aMissingOrUnreadableRetryAfterIsNoKnownWait() throws IOException {
        assertThat(((RateLimitedException) map(429, "error-429.json", null)).retryAfter()).isEmpty();
        assertThat(((RateLimitedException) map(429, "error-429.json", "soon")).retryAfter()).isEmpty();
        assertThat(((RateLimitedException) map(429, null, null)).retryAfter()).isEmpty();
    }

    @Test
    void anAbsurdRetryAfterSaturatesInsteadOfWrapping() {
        assertThat(ErrorMapper.parseRetryAfter("99999999999999999999999", NOW)).hasValueSatisfying(
                d -> assertThat(d).isGreaterThan(Duration.ofDays(365)));
    }

    @Test
    void aDailyLimitMessageIsQuotaExhaustedWithTheResetFromRetryAfter() throws IOException {
        QuotaExhaustedException e = (QuotaExhaustedException) map(429, "error-429-daily.json", "3600");

        assertThat(e.resetsAt()).contains(NOW.plusSeconds(3600));
        assertThat(ErrorMapper.fromStatus(GET_REPORTS, 402, Optional.empty(),
                new Envelope(Optional.of("Daily lookup limit of your plan reached"), OptionalInt.empty(),
                        Optional.empty(), List.of()), null, NOW, redactor)).isInstanceOf(QuotaExhaustedException.class);
    }

    @Test
    void aPerMinuteLimitMessageStaysRateLimitedEvenWhenItNamesThePlan() {
        assertThat(mapMessage(429, "Your plan allows 10 requests per minute")).isInstanceOf(RateLimitedException.class);
        assertThat(mapMessage(429, "An explanation of the limit")).isInstanceOf(RateLimitedException.class);
    }

    @Test
    void a200WhoseServerHttpCodeIs500IsMappedByThatCodeAndSaysSo() throws Exception {
        Envelope envelope = wire.errorEnvelope(body(fixture("search-server-error.json")));

        NekorektenException e = ErrorMapper.fromBody(GET_REPORTS, 200, Optional.empty(), envelope, "{...}", NOW, redactor);

        assertThat(e).isInstanceOf(ServiceUnavailableException.class);
        assertThat(e.context().status()).hasValue(500);
        assertThat(e.getMessage()).contains("HTTP 200 carried server.httpCode 500");
    }

    @Test
    void theKeyIsBlankedOutOfTheMessageAndTheExcerptShouldTheServiceEchoIt() {
        String echo = "{\"message\":\"Invalid key " + KEY + "\"}";
        Envelope envelope = new Envelope(Optional.of("Invalid key " + KEY), OptionalInt.empty(), Optional.empty(),
                List.of(new Violation("apiKey", "unknown key " + KEY)));

        NekorektenException e = ErrorMapper.fromStatus(GET_REPORTS, 400, Optional.empty(), envelope, echo, NOW, redactor);

        assertThat(e.getMessage()).doesNotContain(KEY);
        assertThat(e.context().toString()).doesNotContain(KEY).contains(ErrorMapper.REDACTED);
        assertThat(((InvalidRequestException) e).fieldErrors().toString()).doesNotContain(KEY);
        assertThat(ErrorMapper.unexpected(GET_REPORTS, "bad", echo, redactor, null).context().toString()).doesNotContain(KEY);
    }

    @Test
    void theRequestsQueryValuesAreBlankedOutOfTheExcerpt() {
        String answer = "{\"items\":[{\"phone\":\"+359888123456\"},{\"phone\":\"0888123456\"}]";

        NekorektenException e = ErrorMapper.unexpected(GET_REPORTS, "bad", answer, redactor, null);

        assertThat(e.context().bodyExcerpt()).hasValueSatisfying(x -> assertThat(x).doesNotContain("888123456")
                .contains("+" + ErrorMapper.REDACTED).contains("0" + ErrorMapper.REDACTED));
    }

    @Test
    void theExcerptIsAtMost200CharactersOfTheBody() throws IOException {
        String big = "<html>" + "Грешка ".repeat(500) + "</html>";

        NekorektenException e = ErrorMapper.fromStatus(GET_REPORTS, 500, Optional.empty(), Envelope.EMPTY,
                body(big).excerpt(), NOW, redactor);

        assertThat(e.context().bodyExcerpt()).hasValueSatisfying(x -> {
            assertThat(x).startsWith("<html>Грешка");
            assertThat(x.length()).isLessThanOrEqualTo(ErrorContext.MAX_EXCERPT + 1);
        });
    }

    @Test
    void aRedirectIsUnexpectedAndNamesOnlyItsStatus() {
        NekorektenException e = ErrorMapper.fromStatus(GET_REPORTS, 302, Optional.empty(), Envelope.EMPTY, null, NOW, redactor);

        assertThat(e).isInstanceOf(UnexpectedResponseException.class);
        assertThat(e.getMessage()).contains("redirect").contains("HTTP 302");
        assertThat(e.context().bodyExcerpt()).isEmpty();
    }

    @Test
    void notFoundAndBadKeyKeepTheServiceMessage() throws IOException {
        assertThat(map(404, "error-404.json", null)).isInstanceOf(NotFoundException.class)
                .satisfies(e -> assertThat(e.context().serviceMessage()).contains("Сигналът не е намерен."));
        assertThat(map(401, "error-401.json", null)).isInstanceOf(InvalidApiKeyException.class)
                .satisfies(e -> assertThat(e.context().serviceMessage()).contains("Невалиден API ключ."));
    }

    @ParameterizedTest(name = "HTTP {0} → {1}")
    @CsvSource({
            "300, UnexpectedResponseException, a redirect",
            "399, UnexpectedResponseException, a redirect",
            "499, UnexpectedResponseException, an unexpected status",
            "500, ServiceUnavailableException, failed or is unavailable",
            "599, ServiceUnavailableException, failed or is unavailable",
            "600, UnexpectedResponseException, an unexpected status",
            "199, UnexpectedResponseException, an unexpected status"})
    void theEdgesOfEachStatusRangeMapLikeTheirRange(int status, String type, String said) {
        NekorektenException e = ErrorMapper.fromStatus(GET_REPORTS, status, Optional.empty(), Envelope.EMPTY, null, NOW,
                redactor);

        assertThat(e.getClass().getSimpleName()).isEqualTo(type);
        assertThat(e.getMessage()).contains(said);
    }

    @ParameterizedTest(name = "HTTP {0}: {1}")
    @CsvSource({
            "399, MAY_HAVE_BEEN_APPLIED",
            "400, REFUSED",
            "404, REFUSED",
            "499, REFUSED",
            "500, MAY_HAVE_BEEN_APPLIED",
            "302, MAY_HAVE_BEEN_APPLIED",
            "600, MAY_HAVE_BEEN_APPLIED"})
    void onlyA4xxSaysTheRequestWasRefusedAndNothingApplied(int status, RequestOutcome outcome) {
        NekorektenException e = ErrorMapper.fromStatus(GET_REPORTS, status, Optional.empty(), Envelope.EMPTY, null, NOW,
                redactor);

        assertThat(e.outcome()).isEqualTo(outcome);
    }

    @Test
    void theMessageNamesAtMostTenFieldsAndCountsTheRest() {
        assertThat(invalidFields(10).getMessage()).contains(": f1, f2, f3, f4, f5, f6, f7, f8, f9, f10")
                .doesNotContain("more");
        assertThat(invalidFields(11).getMessage()).contains("f9, f10 and 1 more").doesNotContain("f11");
        assertThat(invalidFields(13).getMessage()).contains("f10 and 3 more");
        assertThat(invalidFields(13).fieldErrors()).hasSize(13);
    }

    private InvalidRequestException invalidFields(int count) {
        List<Violation> fields = java.util.stream.IntStream.rangeClosed(1, count)
                .mapToObj(i -> new Violation("f" + i, "bad")).toList();
        Envelope envelope = new Envelope(Optional.of("Невалидни данни."), OptionalInt.empty(), Optional.empty(), fields);
        return (InvalidRequestException) ErrorMapper.fromStatus(GET_REPORTS, 422, Optional.empty(), envelope, null, NOW,
                redactor);
    }

    @Test
    void aRateLimitMessageSaysHowLongToWaitWhenTheServiceSaid() throws IOException {
        assertThat(map(429, "error-429.json", "7").getMessage()).startsWith("Too many requests: retry after 7 s");
        assertThat(map(429, "error-429.json", null).getMessage()).startsWith("Too many requests")
                .doesNotContain("retry after");
    }

    @Test
    void aLongerSecretIsBlankedWholeWhateverOrderTheValuesCameIn() {
        ErrorMapper.Redactor shortestFirst = ErrorMapper.Redactor.of(KEY, List.of("888123456", "359888123456"));

        NekorektenException e = ErrorMapper.unexpected(GET_REPORTS, "bad", "{\"phone\":\"+359888123456\"}",
                shortestFirst, null);

        assertThat(e.context().bodyExcerpt()).hasValueSatisfying(x -> assertThat(x)
                .contains("+" + ErrorMapper.REDACTED).doesNotContain("359"));
    }

    @Test
    void valuesOfThreeCharactersOrMoreAreBlankedShorterOnesAndNoneAreNot() {
        List<String> values = new java.util.ArrayList<>(List.of("Ана", "Ив"));
        values.add(null);
        ErrorMapper.Redactor r = ErrorMapper.Redactor.of(KEY, values);

        assertThat(r.apply("Ана и Ив")).isEqualTo(ErrorMapper.REDACTED + " и Ив");
        assertThat(r.apply(null)).isNull();
        assertThat(ErrorMapper.Redactor.of(KEY, List.of("Ана", "Ана")).apply("Ана")).isEqualTo(ErrorMapper.REDACTED);
    }
}
