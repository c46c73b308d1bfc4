package io.nekorekten4j.ports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.nekorekten4j.domain.ValidationException;
import io.nekorekten4j.domain.Violation;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CallOptionsTest {

    @Test
    void optionsFromTheClientSetNothing() {
        CallOptions none = CallOptions.fromClient();

        assertThat(none.permitWaitTimeout()).isEmpty();
        assertThat(none.callTimeout()).isEmpty();
        assertThat(none.retries()).isEmpty();
        assertThat(none).hasToString("CallOptions[permitWaitTimeout=inherited, callTimeout=inherited, retries=inherited]");
    }

    @Test
    void theInteractivePresetTakesAFreePermitOrNoneAndEndsTheCallWithinFiveSeconds() {
        CallOptions interactive = CallOptions.interactive();

        assertThat(interactive.permitWaitTimeout()).contains(Duration.ZERO);
        assertThat(interactive.callTimeout()).contains(Duration.ofSeconds(5));
        assertThat(interactive.retries()).as("inherited").isEmpty();
    }

    @Test
    void theBatchPresetWaitsMinutesForAPermitWithinALongerCall() {
        CallOptions batch = CallOptions.batch();

        assertThat(batch.permitWaitTimeout()).contains(Duration.ofMinutes(10));
        assertThat(batch.callTimeout()).contains(Duration.ofMinutes(15));
        assertThat(batch.retries()).isEmpty();
        assertThat(batch.callTimeout().orElseThrow()).isGreaterThan(batch.permitWaitTimeout().orElseThrow());
    }

    @Test
    void withersSetOneOptionAndLeaveTheOriginalUnchanged() {
        CallOptions interactive = CallOptions.interactive();

        CallOptions tuned = interactive.withCallTimeout(Duration.ofSeconds(3)).withRetries(false);

        assertThat(tuned.callTimeout()).contains(Duration.ofSeconds(3));
        assertThat(tuned.permitWaitTimeout()).contains(Duration.ZERO);
        assertThat(tuned.retries()).contains(false);
        assertThat(interactive).isEqualTo(CallOptions.interactive());
        assertThat(interactive.callTimeout()).contains(Duration.ofSeconds(5));
        assertThat(tuned).hasToString("CallOptions[permitWaitTimeout=PT0S, callTimeout=PT3S, retries=false]");
    }

    @Test
    void aNegativePermitWaitIsRefusedNamingTheField() {
        ValidationException e = catchThrowableOfType(ValidationException.class,
                () -> CallOptions.fromClient().withPermitWaitTimeout(Duration.ofSeconds(-1)));

        assertThat(e.violations()).containsExactly(new Violation("permitWaitTimeout", "must not be negative, got PT-1S"));
    }

    @Test
    void aZeroPermitWaitIsAllowed() {
        assertThat(CallOptions.fromClient().withPermitWaitTimeout(Duration.ZERO).permitWaitTimeout())
                .contains(Duration.ZERO);
    }

    @Test
    void aCallTimeoutThatIsNotPositiveIsRefusedNamingTheField() {
        ValidationException zero = catchThrowableOfType(ValidationException.class,
                () -> CallOptions.fromClient().withCallTimeout(Duration.ZERO));
        ValidationException negative = catchThrowableOfType(ValidationException.class,
                () -> CallOptions.batch().withCallTimeout(Duration.ofMillis(-5)));

        assertThat(zero.violations()).containsExactly(new Violation("callTimeout", "must be positive, got PT0S"));
        assertThat(negative.violations()).containsExactly(new Violation("callTimeout", "must be positive, got PT-0.005S"));
    }

    @Test
    void nullsAreRefusedNamingTheArgument() {
        assertThatNullPointerException().isThrownBy(() -> CallOptions.fromClient().withPermitWaitTimeout(null))
                .withMessage("permitWaitTimeout");
        assertThatNullPointerException().isThrownBy(() -> CallOptions.fromClient().withCallTimeout(null))
                .withMessage("callTimeout");
        assertThatNullPointerException().isThrownBy(() -> CallOptions.fromClient().over(null))
                .withMessage("base");
    }

    @Test
    void optionsOverABaseKeepWhatTheySetAndTakeTheRestFromTheBase() {
        CallOptions base = CallOptions.batch().withRetries(false);
        CallOptions shortCall = CallOptions.fromClient().withCallTimeout(Duration.ofSeconds(7));

        CallOptions layered = shortCall.over(base);

        assertThat(layered.callTimeout()).contains(Duration.ofSeconds(7));
        assertThat(layered.permitWaitTimeout()).contains(Duration.ofMinutes(10));
        assertThat(layered.retries()).contains(false);
        assertThat(CallOptions.fromClient().over(base)).isEqualTo(base);
        assertThat(base.over(CallOptions.fromClient())).isEqualTo(base);
    }

    @Test
    void equalOptionsAreEqualWhetherBuiltOrPreset() {
        CallOptions built = CallOptions.fromClient().withPermitWaitTimeout(Duration.ZERO)
                .withCallTimeout(Duration.ofSeconds(5));

        assertThat(built).isEqualTo(CallOptions.interactive()).hasSameHashCodeAs(CallOptions.interactive());
        assertThat(built).isNotEqualTo(CallOptions.interactive().withRetries(true));
        assertThat(CallOptions.interactive()).isNotEqualTo(CallOptions.batch());
    }
}
