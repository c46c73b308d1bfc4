package io.nekorekten4j.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The three server-window models tell apart the patterns that separate them. */
class ServerWindowTest {

    /** 10:00:50, not aligned to a minute. */
    private static final Instant T = Instant.parse("2026-12-04T10:00:50Z");

    @Test
    void aBurstAcrossAMinuteBoundaryPassesOnlyTheCalendarMinute() {
        // Two at :50 and two at 1:05 (15 s later): four in 15 s, but two in each calendar minute.
        List<Instant> arrivals = List.of(T, T.plusSeconds(1), T.plusSeconds(15), T.plusSeconds(16));

        Map<ServerWindow.Model, Long> refusals = ServerWindow.refusals(arrivals, 2);

        assertThat(refusals).containsEntry(ServerWindow.Model.CALENDAR_MINUTE, 0L)
                .containsEntry(ServerWindow.Model.SLIDING_LOG, 2L)
                .containsEntry(ServerWindow.Model.TOKEN_BUCKET, 2L);
    }

    @Test
    void theSlidingLogAdmitsAgainExactlySixtySecondsAfterTheOldestAndNotANanosecondEarlier() {
        ServerWindow log = ServerWindow.Model.SLIDING_LOG.create(1);

        assertThat(log.admit(T)).isTrue();
        assertThat(log.admit(T.plusSeconds(60).minusNanos(1))).isFalse();
        assertThat(log.admit(T.plusSeconds(60))).isTrue();
        assertThat(log.refused()).isEqualTo(1);
        assertThat(log.model()).isEqualTo(ServerWindow.Model.SLIDING_LOG);
    }

    @Test
    void theTokenBucketRefillsOneTokenPerSixtyOverNSeconds() {
        ServerWindow bucket = ServerWindow.Model.TOKEN_BUCKET.create(60);
        for (int i = 0; i < 60; i++) {
            assertThat(bucket.admit(T)).as("arrival %d of a full bucket", i).isTrue();
        }

        assertThat(bucket.admit(T.plusMillis(999))).as("less than one token back").isFalse();
        assertThat(bucket.admit(T.plusSeconds(1))).as("one token back after 1 s").isTrue();
        assertThat(bucket.refused()).isEqualTo(1);
    }

    @Test
    void anEvenPaceAtTheRateIsAdmittedByEveryModel() {
        List<Instant> arrivals = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            arrivals.add(T.plusSeconds(i));
        }

        assertThat(ServerWindow.refusals(arrivals, 60).values()).containsOnly(0L);
        // At 59 a minute the windows refuse; the bucket's full start (59 tokens) outlasts the
        // deficit of 1/60 token a second for 600 s, so it refuses nothing yet.
        Map<ServerWindow.Model, Long> tooFast = ServerWindow.refusals(arrivals, 59);
        assertThat(tooFast.get(ServerWindow.Model.CALENDAR_MINUTE)).isEqualTo(9L);
        assertThat(tooFast.get(ServerWindow.Model.SLIDING_LOG)).isEqualTo(10L);
        assertThat(tooFast.get(ServerWindow.Model.TOKEN_BUCKET)).isZero();
    }

    @Test
    void theBusiestWindowCountsTheArrivalsInAnyHalfOpenWindow() {
        List<Instant> arrivals = List.of(T, T.plusSeconds(30), T.plusSeconds(59), T.plusSeconds(60), T.plusSeconds(61));

        assertThat(ServerWindow.busiestWindow(arrivals, Duration.ofSeconds(60))).isEqualTo(4);
        assertThat(ServerWindow.busiestWindow(arrivals, Duration.ofSeconds(1))).isEqualTo(1);
        assertThat(ServerWindow.busiestWindow(List.of(), Duration.ofSeconds(60))).isZero();
    }

    @Test
    void argumentsAreChecked() {
        assertThatThrownBy(() -> ServerWindow.Model.CALENDAR_MINUTE.create(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("perMinute");
        assertThatThrownBy(() -> ServerWindow.busiestWindow(List.of(), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("length");
        assertThatThrownBy(() -> ServerWindow.Model.SLIDING_LOG.create(1).admit((Instant) null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("arrival");
        assertThat(ServerWindow.Model.TOKEN_BUCKET.label()).isEqualTo("token bucket");
    }
}
