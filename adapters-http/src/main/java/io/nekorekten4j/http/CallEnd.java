package io.nekorekten4j.http;

import io.nekorekten4j.cache.CacheResult;
import io.nekorekten4j.ports.ErrorCode;
import io.nekorekten4j.ports.NekorektenException;
import io.nekorekten4j.ports.Operation;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A call to the client ended: what {@link CallListener#callEnded} receives. Carries no argument of
 * the call (no phone, e-mail, name, report text or key); the failure is the exception the caller
 * gets, whose message never holds them either.
 *
 * @param operation  which operation
 * @param outcome    how it ended
 * @param errorCode  the failure's code, when it failed with a {@link NekorektenException}
 * @param httpStatus the status of the last answer the service sent for this call, when one came
 *                   (none for a cache hit, a shared call, or a call that sent nothing)
 * @param attempts   the requests this call tried to send (0 when answered without one; retries
 *                   counted; a shared call counts 0: the call it waited for sent the request)
 * @param permitWait the time spent waiting for quota permits, all attempts together
 * @param cache      how the cache and single-flight took part
 * @param duration   from start to end, on the client's clock
 * @param endedAt    when it ended, on the client's clock
 * @param failure    what the caller got instead of an answer, when the call failed
 */
public record CallEnd(Operation operation, CallOutcome outcome, Optional<ErrorCode> errorCode,
                      OptionalInt httpStatus, int attempts, Duration permitWait, CacheResult cache,
                      Duration duration, Instant endedAt, Optional<Throwable> failure) {

    /** Requires every component and checks that a failure goes with every outcome but success. */
    public CallEnd {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(errorCode, "errorCode");
        Objects.requireNonNull(httpStatus, "httpStatus");
        Objects.requireNonNull(permitWait, "permitWait");
        Objects.requireNonNull(cache, "cache");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(endedAt, "endedAt");
        Objects.requireNonNull(failure, "failure");
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts must not be negative, got " + attempts);
        }
        if ((outcome == CallOutcome.SUCCESS) == failure.isPresent()) {
            throw new IllegalArgumentException("a failure must be given exactly when the outcome is not SUCCESS");
        }
    }

    /**
     * The class of {@link #httpStatus()}: {@code 2xx}, {@code 3xx}, {@code 4xx}, {@code 5xx}, or
     * {@code none} when no answer came.
     */
    public String statusClass() {
        if (httpStatus.isEmpty()) {
            return "none";
        }
        int status = httpStatus.getAsInt();
        return status >= 100 && status <= 599 ? (status / 100) + "xx" : "other";
    }

    /** The failure as the ports' exception, when it is one. */
    public Optional<NekorektenException> nekorektenFailure() {
        return failure.filter(NekorektenException.class::isInstance).map(NekorektenException.class::cast);
    }
}
