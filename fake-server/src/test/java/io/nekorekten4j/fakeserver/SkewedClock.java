package io.nekorekten4j.fakeserver;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The system clock plus every wait "slept" through {@link #advance}: virtual waits on top of real
 * time, so that the client's deadlines stay meaningful while no test sleeps. Its zone is UTC.
 */
final class SkewedClock extends Clock {

    private final AtomicLong skewNanos = new AtomicLong();

    /** Moves this clock ahead by {@code d} instead of sleeping. */
    void advance(Duration d) {
        if (!d.isNegative()) {
            skewNanos.addAndGet(d.toNanos());
        }
    }

    @Override
    public Instant instant() {
        return Instant.now().plusNanos(skewNanos.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** This clock: its zone does not matter to anything that reads it. */
    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
