package io.nekorekten4j.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The test clock stands still until moved, and its zone views share its time. */
class FakeMutableClockTest {

    private static final Instant START = Instant.parse("2026-03-02T10:00:00Z");

    @Test
    void standsStillUntilAdvancedOrSet() {
        MutableClock clock = MutableClock.at(START);

        assertThat(clock.instant()).isEqualTo(START);
        assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
        assertThat(clock.advance(Duration.ofSeconds(90))).isEqualTo(START.plusSeconds(90));
        clock.set(START.minusSeconds(1));
        assertThat(clock.instant()).isEqualTo(START.minusSeconds(1));
    }

    @Test
    void aZoneViewSharesTheTime() {
        MutableClock clock = MutableClock.at(START);
        MutableClock sofia = clock.withZone(ZoneId.of("Europe/Sofia"));

        clock.advance(Duration.ofMinutes(1));

        assertThat(sofia.instant()).isEqualTo(START.plusSeconds(60));
        assertThat(sofia.getZone()).isEqualTo(ZoneId.of("Europe/Sofia"));
    }

    @Test
    void refusesToAdvanceBackwardsOrToNull() {
        MutableClock clock = MutableClock.at(START);

        assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> clock.set(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> MutableClock.at(null)).isInstanceOf(NullPointerException.class);
    }
}
