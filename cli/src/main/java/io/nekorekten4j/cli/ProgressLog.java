package io.nekorekten4j.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The progress of a CSV screening for a log (stderr not a terminal: cron, a pipe, a file): a
 * whole line every {@code everyRows} rows or every {@code every} of time, whichever comes first,
 * with a UTC timestamp: {@code 2026-12-04T17:05:00Z progress: 300/10000 rows, 280 requests, 12
 * found, ETA 4 h 40 min}. No carriage returns, no redrawing.
 */
final class ProgressLog implements BatchProgress {

    /** Rows between two lines by default. */
    static final int EVERY_ROWS = 100;
    /** Time between two lines by default, however slowly rows go (a quota wait). */
    static final Duration EVERY = Duration.ofSeconds(30);

    private final PrintWriter err;
    private final Clock clock;
    private final int everyRows;
    private final Duration every;
    private Instant lastAt;
    private int lastDone;

    /**
     * @param err       where the lines go
     * @param clock     the time of the lines and of "every"; a test passes its own
     * @param everyRows rows between two lines
     * @param every     time between two lines
     */
    ProgressLog(PrintWriter err, Clock clock, int everyRows, Duration every) {
        this.err = Objects.requireNonNull(err, "err");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (everyRows < 1) {
            throw new IllegalArgumentException("everyRows must be at least 1, got " + everyRows);
        }
        this.everyRows = everyRows;
        this.every = Objects.requireNonNull(every, "every");
        this.lastAt = clock.instant();
    }

    @Override
    public void update(BatchStatus status) {
        Instant now = clock.instant();
        if (status.done() - lastDone >= everyRows || !now.isBefore(lastAt.plus(every))) {
            print(status, now);
        }
    }

    @Override
    public void end(BatchStatus status) {
        if (status.done() != lastDone) {
            print(status, clock.instant());
        }
    }

    private void print(BatchStatus status, Instant now) {
        err.println(now.truncatedTo(ChronoUnit.SECONDS) + " progress: " + ProgressBar.counts(status) + ", "
                + ProgressBar.eta(status));
        err.flush();
        lastAt = now;
        lastDone = status.done();
    }
}
