package io.nekorekten4j.ports.screening;

import static io.nekorekten4j.ports.screening.Reports.answer;
import static io.nekorekten4j.ports.screening.Reports.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import io.nekorekten4j.domain.SearchHit;
import io.nekorekten4j.ports.NekorektenException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The invariants of {@link ScreeningResult} and {@link ScreeningProgress}. */
class ScreeningResultTest {

    private static final Buyer BUYER = Buyer.builder().phone("0888 123 456").email("ivan.petrov@abv.bg").build();
    private static final SearchHit HIT = new SearchHit(report("r1", "359888123456"), Map.of());

    @Test
    void aFailureIsPresentExactlyWhenNotChecked() {
        NekorektenException failure = Failures.serviceUnavailable();

        assertThatIllegalArgumentException().isThrownBy(
                () -> new ScreeningResult(BUYER, Verdict.NOT_CHECKED, List.of(), 0, Optional.empty()));
        assertThatIllegalArgumentException().isThrownBy(
                () -> new ScreeningResult(BUYER, Verdict.NOT_FOUND, List.of(), 0, Optional.of(failure)));
        assertThatIllegalArgumentException().isThrownBy(
                () -> new ScreeningResult(BUYER, Verdict.FOUND, List.of(HIT), 1, Optional.of(failure)));
    }

    @Test
    void foundExactlyWhenSomethingWasCounted() {
        assertThatIllegalArgumentException().isThrownBy(
                () -> new ScreeningResult(BUYER, Verdict.FOUND, List.of(), 0, Optional.empty()));
        assertThatIllegalArgumentException().isThrownBy(
                () -> new ScreeningResult(BUYER, Verdict.NOT_FOUND, List.of(HIT), 1, Optional.empty()));
        assertThatIllegalArgumentException().isThrownBy(
                () -> new ScreeningResult(BUYER, Verdict.FOUND, List.of(HIT, HIT), 1, Optional.empty()));
    }

    @Test
    void aSuccessfulSearchGivesFoundOrNotFound() {
        assertThat(ScreeningResult.of(BUYER, answer(2, HIT)).verdict()).isEqualTo(Verdict.FOUND);
        assertThat(ScreeningResult.of(BUYER, StubReportsPort.empty()).verdict()).isEqualTo(Verdict.NOT_FOUND);
    }

    @Test
    void theHitsAreCopied() {
        List<SearchHit> hits = new ArrayList<>(List.of(HIT));
        ScreeningResult result = new ScreeningResult(BUYER, Verdict.FOUND, hits, 1, Optional.empty());

        hits.clear();

        assertThat(result.hits()).containsExactly(HIT);
    }

    @Test
    void partsAreRequired() {
        assertThatNullPointerException().isThrownBy(() -> ScreeningResult.notChecked(BUYER, null));
        assertThatNullPointerException().isThrownBy(() -> ScreeningResult.of(null, StubReportsPort.empty()));
        assertThatNullPointerException().isThrownBy(() -> ScreeningResult.of(BUYER, null));
    }

    @Test
    void toStringShowsTheVerdictAndCodeButNoPersonalData() {
        String shown = ScreeningResult.notChecked(BUYER, Failures.rateLimited()).toString();

        assertThat(shown).contains("NOT_CHECKED", "RATE_LIMITED").doesNotContain("888123456", "ivan.petrov");
    }

    @Test
    void progressFiguresAreChecked() {
        assertThat(new ScreeningProgress(0, 0, 0, Optional.empty()).isComplete()).isTrue();
        assertThatIllegalArgumentException().isThrownBy(() -> new ScreeningProgress(3, 2, 1, Optional.empty()));
        assertThatIllegalArgumentException().isThrownBy(() -> new ScreeningProgress(-1, 2, 1, Optional.empty()));
        assertThatIllegalArgumentException().isThrownBy(() -> new ScreeningProgress(1, 2, -1, Optional.empty()));
        assertThatIllegalArgumentException().isThrownBy(
                () -> new ScreeningProgress(1, 2, 1, Optional.of(Duration.ofSeconds(-1))));
        assertThatNullPointerException().isThrownBy(() -> new ScreeningProgress(1, 2, 1, null));
    }

    @Test
    void theMinimumCountIsTheTotalWhenKnownElseTheHitsShown() {
        assertThat(new ScreeningResult(BUYER, Verdict.FOUND, List.of(HIT), 5, Optional.empty()).minimumCount())
                .isEqualTo(5);
        assertThat(new ScreeningResult(BUYER, Verdict.FOUND, List.of(HIT), OptionalLong.empty(), Optional.empty())
                .minimumCount()).isEqualTo(1);
        assertThat(new ScreeningResult(BUYER, Verdict.FOUND, List.of(), 3, Optional.empty()).minimumCount())
                .as("a total without the hits shown").isEqualTo(3);
    }

    @Test
    void moreReportsMayMatchOnlyWhenFoundAndTheTotalIsUnknownOrLargerThanTheHitsShown() {
        assertThat(new ScreeningResult(BUYER, Verdict.FOUND, List.of(HIT), 2, Optional.empty()).mayHaveMoreReports())
                .isTrue();
        assertThat(new ScreeningResult(BUYER, Verdict.FOUND, List.of(HIT), OptionalLong.empty(), Optional.empty())
                .mayHaveMoreReports()).isTrue();
        assertThat(new ScreeningResult(BUYER, Verdict.FOUND, List.of(HIT), 1, Optional.empty()).mayHaveMoreReports())
                .isFalse();
        assertThat(new ScreeningResult(BUYER, Verdict.NOT_FOUND, List.of(), OptionalLong.empty(), Optional.empty())
                .mayHaveMoreReports()).isFalse();
        assertThat(ScreeningResult.notChecked(BUYER, Failures.serviceUnavailable()).mayHaveMoreReports()).isFalse();
    }

    @Test
    void aResultThatContradictsItsVerdictSaysWhatItHeld() {
        assertThatIllegalArgumentException().isThrownBy(
                () -> new ScreeningResult(BUYER, Verdict.FOUND, List.of(), OptionalLong.empty(), Optional.empty()))
                .withMessageContaining("0 hits and totalCount unknown");
        assertThat(new ScreeningResult(BUYER, Verdict.FOUND, List.of(HIT), OptionalLong.empty(), Optional.empty())
                .toString()).contains("totalCount=unknown");
    }
}
