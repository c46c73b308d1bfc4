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
import io.nekorekten4j.ports.QuotaStoreUnavailableException;
import io.nekorekten4j.ports.RateLimitWaitExceededException;
import io.nekorekten4j.ports.RateLimitedException;
import io.nekorekten4j.ports.RequestOutcome;
import io.nekorekten4j.ports.ServiceFacts;
import io.nekorekten4j.ports.ServiceUnavailableException;
import io.nekorekten4j.ports.TransportException;
import io.nekorekten4j.ports.UnexpectedResponseException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The exceptions the fake throws, with the HTTP status the service would answer and a plausible
 * service message in Bulgarian, as the service writes them. The exact wording of the live
 * service's messages is not known, except that an IP refusal names the address it saw.
 *
 * <p>The exception's own message is the one the HTTP adapter gives for the same answer
 * ("Too many requests: retry after 120 s", "The service failed or is unavailable"…), so that the
 * same situation reads the same through both adapters; the service's Bulgarian text is kept in
 * {@code context().serviceMessage()}, as the HTTP adapter keeps it. The fake-server module's
 * parity test compares the two. Callers should still decide on {@code code()}, never on text.
 * Messages never name the API key. Each carries the {@link RequestOutcome} and attempt count the
 * HTTP adapter reports in the same situation: one attempt, refused (4xx) or possibly applied
 * (5xx, broken connection, timeout, unusable answer); none for local refusals (circuit open,
 * rate-limit wait). A faulted call changes nothing in the fake, but callers must act on what a
 * real service could have done; a lost answer ({@link #lostAnswer}) changed it.
 */
final class ServiceExceptions {

    /** The address a refusal by {@link #forCode} names: from TEST-NET-3 (RFC 5737), never a real host. */
    static final String DOCUMENTATION_IP = "203.0.113.7";

    /** The body of an answer cut off midway: JSON that ends inside a report. */
    static final String TRUNCATED_BODY = "{\"message\":null,\"items\":[{\"id\":\"6PpAbCdEfG\",\"phone\":\"+3598";

    // The HTTP adapter's messages (ErrorMapper) for the same answers: kept equal by the parity test.
    private static final String INVALID = "The service rejected the request as invalid";
    private static final String BAD_KEY = "The service does not accept the API key";
    private static final String IP_REFUSED = "The API key is not allowed from this IP address";
    private static final String FORBIDDEN = "The API key may not do this";
    private static final String NOT_FOUND = "No such report or resource";
    private static final String TOO_MANY_REQUESTS = "Too many requests";
    private static final String QUOTA_SPENT = "The plan's daily quota is spent";
    private static final String UNAVAILABLE = "The service failed or is unavailable";

    private ServiceExceptions() {
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
            case QUOTA_STORE_UNAVAILABLE -> new QuotaStoreUnavailableException(
                    "The shared quota store did not answer in time; nothing was sent (simulated by the fake)",
                    notSent(request), null);
            case INVALID_REQUEST -> invalidRequest(request, List.of());
            case INVALID_API_KEY -> invalidApiKey(request);
            case IP_NOT_WHITELISTED -> ipNotWhitelisted(request, DOCUMENTATION_IP);
            case FORBIDDEN -> forbidden(request);
            case NOT_FOUND -> notFound(request);
            case RATE_LIMITED -> refused(request, 429, tooManyRequests(null),
                    "Твърде много заявки. Опитайте отново по-късно.", (m, c) -> new RateLimitedException(m, c, null));
            case QUOTA_EXHAUSTED -> refused(request, 429, QUOTA_SPENT, "Дневният лимит на заявките е изчерпан.",
                    (m, c) -> new QuotaExhaustedException(m, c, ServiceFacts.nextDayStart(now)));
            case SERVICE_UNAVAILABLE -> refused(request, 503, UNAVAILABLE,
                    "Услугата е временно недостъпна. Опитайте по-късно.",
                    (m, c) -> new ServiceUnavailableException(m, c, null));
        };
    }

    /**
     * The refusal {@code code} stands for, in the service's own words {@code said}: its message
     * and, for {@link ErrorCode#INVALID_REQUEST}, the message of a field error of {@code text} —
     * what a hostile or broken service may send (the context sanitises it; the caller blanks the
     * key out first).
     *
     * @throws IllegalArgumentException when {@code code} is not {@code INVALID_REQUEST},
     *                                  {@code INVALID_API_KEY}, {@code FORBIDDEN}, {@code NOT_FOUND}
     *                                  or {@code SERVICE_UNAVAILABLE}
     */
    static NekorektenException inWords(ErrorCode code, String said, ErrorContext request, Instant now) {
        Objects.requireNonNull(said, "said");
        ErrorContext saying = request.withServiceMessage(said);
        return switch (code) {
            case INVALID_REQUEST -> invalidRequest(saying, List.of(new Violation("text", said)));
            case INVALID_API_KEY, FORBIDDEN, NOT_FOUND, SERVICE_UNAVAILABLE -> forCode(code, saying, now);
            default -> throw new IllegalArgumentException("the service's own words come with INVALID_REQUEST, "
                    + "INVALID_API_KEY, FORBIDDEN, NOT_FOUND or SERVICE_UNAVAILABLE, not " + code);
        };
    }

    /**
     * The failure a client meets when the service <em>processed</em> its request and the answer
     * was then lost {@code how}: the connection reset after the request went out
     * ({@code TRANSPORT_FAILURE}), no answer in time ({@code TIMEOUT}), or an answer cut off
     * ({@code UNEXPECTED_RESPONSE}, a 200 whose JSON ends midway).
     *
     * @throws IllegalArgumentException for any other code: only those three lose an answer
     */
    static NekorektenException lostAnswer(ErrorCode how, ErrorContext request) {
        return switch (how) {
            case TRANSPORT_FAILURE -> new TransportException("The connection was reset after the request was sent;"
                    + " the service may have applied it (simulated by the fake)", reached(request), null);
            case TIMEOUT -> new CallTimeoutException("No answer within the deadline after the request was sent;"
                    + " the service may have applied it (simulated by the fake)", reached(request), null);
            case UNEXPECTED_RESPONSE -> new UnexpectedResponseException("The answer was cut off after the service"
                    + " processed the request (simulated by the fake)",
                    reached(request).withStatus(200).withBody(TRUNCATED_BODY), null);
            default -> throw new IllegalArgumentException("an answer is lost by TRANSPORT_FAILURE, TIMEOUT or "
                    + "UNEXPECTED_RESPONSE, not " + how);
        };
    }

    /**
     * 400: the service rejected fields of the request — the status the fake server answers for
     * every refused request, so that in memory and over the wire agree.
     */
    static InvalidRequestException invalidRequest(ErrorContext request, List<Violation> fieldErrors) {
        String names = fieldErrors.isEmpty() ? ""
                : ": " + fieldErrors.stream().map(Violation::field).distinct().collect(Collectors.joining(", "));
        return refused(request, 400, INVALID + names, "Невалидни данни.",
                (m, c) -> new InvalidRequestException(m, c, fieldErrors));
    }

    /** 401: the key is not accepted. */
    static InvalidApiKeyException invalidApiKey(ErrorContext request) {
        return refused(request, 401, BAD_KEY, "Невалиден API ключ.", (m, c) -> new InvalidApiKeyException(m, c, null));
    }

    /** 403: the key is used from {@code ip}, which is not on its whitelist. */
    static IpNotWhitelistedException ipNotWhitelisted(ErrorContext request, String ip) {
        return refused(request, 403, IP_REFUSED + " (" + ip + "): add it to the key's allowed list",
                "Нямате достъп от IP адрес " + ip, (m, c) -> new IpNotWhitelistedException(m, c, ip));
    }

    /** 403: the report belongs to another key. */
    static ForbiddenException forbidden(ErrorContext request) {
        return refused(request, 403, FORBIDDEN, "Нямате права над този сигнал: той е подаден с друг API ключ.",
                (m, c) -> new ForbiddenException(m, c, null));
    }

    /** 404: no such report. */
    static NotFoundException notFound(ErrorContext request) {
        return refused(request, 404, NOT_FOUND, "Сигналът не е намерен.", (m, c) -> new NotFoundException(m, c, null));
    }

    /** 429: the last 60 seconds' calls are spent. */
    static RateLimitedException rateLimited(ErrorContext request, QuotaPlan plan, Duration retryAfter) {
        long seconds = wholeSeconds(retryAfter);
        return refused(request, 429, tooManyRequests(retryAfter), "Твърде много заявки: лимитът е " + plan.perMinute()
                        + " заявки в минута. Опитайте отново след " + seconds + " секунди.",
                (m, c) -> new RateLimitedException(m, c, retryAfter));
    }

    /** 429: too many requests, wait {@code retryAfter}. */
    static RateLimitedException rateLimited(ErrorContext request, Duration retryAfter) {
        long seconds = wholeSeconds(retryAfter);
        return refused(request, 429, tooManyRequests(retryAfter),
                "Твърде много заявки. Опитайте отново след " + seconds + " секунди.",
                (m, c) -> new RateLimitedException(m, c, retryAfter));
    }

    /** 429: the day's calls are spent until {@code resetsAt}. */
    static QuotaExhaustedException quotaExhausted(ErrorContext request, Instant resetsAt) {
        return refused(request, 429, QUOTA_SPENT, "Дневният лимит на заявките е изчерпан.",
                (m, c) -> new QuotaExhaustedException(m, c, resetsAt));
    }

    /** 429: the day's calls are spent until {@code resetsAt}. */
    static QuotaExhaustedException quotaExhausted(ErrorContext request, QuotaPlan plan, Instant resetsAt) {
        return refused(request, 429, QUOTA_SPENT, "Дневният лимит от " + plan.perDay().orElse(0)
                        + " заявки е изчерпан. Опитайте отново утре.",
                (m, c) -> new QuotaExhaustedException(m, c, resetsAt));
    }

    /**
     * An answer with {@code status}: one attempt that reached the service, refused (4xx) or with
     * an outcome a 5xx leaves open — exactly what the HTTP adapter reports for that answer.
     */
    private static <E extends NekorektenException> E refused(ErrorContext request, int status, String summary,
                                                             String serviceMessage, Refusal<E> refusal) {
        RequestOutcome outcome = status >= 500 ? RequestOutcome.MAY_HAVE_BEEN_APPLIED : RequestOutcome.REFUSED;
        // A request that already carries the service's words (inWords) keeps them.
        ErrorContext context = request.withAttempts(1).withOutcome(outcome).withStatus(status);
        return refusal.create(summary, request.serviceMessage().isPresent() ? context
                : context.withServiceMessage(serviceMessage));
    }

    /** A simulated failure after the request was sent: one attempt, which may have been applied. */
    private static ErrorContext reached(ErrorContext request) {
        return request.withAttempts(1).withOutcome(RequestOutcome.MAY_HAVE_BEEN_APPLIED);
    }

    /** A simulated local refusal: no attempt left the client. */
    private static ErrorContext notSent(ErrorContext request) {
        return request.withAttempts(0).withOutcome(RequestOutcome.NOT_SENT);
    }

    /** The HTTP adapter's message for a 429 with (or without) a wait: whole seconds, as it reads the header. */
    private static String tooManyRequests(Duration retryAfter) {
        return retryAfter == null ? TOO_MANY_REQUESTS
                : TOO_MANY_REQUESTS + ": retry after " + wholeSeconds(retryAfter) + " s";
    }

    /** Whole seconds, rounded up, as the service's {@code Retry-After} header carries a wait. */
    static long wholeSeconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    /** Makes a refusal from the service's message and the context. */
    @FunctionalInterface
    private interface Refusal<E extends NekorektenException> {
        E create(String message, ErrorContext context);
    }
}
