package io.nekorekten4j.http;

import java.time.Duration;

/**
 * How a {@link NekorektenHttp} client waits: for a quota permit (a 429's {@code Retry-After}
 * included) and between retries. Together with {@link NekorektenHttp.Builder#clock} it is the
 * client's time source: give both to run a client on <b>virtual time</b> in your tests, so that a
 * two-minute {@code Retry-After} takes no real time.
 *
 * <pre>{@code
 * VirtualTime time = VirtualTime.create();
 * Nekorekten api = NekorektenHttp.builder().apiKey(key).baseUri(stub).clock(time).sleeper(time).build();
 * // a 429 with Retry-After: 120, then the next call waits 120 s on time, at once in real time
 * }</pre>
 *
 * A sleeper must wait (or pretend to) at least {@code duration}, and the clock must show that
 * time passed afterwards: the quota gate re-reads the clock after each sleep and sleeps again
 * until its permit is due. {@link VirtualTime} is a ready-made pair. Timeouts of the transport
 * (connect, response) are socket timeouts and always take real time.
 */
@FunctionalInterface
public interface Sleeper {

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
