package io.nekorekten4j.ports.screening;

import static io.nekorekten4j.ports.screening.Reports.answer;
import static io.nekorekten4j.ports.screening.Reports.hit;
import static io.nekorekten4j.ports.screening.Reports.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.nekorekten4j.domain.MatchCertainty;
import io.nekorekten4j.domain.SearchCriteria;
import io.nekorekten4j.domain.SearchField;
import io.nekorekten4j.domain.SearchHit;
import io.nekorekten4j.domain.SearchMode;
import io.nekorekten4j.ports.NekorektenException;
import io.nekorekten4j.ports.QuotaPlan;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link Screening#screen}: one request, the verdicts, and attribution passed through. */
class ScreeningTest {

    private static final Buyer IVAN = Buyer.builder().phone("0888 123 456").email("ivan@abv.bg")
            .name("Иван Петров").site("ivan-shop.bg").build();

    private final StubReportsPort port = new StubReportsPort();
    private final Screening screening = Screening.of(port);

    @Test
    void aBuyerWithEveryFieldIsScreenedWithExactlyOneOneOfRequest() {
        screening.screen(IVAN);

        assertThat(port.searches()).hasSize(1);
        SearchCriteria sent = port.searches().get(0);
        assertThat(sent.mode()).isEqualTo(SearchMode.ONE_OF);
        assertThat(sent.page()).isEqualTo(1);
        assertThat(sent).isEqualTo(IVAN.toCriteria());
        assertThat(sent.fields()).containsExactly(SearchField.PHONE, SearchField.EMAIL, SearchField.NAME, SearchField.SITE);
    }

    @Test
    void aBuyerIsFoundWhenTheServiceCountsAnyReport() {
        port.answering(c -> answer(3, hit(report("r1", "359888123456"), Map.of(SearchField.PHONE, MatchCertainty.CERTAIN))));

        ScreeningResult result = screening.screen(IVAN);

        assertThat(result.verdict()).isEqualTo(Verdict.FOUND);
        assertThat(result.totalCount()).hasValue(3);
        assertThat(result.hits()).hasSize(1);
        assertThat(result.failure()).isEmpty();
        assertThat(result.notCheckedReason()).isEmpty();
        assertThat(result.buyer()).isSameAs(IVAN);
    }

    @Test
    void eachReportKeepsTheAttributionTheAdapterGaveIt() {
        SearchHit byPhone = hit(report("r1", "359888123456"), Map.of(SearchField.PHONE, MatchCertainty.CERTAIN));
        SearchHit byMaskedEmailAndName = hit(report("r2", "359877654321"),
                Map.of(SearchField.EMAIL, MatchCertainty.COMPATIBLE_WITH_MASK, SearchField.NAME, MatchCertainty.COMPATIBLE_WITH_MASK));
        SearchHit unconfirmed = hit(report("r3", "359899111222"), Map.of());
        port.answering(c -> answer(3, byPhone, byMaskedEmailAndName, unconfirmed));

        ScreeningResult result = screening.screen(IVAN);

        assertThat(result.hits()).containsExactly(byPhone, byMaskedEmailAndName, unconfirmed);
        assertThat(result.hits().get(0).matchedBy()).containsExactly(Map.entry(SearchField.PHONE, MatchCertainty.CERTAIN));
        assertThat(result.hits().get(1).matchedBy())
                .containsOnly(Map.entry(SearchField.EMAIL, MatchCertainty.COMPATIBLE_WITH_MASK),
                        Map.entry(SearchField.NAME, MatchCertainty.COMPATIBLE_WITH_MASK));
        assertThat(result.hits().get(2).matchedBy()).isEmpty();
    }

    @Test
    void aFoundBuyerKeepsTheTotalBeyondTheFirstPage() {
        port.answering(c -> answer(45, hit(report("r1", "359888123456"), Map.of(SearchField.PHONE, MatchCertainty.CERTAIN))));

        ScreeningResult result = screening.screen(IVAN);

        assertThat(result.totalCount()).hasValue(45);
        assertThat(port.requestCount()).as("requests (later pages are not fetched)").isEqualTo(1);
    }

    @Test
    void aBuyerIsNotFoundWhenTheSearchSucceedsWithNoReport() {
        ScreeningResult result = screening.screen(IVAN);

        assertThat(result.verdict()).isEqualTo(Verdict.NOT_FOUND);
        assertThat(result.hits()).isEmpty();
        assertThat(result.totalCount()).hasValue(0);
        assertThat(result.failure()).isEmpty();
    }

    static Stream<NekorektenException> everyFailure() {
        return Failures.everyKind().stream();
    }

    @ParameterizedTest
    @MethodSource("everyFailure")
    void everyFailureOfTheSearchMakesTheBuyerNotCheckedWithThatException(NekorektenException failure) {
        port.failingAlways(failure);

        ScreeningResult result = screening.screen(IVAN);

        assertThat(result.verdict()).isEqualTo(Verdict.NOT_CHECKED);
        assertThat(result.failure()).containsSame(failure);
        assertThat(result.notCheckedReason()).hasValueSatisfying(reason -> assertThat(reason)
                .startsWith(failure.code() + ": ").contains(failure.getMessage()));
        assertThat(result.hits()).isEmpty();
        assertThat(result.totalCount()).as("not checked: no count at all").isEmpty();
    }

    @Test
    void everyExceptionClassOfTheHierarchyIsCovered() {
        assertThat(Failures.everyKind()).extracting(NekorektenException::code).doesNotHaveDuplicates()
                .hasSize(io.nekorekten4j.ports.ErrorCode.values().length);
    }

    @Test
    void aFailureOutsideTheHierarchyIsNotTurnedIntoAVerdict() {
        IllegalStateException bug = new IllegalStateException("a bug in the adapter");
        port.failingOn(1, bug);

        assertThat(catchThrowable(() -> screening.screen(IVAN))).isSameAs(bug);
    }

    @Test
    void screeningANullBuyerIsRefused() {
        assertThatNullPointerException().isThrownBy(() -> screening.screen(null)).withMessage("buyer");
        assertThat(port.requestCount()).isZero();
    }

    @Test
    void screeningNeedsAPortAndAPlan() {
        assertThatNullPointerException().isThrownBy(() -> Screening.of(null)).withMessage("port");
        assertThatNullPointerException().isThrownBy(() -> Screening.of(port, null)).withMessage("plan");
    }

    @Test
    void toStringNamesThePlan() {
        assertThat(Screening.of(port, QuotaPlan.FREE)).hasToString("Screening[plan=Free, 5/min, 30/day]");
        assertThat(Screening.of(port)).hasToString("Screening[plan=Default, 10/min]");
    }

    @Test
    void eachScreenIsItsOwnRequestEvenForAnEqualBuyer() {
        Buyer reordered = Buyer.builder().site("ivan-shop.bg").name("Иван Петров").email("ivan@abv.bg")
                .phone("+359888123456").build();

        screening.screen(IVAN);
        screening.screen(reordered);

        // Sharing answers over time is the adapter cache's job; screen() keeps no state.
        assertThat(port.searches()).containsExactly(IVAN.toCriteria(), IVAN.toCriteria());
    }
}
