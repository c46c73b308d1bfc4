package io.nekorekten4j.http;

import io.nekorekten4j.ports.RateLimitWaitExceededException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs a call that may be answered by an identical call in flight (single-flight) so that the other
 * call's limits never decide it. Calls made through views with different options share flights: a
 * batch search may join a checkout's identical search, whose zero permit wait ends it at once with
 * {@link RateLimitWaitExceededException}. That failure says nothing about the waiter, which may
 * wait minutes for a permit: the waiter then runs once more on its own limits, for what is left of
 * its call timeout — leading a flight of its own, or joining another. Every other outcome of the
 * flight (an answer, a failure of the service or the wire) is the waiter's too, as before.
 */
final class OwnLimits {

    private OwnLimits() {
    }

    /**
     * A cached, shared call.
     *
     * @param <T> what it yields
     */
    @FunctionalInterface
    interface SharedCall<T> {
        /**
         * Runs the call under {@code limits}; the code that sends (the flight's leader) sets {@code led}.
         */
        T run(CallLimits limits, AtomicBoolean led);
    }

    /**
     * Runs {@code call} under {@code limits}; when it only waited for another call that found no
     * permit within its own wait, once more under what is left of {@code limits}.
     *
     * @param clock the time source of the call's budget
     */
    static <T> T run(CallLimits limits, Clock clock, SharedCall<T> call) {
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(call, "call");
        Instant start = clock.instant();
        AtomicBoolean led = new AtomicBoolean();
        try {
            return call.run(limits, led);
        } catch (RateLimitWaitExceededException othersLimit) {
            Duration left = limits.callTimeout().minus(Duration.between(start, clock.instant()));
            if (led.get() || left.isNegative() || left.isZero()) {
                throw othersLimit;
            }
            return call.run(limits.withCallTimeout(left), new AtomicBoolean());
        }
    }
}
