package io.nekorekten4j.ports.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.nekorekten4j.ports.QuotaPlan;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The ETA formula: {@code (⌊(R−1)/N⌋ − ⌊(max(s,1)−1)/N⌋)} minutes, empty past the daily cap. */
class QuotaEtaTest {

    @ParameterizedTest(name = "N={0}, R={1}, s={2} -> {3} min")
    @CsvSource({
        // perMinute, needed, sent, minutes
        "10, 25,  0, 2",
        "10, 25,  1, 2",
        "10, 25, 10, 2",
        "10, 25, 11, 1",
        "10, 25, 20, 1",
        "10, 25, 21, 0",
        "10, 10,  1, 0",
        "10, 11, 10, 1",
        " 5, 30,  1, 5",
        " 5, 30, 29, 0",
        " 1,  3,  1, 2",
        "60, 1000, 1, 16",
    })
    void theLastRequestWaitsForItsWindow(int perMinute, int needed, int sent, long minutes) {
        assertThat(QuotaEta.after(QuotaPlan.perMinute(perMinute), needed, sent)).contains(Duration.ofMinutes(minutes));
    }

    @ParameterizedTest
    @CsvSource({"0, 0", "3, 3", "3, 4"})
    void nothingLeftToSendIsZero(int needed, int sent) {
        assertThat(QuotaEta.after(QuotaPlan.FREE, needed, sent)).contains(Duration.ZERO);
    }

    @Test
    void aDailyCapBelowTheNeedMakesItEmpty() {
        assertThat(QuotaEta.after(QuotaPlan.FREE, 31, 1)).isEqualTo(Optional.empty());
        assertThat(QuotaEta.after(QuotaPlan.FREE, 31, 30)).isEqualTo(Optional.empty());
    }

    @Test
    void aDailyCapThatCoversTheNeedKeepsIt() {
        assertThat(QuotaEta.after(QuotaPlan.FREE, 30, 1)).contains(Duration.ofMinutes(5));
    }

    @Test
    void negativeCountsAreRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> QuotaEta.after(QuotaPlan.FREE, -1, 0));
        assertThatIllegalArgumentException().isThrownBy(() -> QuotaEta.after(QuotaPlan.FREE, 1, -1));
    }
}
