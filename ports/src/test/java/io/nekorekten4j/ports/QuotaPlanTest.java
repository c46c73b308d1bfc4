package io.nekorekten4j.ports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class QuotaPlanTest {

    @Test
    void theDocumentedDefaultIsTenAMinuteWithoutADailyCap() {
        assertThat(QuotaPlan.DOCUMENTED_DEFAULT).isEqualTo(new QuotaPlan("Default", 10, OptionalInt.empty()));
    }

    @ParameterizedTest(name = "[{index}] {0}: {1}/min, {2}/day")
    @CsvSource({
        "free,     5,   30",
        "start,    10,  100",
        "standard, 20,  300",
        "business, 60,  1000",
    })
    void presetsRangeFromFiveAMinuteAndThirtyADayToSixtyAMinuteAndAThousandADay(String name, int perMinute, int perDay) {
        QuotaPlan plan = QuotaPlan.preset(name);

        assertThat(plan.perMinute()).isEqualTo(perMinute);
        assertThat(plan.perDay()).hasValue(perDay);
    }

    @Test
    void presetsAreTheNamedConstants() {
        assertThat(QuotaPlan.preset("free")).isSameAs(QuotaPlan.FREE);
        assertThat(QuotaPlan.preset("start")).isSameAs(QuotaPlan.START);
        assertThat(QuotaPlan.preset("standard")).isSameAs(QuotaPlan.STANDARD);
        assertThat(QuotaPlan.preset("business")).isSameAs(QuotaPlan.BUSINESS);
        assertThat(QuotaPlan.preset("default")).isSameAs(QuotaPlan.DOCUMENTED_DEFAULT);
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {"FREE", "Free", "  free ", "fReE"})
    void presetNamesIgnoreCaseAndSurroundingSpaces(String name) {
        assertThat(QuotaPlan.preset(name)).isSameAs(QuotaPlan.FREE);
    }

    @Test
    void anUnknownPresetIsRejectedWithTheKnownNames() {
        assertThatIllegalArgumentException().isThrownBy(() -> QuotaPlan.preset("gold"))
                .withMessage("unknown plan 'gold': expected free, start, standard, business or default");
        assertThatNullPointerException().isThrownBy(() -> QuotaPlan.preset(null)).withMessage("name");
    }

    @Test
    void customPlansTakeAnyPositiveFigures() {
        assertThat(QuotaPlan.perMinute(7)).isEqualTo(new QuotaPlan("Custom", 7, OptionalInt.empty()));
        assertThat(QuotaPlan.of(1, 1)).isEqualTo(new QuotaPlan("Custom", 1, OptionalInt.of(1)));
        assertThat(QuotaPlan.of(600, 100_000).perDay()).hasValue(100_000);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
    void perMinuteBelowOneIsRejected(int perMinute) {
        assertThatIllegalArgumentException().isThrownBy(() -> QuotaPlan.perMinute(perMinute))
                .withMessage("perMinute must be at least 1, got " + perMinute);
        assertThatIllegalArgumentException().isThrownBy(() -> QuotaPlan.of(perMinute, 30))
                .withMessage("perMinute must be at least 1, got " + perMinute);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(ints = {0, -5})
    void perDayBelowOneIsRejected(int perDay) {
        assertThatIllegalArgumentException().isThrownBy(() -> QuotaPlan.of(5, perDay))
                .withMessage("perDay must be at least 1, got " + perDay);
    }

    @Test
    void theNameAndTheDailyCapOptionalAreRequired() {
        assertThatNullPointerException().isThrownBy(() -> new QuotaPlan(null, 5, OptionalInt.empty())).withMessage("name");
        assertThatNullPointerException().isThrownBy(() -> new QuotaPlan("x", 5, null)).withMessage("perDay");
    }
}
