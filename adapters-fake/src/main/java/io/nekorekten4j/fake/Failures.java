package io.nekorekten4j.fake;

import io.nekorekten4j.domain.Violation;
import io.nekorekten4j.ports.CallTimeoutException;
import io.nekorekten4j.ports.CircuitOpenException;
import io.nekorekten4j.ports.ErrorCode;
import io.nekorekten4j.ports.ErrorContext;
import io.nekorekten4j.ports.ForbiddenException;
import io.nekorekten4j.ports.InvalidApiKeyException;
import io.nekorekten4j.ports.InvalidRequestException;
import io.nekorekten4j.ports.IpNotWhitelistedException;
import io.nekorekten4j.ports.NekorektenException;
import io.nekorekten4j.ports.NotFoundException;
import io.nekorekten4j.ports.QuotaExhaustedException;
import io.nekorekten4j.ports.QuotaPlan;
import io.nekorekten4j.ports.RateLimitWaitExceededException;
import io.nekorekten4j.ports.RateLimitedException;
import io.nekorekten4j.ports.RequestOutcome;
import io.nekorekten4j.ports.ServiceUnavailableException;
import io.nekorekten4j.ports.TransportException;
import io.nekorekten4j.ports.UnexpectedResponseException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The exceptions the fake throws, with the HTTP status the service would answer and a plausible
 * service message in Bulgarian, as the service writes them. The exact wording of the live
 * service's messages is not known, except that an IP refusal names the address it saw.
 * Messages never name the API key. Each carries the {@link RequestOutcome} and attempt count the
 * HTTP adapter reports in the same situation: one attempt, refused (4xx) or possibly applied
 * (5xx, broken connection, timeout, unusable answer); none for local refusals (circuit open,
 * rate-limit wait). A faulted call changes nothing in the fake, but callers must act on what a
 * real service could have done.
 */
final class Failures {

    /** The address a refusal by {@link #forCode} names: from TEST-NET-3 (RFC 5737), never a real host. */
    static final String DOCUMENTATION_IP = "203.0.113.7";

    private Failures() {
    }

    /**
     * The failure {@code code} stands for, for a call at {@code now} described by {@code request}:
     * the service's refusals with their HTTP status, or the client-side failures an HTTP adapter
     * would report.
     */
    static NekorektenException forCode(ErrorCode code, ErrorContext request, Instant now) {
        return switch (code) {
            case TRANSPORT_FAILURE -> new TransportException(
                    "The connection was reset before an answer came; the request may have reached the service "
                            + "(simulated by the fake)", reached(request), null);
            case TIMEOUT -> new CallTimeoutException(
                    "No answer within the call's deadline; the request may have reached the service "
                            + "(simulated by the fake)", reached(request), null);
            case UNEXPECTED_RESPONSE -> new UnexpectedResponseException(
                    "The answer was not the service's JSON (simulated by the fake)",
                    reached(request).withStatus(502)
                            .withBody("<html><head><title>502 Bad Gateway</title></head></html>"), null);
            case CIRCUIT_OPEN -> new CircuitOpenException(
                    "The circuit breaker is open after repeated failures; nothing was sent (simulated by the fake)",
                    notSent(request), null);
            case RATE_LIMIT_WAIT_EXCEEDED -> new RateLimitWaitExceededException(
                    "No request permit within the permit-wait timeout; nothing was sent (simulated by the fake)",
                    notSent(request), Duration.ofSeconds(6));
            case INVALID_REQUEST -> invalidRequest(request, List.of());
            case INVALID_API_KEY -> invalidApiKey(request);
            case IP_NOT_WHITELISTED -> ipNotWhitelisted(request, DOCUMENTATION_IP);
            case FORBIDDEN -> forbidden(request);
            case NOT_FOUND -> notFound(request);
            case RATE_LIMITED -> refused(request, 429, "Твърде много заявки. Опитайте отново по-късно.",
                    (m, c) -> new RateLimitedException(m, c, null));
            case QUOTA_EXHAUSTED -> refused(request, 429, "Дневният лимит на заявките е изчерпан.",
                    (m, c) -> new QuotaExhaustedException(m, c, QuotaGate.nextSofiaMidnight(now)));
            case SERVICE_UNAVAILABLE -> refused(request, 503, "Услугата е временно недостъпна. Опитайте по-късно.",
                    (m, c) -> new ServiceUnavailableException(m, c, null));
        };
    }

    /** 422: the service rejected fields of the request. */
    static InvalidRequestException invalidRequest(ErrorContext request, List<Violation> fieldErrors) {
        return refused(request, 422, "Невалидни данни.", (m, c) -> new InvalidRequestException(m, c, fieldErrors));
    }

    /** 401: the key is not accepted. */
    static InvalidApiKeyException invalidApiKey(ErrorContext request) {
        return refused(request, 401, "Невалиден API ключ.", (m, c) -> new InvalidApiKeyException(m, c, null));
    }

    /** 403: the key is used from {@code ip}, which is not on its whitelist. */
    static IpNotWhitelistedException ipNotWhitelisted(ErrorContext request, String ip) {
        return refused(request, 403, "Нямате достъп от IP адрес " + ip,
                (m, c) -> new IpNotWhitelistedException(m, c, ip));
    }

    /** 403: the report belongs to another key. */
    static ForbiddenException forbidden(ErrorContext request) {
        return refused(request, 403, "Нямате права над този сигнал: той е подаден с друг API ключ.",
                (m, c) -> new ForbiddenException(m, c, null));
    }

    /** 404: no such report. */
    static NotFoundException notFound(ErrorContext request) {
        return refused(request, 404, "Сигналът не е намерен.", (m, c) -> new NotFoundException(m, c, null));
    }

    /** 429: the last 60 seconds' calls are spent. */
    static RateLimitedException rateLimited(ErrorContext request, QuotaPlan plan, Duration retryAfter) {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        return refused(request, 429, "Твърде много заявки: лимитът е " + plan.perMinute()
                        + " заявки в минута. Опитайте отново след " + seconds + " секунди.",
                (m, c) -> new RateLimitedException(m, c, retryAfter));
    }

    /** 429: too many requests, wait {@code retryAfter}. */
    static RateLimitedException rateLimited(ErrorContext request, Duration retryAfter) {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        return refused(request, 429, "Твърде много заявки. Опитайте отново след " + seconds + " секунди.",
                (m, c) -> new RateLimitedException(m, c, retryAfter));
    }

    /** 429: the day's calls are spent until {@code resetsAt}. */
    static QuotaExhaustedException quotaExhausted(ErrorContext request, Instant resetsAt) {
        return refused(request, 429, "Дневният лимит на заявките е изчерпан.",
                (m, c) -> new QuotaExhaustedException(m, c, resetsAt));
    }

    /** 429: the day's calls are spent until {@code resetsAt}. */
    static QuotaExhaustedException quotaExhausted(ErrorContext request, QuotaPlan plan, Instant resetsAt) {
        return refused(request, 429, "Дневният лимит от " + plan.perDay().orElse(0)
                        + " заявки е изчерпан. Опитайте отново утре.",
                (m, c) -> new QuotaExhaustedException(m, c, resetsAt));
    }

    /**
     * An answer with {@code status}: one attempt that reached the service, refused (4xx) or with
     * an outcome a 5xx leaves open — exactly what the HTTP adapter reports for that answer.
     */
    private static <E extends NekorektenException> E refused(ErrorContext request, int status, String serviceMessage,
                                                             Refusal<E> refusal) {
        RequestOutcome outcome = status >= 500 ? RequestOutcome.MAY_HAVE_BEEN_APPLIED : RequestOutcome.REFUSED;
        return refusal.create(serviceMessage, request.withAttempts(1).withOutcome(outcome)
                .withStatus(status).withServiceMessage(serviceMessage));
    }

    /** A simulated failure after the request was sent: one attempt, which may have been applied. */
    private static ErrorContext reached(ErrorContext request) {
        return request.withAttempts(1).withOutcome(RequestOutcome.MAY_HAVE_BEEN_APPLIED);
    }

    /** A simulated local refusal: no attempt left the client. */
    private static ErrorContext notSent(ErrorContext request) {
        return request.withAttempts(0).withOutcome(RequestOutcome.NOT_SENT);
    }

    /** Makes a refusal from the service's message and the context. */
    @FunctionalInterface
    private interface Refusal<E extends NekorektenException> {
        E create(String message, ErrorContext context);
    }
}
