package io.nekorekten4j.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
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
 * <p>{@link #startingAt(Instant)} makes a clock that stands still until slept, advanced or
 * {@linkplain #set set}: for tests and simulations that must read exact instants (a quota window's
 * edge, a Sofia midnight). It is the one virtual clock of the project's tests; the
 * {@code nekorekten4j-testing} artifact brings it along with its other test support.
 *
 * <p>Share one instance between the clients of a test that must see the same time. Its zone is
 * UTC. Thread safe.
 */
public final class VirtualTime extends Clock implements Sleeper {

    private final boolean followsSystemClock;
    private final Instant start;
    private final AtomicLong skewNanos = new AtomicLong();
    private final AtomicLong sleptNanos = new AtomicLong();
    private final List<Duration> sleeps = new ArrayList<>(); // guarded by itself

    private VirtualTime(boolean followsSystemClock, Instant start) {
        this.followsSystemClock = followsSystemClock;
        this.start = start;
    }

    /** Virtual time starting at the system clock's now, with real time passing underneath. */
    public static VirtualTime create() {
        return new VirtualTime(true, Instant.EPOCH);
    }

    /**
     * Virtual time that reads {@code start} and stands still until slept, advanced or set: no real
     * time passes on it. Deadlines of a client on it count virtual time only, so give the transport
     * (socket timeouts) what real time a request needs.
     *
     * @throws NullPointerException when {@code start} is null
     */
    public static VirtualTime startingAt(Instant start) {
        return new VirtualTime(false, Objects.requireNonNull(start, "start"));
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
        synchronized (sleeps) {
            sleeps.add(duration);
        }
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

    /**
     * Moves this clock to {@code instant}, forward or back, without counting it as slept: from now
     * on it reads {@code instant} plus what passes (real time for {@link #create()}, only sleeps
     * and advances for {@link #startingAt}). For tests of calendar edges and for event-driven
     * simulations that jump from event to event.
     *
     * @throws NullPointerException when {@code instant} is null
     */
    public void set(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        skewNanos.set(saturatedNanos(Duration.between(base(), instant)));
    }

    /** The total of every wait slept through this object so far. */
    public Duration slept() {
        return Duration.ofNanos(sleptNanos.get());
    }

    /** Every positive wait slept through this object so far, in the order slept. */
    public List<Duration> sleeps() {
        synchronized (sleeps) {
            return List.copyOf(sleeps);
        }
    }

    /** The base instant (the system clock's now, or the start) plus every wait slept, advance and set. */
    @Override
    public Instant instant() {
        return base().plusNanos(skewNanos.get());
    }

    private Instant base() {
        return followsSystemClock ? Instant.now() : start;
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
        return "VirtualTime[" + (followsSystemClock ? "system clock" : start.toString()) + " + "
                + Duration.ofNanos(skewNanos.get()) + ", slept " + slept() + "]";
    }

    private static long saturatedNanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException tooLong) {
            return d.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }
}
