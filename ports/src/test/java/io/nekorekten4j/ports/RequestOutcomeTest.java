package io.nekorekten4j.ports;

import static io.nekorekten4j.ports.RequestOutcome.MAY_HAVE_BEEN_APPLIED;
import static io.nekorekten4j.ports.RequestOutcome.NOT_SENT;
import static io.nekorekten4j.ports.RequestOutcome.REFUSED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.Test;

class RequestOutcomeTest {

    @Test
    void onceAnAttemptMayHaveReachedTheServiceTheCallNeverClaimsNotSentAgain() {
        assertThat(MAY_HAVE_BEEN_APPLIED.then(NOT_SENT)).isEqualTo(MAY_HAVE_BEEN_APPLIED);
        assertThat(MAY_HAVE_BEEN_APPLIED.then(REFUSED)).isEqualTo(MAY_HAVE_BEEN_APPLIED);
        assertThat(REFUSED.then(NOT_SENT)).isEqualTo(REFUSED);
    }

    @Test
    void aLaterLessCertainAttemptMakesTheCallLessCertain() {
        assertThat(NOT_SENT.then(NOT_SENT)).isEqualTo(NOT_SENT);
        assertThat(NOT_SENT.then(REFUSED)).isEqualTo(REFUSED);
        assertThat(NOT_SENT.then(MAY_HAVE_BEEN_APPLIED)).isEqualTo(MAY_HAVE_BEEN_APPLIED);
        assertThat(REFUSED.then(MAY_HAVE_BEEN_APPLIED)).isEqualTo(MAY_HAVE_BEEN_APPLIED);
    }

    @Test
    void thePredicatesSayWhatACallerMayAssume() {
        assertThat(NOT_SENT.mayHaveReachedService()).isFalse();
        assertThat(REFUSED.mayHaveReachedService()).isTrue();
        assertThat(MAY_HAVE_BEEN_APPLIED.mayHaveReachedService()).isTrue();
        assertThat(NOT_SENT.mayHaveBeenApplied()).isFalse();
        assertThat(REFUSED.mayHaveBeenApplied()).isFalse();
        assertThat(MAY_HAVE_BEEN_APPLIED.mayHaveBeenApplied()).isTrue();
    }

    @Test
    void theLaterOutcomeIsRequired() {
        assertThatNullPointerException().isThrownBy(() -> NOT_SENT.then(null)).withMessage("later");
    }
}
