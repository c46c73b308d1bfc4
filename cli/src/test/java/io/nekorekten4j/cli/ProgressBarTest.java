package io.nekorekten4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.nekorekten4j.ports.QuotaPlan;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

    @Test
    void showsTheShareDoneTheCountsAndTheEtaFromTheQuota() {
        assertThat(ProgressBar.render(new BatchStatus(6, 12, 5, 2, 0, 0, Optional.of(Duration.ofMinutes(2)))))
                .isEqualTo("[##########----------] 6/12 rows, 5 requests, 2 found, ETA 2 min");
        assertThat(ProgressBar.render(new BatchStatus(6, 12, 5, 2, 1, 3, Optional.of(Duration.ZERO))))
                .contains("2 found, 1 not checked, 3 invalid, ETA 0 s");
    }

    @Test
    void saysWhenTheRunNeedsMoreThanTheDailyQuota() {
        assertThat(ProgressBar.render(new BatchStatus(1, 50, 1, 0, 0, 0, Optional.empty())))
                .endsWith("ETA: more than the plan's daily quota");
    }

    @Test
    void redrawsInPlaceAndEndsTheLineAtTheEnd() {
        StringWriter err = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(err));
        bar.update(new BatchStatus(1, 2, 1, 0, 0, 0, Optional.of(Duration.ZERO)));
        bar.end(new BatchStatus(2, 2, 2, 0, 0, 0, Optional.of(Duration.ZERO)));
        assertThat(err.toString()).isEqualTo(
                "\r[##########----------] 1/2 rows, 1 request, 0 found, ETA 0 s"
                        + "\r[####################] 2/2 rows, 2 requests, 0 found, done  " // rubs out the longer line
                        + System.lineSeparator());
    }

    @Test
    void theEtaIsTheQuotasWindowsLeftAndEmptyPastTheDailyCap() {
        // 10 a minute, 25 rows: 2 minutes after the 1st request, 1 after the 11th, 0 from the 21st.
        assertThat(BatchStatus.eta(QuotaPlan.perMinute(10), 1, 24)).contains(Duration.ofMinutes(2));
        assertThat(BatchStatus.eta(QuotaPlan.perMinute(10), 11, 14)).contains(Duration.ofMinutes(1));
        assertThat(BatchStatus.eta(QuotaPlan.perMinute(10), 21, 4)).contains(Duration.ZERO);
        assertThat(BatchStatus.eta(QuotaPlan.START, 0, 101)).isEmpty();
        assertThat(BatchStatus.eta(QuotaPlan.START, 5, 0)).contains(Duration.ZERO);
    }

    @Test
    void durationsReadAsPeopleSayThem() {
        assertThat(ProgressBar.duration(Duration.ofSeconds(45))).isEqualTo("45 s");
        assertThat(ProgressBar.duration(Duration.ofMinutes(3))).isEqualTo("3 min");
        assertThat(ProgressBar.duration(Duration.ofMinutes(65))).isEqualTo("1 h 05 min");
    }
}
