package io.nekorekten4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.nekorekten4j.http.VirtualTime;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Progress for a log: whole timestamped lines every N rows or every T, never a carriage return. */
class ProgressLogTest {

    /** A clock the test moves: virtual time standing still at 17:00 UTC. */
    private static VirtualTime testClock() {
        return VirtualTime.startingAt(Instant.parse("2026-12-04T17:00:00Z"));
    }

    private static BatchStatus done(int rows) {
        return new BatchStatus(rows, 1000, rows, 0, 0, 0, Optional.of(Duration.ofMinutes(5)));
    }

    @Test
    void aLineEveryNRowsWithATimestampAndNoCarriageReturn() {
        StringWriter err = new StringWriter();
        ProgressLog log = new ProgressLog(new PrintWriter(err), testClock(), 100, Duration.ofSeconds(30));
        for (int rows = 1; rows <= 250; rows++) {
            log.update(done(rows));
        }
        List<String> lines = err.toString().lines().toList();
        assertThat(lines).containsExactly(
                "2026-12-04T17:00:00Z progress: 100/1000 rows, 100 requests, 0 found, ETA 5 min",
                "2026-12-04T17:00:00Z progress: 200/1000 rows, 200 requests, 0 found, ETA 5 min");
        assertThat(err.toString()).doesNotContain("\r");
    }

    @Test
    void aLineEveryTWhenRowsGoSlowlyAndTheLastAtTheEnd() {
        StringWriter err = new StringWriter();
        VirtualTime clock = testClock();
        ProgressLog log = new ProgressLog(new PrintWriter(err), clock, 100, Duration.ofSeconds(30));
        log.update(done(1));
        clock.advance(Duration.ofSeconds(29));
        log.update(done(2));
        assertThat(err.toString()).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        log.update(done(3));
        assertThat(err.toString()).isEqualTo("2026-12-04T17:00:30Z progress: 3/1000 rows, 3 requests, 0 found, ETA 5 min"
                + System.lineSeparator());
        log.end(done(3));
        assertThat(err.toString().lines()).hasSize(1); // nothing new since the last line
        log.end(done(4));
        assertThat(err.toString().lines()).hasSize(2);
    }
}
