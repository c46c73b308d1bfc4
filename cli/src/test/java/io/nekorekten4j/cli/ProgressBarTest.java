package io.nekorekten4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.nekorekten4j.ports.screening.ScreeningProgress;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

    @Test
    void showsTheShareDoneTheRequestsAndTheEtaFromTheQuota() {
        assertThat(ProgressBar.render(new ScreeningProgress(6, 12, 5, Optional.of(Duration.ofMinutes(2)))))
                .isEqualTo("[##########----------] 6/12 buyers, 5 requests, ETA 2 min");
    }

    @Test
    void saysWhenTheRunNeedsMoreThanTheDailyQuota() {
        assertThat(ProgressBar.render(new ScreeningProgress(1, 50, 1, Optional.empty())))
                .endsWith("ETA: more than the plan's daily quota");
    }

    @Test
    void redrawsInPlaceAndEndsTheLineWhenComplete() {
        StringWriter err = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(err), true);
        bar.onProgress(new ScreeningProgress(1, 2, 1, Optional.of(Duration.ZERO)));
        bar.onProgress(new ScreeningProgress(2, 2, 2, Optional.of(Duration.ZERO)));
        assertThat(err.toString()).isEqualTo(
                "\r[##########----------] 1/2 buyers, 1 request, ETA 0 s"
                        + "\r[####################] 2/2 buyers, 2 requests, done  " // rubs out the longer line
                        + System.lineSeparator());
        assertThat(bar.last()).map(ScreeningProgress::requestsSent).contains(2);
    }

    @Test
    void drawsNothingWhenToldNotToButKeepsTheLastProgress() {
        StringWriter err = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(err), false);
        bar.onProgress(new ScreeningProgress(1, 1, 1, Optional.of(Duration.ZERO)));
        assertThat(err.toString()).isEmpty();
        assertThat(bar.last()).isPresent();
    }

    @Test
    void durationsReadAsPeopleSayThem() {
        assertThat(ProgressBar.duration(Duration.ofSeconds(45))).isEqualTo("45 s");
        assertThat(ProgressBar.duration(Duration.ofMinutes(3))).isEqualTo("3 min");
        assertThat(ProgressBar.duration(Duration.ofMinutes(65))).isEqualTo("1 h 05 min");
    }
}
