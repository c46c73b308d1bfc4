package io.nekorekten4j.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Virtual time for a {@link NekorektenHttp} client in tests: a {@link Clock} and a {@link Sleeper}
 * in one object, whose "sleeps" return at once and move the clock ahead instead.
 *
 * <pre>{@code
 * VirtualTime time = VirtualTime.create();
 * NekorektenHttp api = NekorektenHttp.builder().apiKey(key).baseUri(stub).clock(time).sleeper(time).build();
 * }</pre>
 *
 * <p>The clock reads the system clock <em>plus</em> every wait slept and every
 * {@link #advance advance}: real time still passes underneath, so the client's deadlines keep
 * counting the real time its requests take, while quota waits, {@code Retry-After} pauses and
 * retry backoffs take none. A 429 with {@code Retry-After: 120} then makes the next call wait
 * 120 s of this clock — the quota gate is honoured in full — and the test goes on at once.
 *
 * <p>Share one instance between the clients of a test that must see the same time. Its zone is
 * UTC. Thread safe.
 */
public final class VirtualTime extends Clock implements Sleeper {

    private final AtomicLong skewNanos = new AtomicLong();
    private final AtomicLong sleptNanos = new AtomicLong();

    private VirtualTime() {
    }

    /** Virtual time starting at the system clock's now. */
    public static VirtualTime create() {
        return new VirtualTime();
    }

    /**
     * Returns at once, having moved this clock ahead by {@code duration} (nothing for a zero or
     * negative one).
     *
     * @throws NullPointerException when {@code duration} is null
     */
    @Override
    public void sleep(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative() || duration.isZero()) {
            return;
        }
        long nanos = saturatedNanos(duration);
        sleptNanos.accumulateAndGet(nanos, VirtualTime::saturatedAdd);
        skewNanos.accumulateAndGet(nanos, VirtualTime::saturatedAdd);
    }

    /**
     * Moves this clock ahead by {@code duration} without counting it as slept: e.g. to let a
     * quota window pass between two calls.
     *
     * @throws IllegalArgumentException when {@code duration} is negative: time does not go back
     */
    public void advance(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("duration must not be negative, got " + duration);
        }
        skewNanos.accumulateAndGet(saturatedNanos(duration), VirtualTime::saturatedAdd);
    }

    /** The total of every wait slept through this object so far. */
    public Duration slept() {
        return Duration.ofNanos(sleptNanos.get());
    }

    /** The system clock's instant plus every wait slept and every advance. */
    @Override
    public Instant instant() {
        return Instant.now().plusNanos(skewNanos.get());
    }

    /** UTC. */
    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** This same virtual time: its zone matters to nothing that reads it. */
    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    /** Names the skew, for test failure messages. */
    @Override
    public String toString() {
        return "VirtualTime[system clock + " + Duration.ofNanos(skewNanos.get()) + ", slept " + slept() + "]";
    }

    private static long saturatedNanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE;
        }
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }
}
