package io.nekorekten4j.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Virtual time for the quota simulation: a {@link Clock} that moves only when told, and the
 * {@link Sleeper} that moves it — a client that waits for a quota permit advances the clock by the
 * wait instead of sleeping. (The approach of adapters-http's {@code QuotaGateTest}.)
 */
final class SimClock extends Clock implements Sleeper {

    private final AtomicReference<Instant> now;

    SimClock(Instant start) {
        now = new AtomicReference<>(start);
    }

    /** Moves the clock forward by {@code d}. */
    void advance(Duration d) {
        now.updateAndGet(t -> t.plus(d));
    }

    /** The sleeper's side: a wait advances virtual time and returns at once. */
    @Override
    public void sleep(Duration d) {
        if (!d.isNegative() && !d.isZero()) {
            advance(d);
        }
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a virtual clock has no zones");
    }
}
