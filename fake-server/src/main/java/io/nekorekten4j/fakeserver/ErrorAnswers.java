package io.nekorekten4j.fakeserver;

import io.nekorekten4j.domain.ValidationException;
import io.nekorekten4j.domain.Violation;
import io.nekorekten4j.ports.ErrorCode;
import io.nekorekten4j.ports.InvalidRequestException;
import io.nekorekten4j.ports.IpNotWhitelistedException;
import io.nekorekten4j.ports.NekorektenException;
import io.nekorekten4j.ports.QuotaExhaustedException;
import io.nekorekten4j.ports.RateLimitedException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * What the server answers for each failure: the wire form of every exception the fake throws, so
 * that a client on the wire meets the failure the fake means.
 *
 * <table>
 *   <caption>Failure → answer</caption>
 *   <tr><th>failure</th><th>answer</th></tr>
 *   <tr><td>{@code ValidationException} (the request's values), {@code InvalidRequestException}</td>
 *       <td>400 {@code {message, errors: {field: message}, server}}</td></tr>
 *   <tr><td>{@code InvalidApiKeyException}</td><td>401 {@code {message, server}}</td></tr>
 *   <tr><td>{@code IpNotWhitelistedException}</td><td>403, the message naming the IP address</td></tr>
 *   <tr><td>{@code ForbiddenException}</td><td>403</td></tr>
 *   <tr><td>{@code NotFoundException}</td><td>404</td></tr>
 *   <tr><td>{@code RateLimitedException}</td><td>429 with {@code Retry-After} in whole seconds (rounded up)</td></tr>
 *   <tr><td>{@code QuotaExhaustedException}</td><td>429, a message that speaks of the daily limit,
 *       and {@code Retry-After} as the HTTP date of the reset</td></tr>
 *   <tr><td>{@code ServiceUnavailableException}</td><td>its 5xx status (503 by default)</td></tr>
 *   <tr><td>{@code TransportException}</td><td>the connection closed without an answer</td></tr>
 *   <tr><td>{@code CallTimeoutException}</td><td>the answer held back for the stall time, then 504</td></tr>
 *   <tr><td>{@code UnexpectedResponseException}</td><td>200 with a truncated JSON body</td></tr>
 *   <tr><td>{@code CircuitOpenException}, {@code RateLimitWaitExceededException}</td><td>500: these
 *       are a client's own refusals, which no server can send</td></tr>
 * </table>
 * The message is the exception's service message when it has one (the fake's are in Bulgarian, as
 * the service's are), else a fixed one. Never the API key: the fake's exceptions never hold it.
 */
final class ErrorAnswers {

    /** The body of an {@code UNEXPECTED_RESPONSE}: JSON cut off in the middle of a report. */
    static final String TRUNCATED_BODY = "{\"message\":null,\"items\":[{\"id\":\"6PpAbCdEfG\",\"phone\":\"+3598";

    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private final WireJson json;

    ErrorAnswers(WireJson json) {
        this.json = json;
    }

    /** 400 for values the server refused before calling the fake. */
    Answer.Http invalid(ValidationException e, Instant now) {
        return invalid(e.violations(), now);
    }

    /** 400 naming {@code violations}. */
    Answer.Http invalid(List<Violation> violations, Instant now) {
        return Answer.Http.json(400, json.invalid("Невалидни данни.", violations, 400, now));
    }

    /** A plain error: {@code {message, server}} with {@code status}. */
    Answer.Http plain(int status, String message, Instant now) {
        return Answer.Http.json(status, json.message(message, status, now));
    }

    /** The answer for what the fake threw. */
    Answer of(NekorektenException e, Instant now) {
        Optional<String> said = e.context().serviceMessage().filter(m -> !m.isBlank());
        return switch (e.code()) {
            case INVALID_REQUEST -> Answer.Http.json(400, json.invalid(said.orElse("Невалидни данни."),
                    ((InvalidRequestException) e).fieldErrors(), 400, now));
            case INVALID_API_KEY -> plain(401, said.orElse("Невалиден API ключ."), now);
            case IP_NOT_WHITELISTED -> plain(403, ipMessage((IpNotWhitelistedException) e, said), now);
            case FORBIDDEN -> plain(403, said.orElse("Нямате права над този сигнал."), now);
            case NOT_FOUND -> plain(404, said.orElse("Сигналът не е намерен."), now);
            case RATE_LIMITED -> rateLimited((RateLimitedException) e, said, now);
            case QUOTA_EXHAUSTED -> quotaExhausted((QuotaExhaustedException) e, said, now);
            case SERVICE_UNAVAILABLE -> {
                int status = e.context().status().stream().filter(s -> s >= 500 && s <= 599).findFirst().orElse(503);
                yield plain(status, said.orElse("Услугата е временно недостъпна. Опитайте по-късно."), now);
            }
            case TRANSPORT_FAILURE -> new Answer.Drop();
            case TIMEOUT -> new Answer.Stall(plain(504, "Изтече времето за отговор.", now));
            case UNEXPECTED_RESPONSE -> new Answer.Http(200, java.util.Map.of(),
                    TRUNCATED_BODY.getBytes(StandardCharsets.UTF_8));
            case CIRCUIT_OPEN, RATE_LIMIT_WAIT_EXCEEDED, QUOTA_STORE_UNAVAILABLE ->
                    plain(500, "Вътрешна грешка на сървъра.", now);
        };
    }

    /**
     * The refusal {@code code} stands for in the service's own words, {@code said} sent as it is
     * (JSON-escaped, nothing cut or cleaned): the {@code message}, and for a 400 also the message
     * of a field error of {@code text}. For testing what a client does with a hostile service's
     * words; see {@link FakeServer#sayNext}.
     *
     * @throws IllegalArgumentException when {@code code} is not {@code INVALID_REQUEST},
     *                                  {@code INVALID_API_KEY}, {@code FORBIDDEN}, {@code NOT_FOUND}
     *                                  or {@code SERVICE_UNAVAILABLE}
     */
    Answer.Http said(ErrorCode code, String said, Instant now) {
        return switch (code) {
            case INVALID_REQUEST -> Answer.Http.json(400, json.invalid(said, List.of(new Violation("text", said)), 400, now));
            case INVALID_API_KEY -> plain(401, said, now);
            case FORBIDDEN -> plain(403, said, now);
            case NOT_FOUND -> plain(404, said, now);
            case SERVICE_UNAVAILABLE -> plain(503, said, now);
            default -> throw new IllegalArgumentException("the service's own words come with INVALID_REQUEST, "
                    + "INVALID_API_KEY, FORBIDDEN, NOT_FOUND or SERVICE_UNAVAILABLE, not " + code);
        };
    }

    /** The message of an IP refusal always names the address, for the merchant to copy. */
    private static String ipMessage(IpNotWhitelistedException e, Optional<String> said) {
        Optional<String> ip = e.ipAddress();
        if (said.isPresent() && (ip.isEmpty() || said.get().contains(ip.get()))) {
            return said.get();
        }
        return ip.map(a -> "Нямате достъп от IP адрес " + a).orElse("Нямате достъп от този IP адрес.");
    }

    private Answer.Http rateLimited(RateLimitedException e, Optional<String> said, Instant now) {
        Optional<Duration> wait = e.retryAfter();
        String message = said.orElseGet(() -> "Твърде много заявки в минута."
                + wait.map(w -> " Опитайте отново след " + seconds(w) + " секунди.").orElse(""));
        Answer.Http answer = plain(429, message, now);
        return wait.map(w -> answer.withHeader("Retry-After", Long.toString(seconds(w)))).orElse(answer);
    }

    private Answer.Http quotaExhausted(QuotaExhaustedException e, Optional<String> said, Instant now) {
        Answer.Http answer = plain(429, said.orElse("Дневният лимит на заявките е изчерпан."), now);
        return e.resetsAt().map(at -> answer.withHeader("Retry-After", HTTP_DATE.format(at))).orElse(answer);
    }

    /** Whole seconds, rounded up: a client that waits this long is never early. */
    static long seconds(Duration wait) {
        if (wait.isNegative() || wait.isZero()) {
            return 0;
        }
        long seconds = wait.getSeconds();
        return wait.getNano() > 0 ? seconds + 1 : seconds;
    }
}
