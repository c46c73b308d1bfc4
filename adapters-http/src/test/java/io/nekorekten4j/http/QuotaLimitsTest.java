package io.nekorekten4j.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The figures of two clients of one scope combine figure by figure into the stricter ones. */
class QuotaLimitsTest {

    private static final Duration MINUTE = QuotaLimits.MINUTE;
    private static final Duration HOUR = Duration.ofHours(1);

    @Test
    void theStricterFiguresAreTheFewerPermitsOverTheLongerWindowAndMargin() {
        QuotaLimits fewOverAMinute = new QuotaLimits(5, MINUTE, Duration.ofSeconds(3), OptionalInt.empty());
        QuotaLimits manyOverAnHour = new QuotaLimits(100, HOUR, Duration.ofSeconds(1), OptionalInt.empty());

        QuotaLimits expected = new QuotaLimits(5, HOUR, Duration.ofSeconds(3), OptionalInt.empty());
        assertThat(fewOverAMinute.stricter(manyOverAnHour)).isEqualTo(expected);
        assertThat(manyOverAnHour.stricter(fewOverAMinute)).isEqualTo(expected);
    }

    @Test
    void aDailyCapBeatsNoneAndTheLowerCapBeatsTheHigher() {
        QuotaLimits none = new QuotaLimits(10, MINUTE, Duration.ZERO, OptionalInt.empty());
        QuotaLimits hundred = new QuotaLimits(10, MINUTE, Duration.ZERO, OptionalInt.of(100));
        QuotaLimits fifty = new QuotaLimits(10, MINUTE, Duration.ZERO, OptionalInt.of(50));

        assertThat(none.stricter(hundred).perDay()).hasValue(100);
        assertThat(hundred.stricter(none).perDay()).hasValue(100);
        assertThat(hundred.stricter(fifty).perDay()).hasValue(50);
        assertThat(fifty.stricter(hundred).perDay()).hasValue(50);
        assertThat(none.stricter(none).perDay()).isEmpty();
    }

    @Test
    void theShareOfOneInstanceIsTheWholePlan() {
        QuotaLimits plan = new QuotaLimits(7, MINUTE, QuotaLimits.PLAN_MARGIN, OptionalInt.of(3));

        assertThat(plan.share(1)).isEqualTo(plan);
        assertThat(plan.share(7)).isEqualTo(new QuotaLimits(1, MINUTE, QuotaLimits.PLAN_MARGIN, OptionalInt.of(1)));
        assertThat(new QuotaLimits(7, MINUTE, Duration.ZERO, OptionalInt.empty()).share(2).perDay()).isEmpty();
    }
}
