package io.nekorekten4j.http;

import java.time.Duration;

/**
 * How the client waits: between retries and for a quota permit. Injected so that tests record the
 * waits on a virtual clock instead of sleeping.
 */
@FunctionalInterface
interface Sleeper {

    /** Sleeps on the calling thread with {@link Thread#sleep(long)}. */
    Sleeper SYSTEM = duration -> {
        if (duration.isNegative() || duration.isZero()) {
            return;
        }
        long millis;
        try {
            millis = duration.toMillis();
        } catch (ArithmeticException tooLong) {
            millis = Long.MAX_VALUE;
        }
        // Round a sub-millisecond remainder up, so that a wait is never shorter than asked.
        if (millis < Long.MAX_VALUE && duration.minusMillis(millis).compareTo(Duration.ZERO) > 0) {
            millis++;
        }
        Thread.sleep(millis);
    };

    /**
     * Waits for {@code duration}; returns at once for a zero or negative one.
     *
     * @throws InterruptedException when the thread is interrupted while waiting
     */
    void sleep(Duration duration) throws InterruptedException;
}
