package io.nekorekten4j.ports.screening;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How far {@link Screening#screenAll} has got, sent after each distinct buyer.
 *
 * @param done         how many of the given buyers have their result (a repeated buyer is done
 *                     with its first occurrence; buyers left unchecked after a spent quota count
 *                     as done)
 * @param total        how many buyers were given
 * @param requestsSent how many of this run's searches reached the transport so far: a search whose
 *                     failure's {@code outcome()} is {@code NOT_SENT} (no quota permit within the
 *                     permit wait, an open circuit breaker, a connection that never opened) is not
 *                     counted; one whose answer was lost is
 * @param eta          the time until the last request still needed may be sent, from the quota
 *                     plan (see {@link Screening}); {@link Duration#ZERO} when nothing is left to
 *                     ask; empty when the plan's daily cap is smaller than the run needs
 */
public record ScreeningProgress(int done, int total, int requestsSent, Optional<Duration> eta) {

    /** Checks the figures. */
    public ScreeningProgress {
        Objects.requireNonNull(eta, "eta");
        if (done < 0 || total < 0 || done > total) {
            throw new IllegalArgumentException("need 0 <= done <= total, got done " + done + " of " + total);
        }
        if (requestsSent < 0) {
            throw new IllegalArgumentException("requestsSent must not be negative, got " + requestsSent);
        }
        if (eta.isPresent() && eta.get().isNegative()) {
            throw new IllegalArgumentException("eta must not be negative, got " + eta.get());
        }
    }

    /** Whether every buyer has its result. */
    public boolean isComplete() {
        return done == total;
    }
}
