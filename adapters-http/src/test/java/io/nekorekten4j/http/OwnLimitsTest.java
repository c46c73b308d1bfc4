package io.nekorekten4j.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nekorekten4j.ports.ErrorContext;
import io.nekorekten4j.ports.RateLimitWaitExceededException;
import io.nekorekten4j.ports.ServiceUnavailableException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link OwnLimits}: another call's want of a permit never decides a call that only waited for it. */
class OwnLimitsTest {

    private static final CallLimits BATCH = new CallLimits(Duration.ofMinutes(15), Duration.ofMinutes(10), true);

    private final VirtualTime time = VirtualTime.startingAt(Instant.parse("2026-12-05T08:00:00Z"));
    private final List<CallLimits> runs = new ArrayList<>();

    private static RateLimitWaitExceededException noPermit() {
        return new RateLimitWaitExceededException("No request permit within PT0S", ErrorContext.none(),
                Duration.ofSeconds(40));
    }

    @Test
    void aWaiterFailedByAnotherCallsPermitWaitRunsOnceMoreOnWhatIsLeftOfItsOwnLimits() {
        String answer = OwnLimits.run(BATCH, time, (limits, led) -> {
            runs.add(limits);
            if (runs.size() == 1) {
                time.advance(Duration.ofSeconds(2)); // the wait for the other call
                throw noPermit();
            }
            led.set(true);
            return "answer";
        });

        assertThat(answer).isEqualTo("answer");
        assertThat(runs).containsExactly(BATCH, new CallLimits(Duration.ofMinutes(15).minusSeconds(2),
                Duration.ofMinutes(10), true));
    }

    @Test
    void aCallThatLedItsFlightKeepsItsOwnRefusal() {
        RateLimitWaitExceededException own = noPermit();

        assertThatThrownBy(() -> OwnLimits.run(BATCH, time, (limits, led) -> {
            runs.add(limits);
            led.set(true);
            throw own;
        })).isSameAs(own);
        assertThat(runs).hasSize(1);
    }

    @Test
    void aWaiterWithNoTimeLeftKeepsTheRefusalAndAWaiterRunsAgainOnlyOnce() {
        RateLimitWaitExceededException shared = noPermit();

        assertThatThrownBy(() -> OwnLimits.run(BATCH, time, (limits, led) -> {
            runs.add(limits);
            time.advance(Duration.ofMinutes(15));
            throw shared;
        })).isSameAs(shared);
        assertThat(runs).hasSize(1);

        runs.clear();
        assertThatThrownBy(() -> OwnLimits.run(BATCH, time, (limits, led) -> {
            runs.add(limits);
            throw noPermit();
        })).isInstanceOf(RateLimitWaitExceededException.class);
        assertThat(runs).as("runs: the first, and one more on its own terms").hasSize(2);
    }

    @Test
    void everyOtherFailureOfTheFlightIsTheWaitersToo() {
        ServiceUnavailableException down = new ServiceUnavailableException("down", ErrorContext.none(), null);

        assertThatThrownBy(() -> OwnLimits.run(BATCH, time, (limits, led) -> {
            runs.add(limits);
            throw down;
        })).isSameAs(down);
        assertThat(runs).hasSize(1);
    }
}
