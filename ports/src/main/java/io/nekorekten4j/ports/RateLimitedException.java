package io.nekorekten4j.ports;

import java.time.Duration;
import java.util.Optional;

/**
 * Too many requests (HTTP 429): wait before the next one. {@link #retryAfter()} is the wait the
 * service asked for ({@code Retry-After}), when it asked.
 */
public class RateLimitedException extends ServiceRefusedException {

    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    /**
     * @param message    what went wrong
     * @param context    where it happened
     * @param retryAfter the wait the service asked for, or {@code null} when it named none
     */
    public RateLimitedException(String message, ErrorContext context, Duration retryAfter) {
        super(message, context, null);
        this.retryAfter = retryAfter;
    }

    /**
     * The wait the service asked for, when it named one — as the adapter honours it: the HTTP
     * adapter caps it at the next midnight in Sofia, 24 hours at most.
     */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** {@link ErrorCode#RATE_LIMITED}. */
    @Override
    public ErrorCode code() {
        return ErrorCode.RATE_LIMITED;
    }
}
