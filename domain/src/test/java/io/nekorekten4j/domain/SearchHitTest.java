package io.nekorekten4j.domain;

import static io.nekorekten4j.domain.MatchCertainty.CERTAIN;
import static io.nekorekten4j.domain.MatchCertainty.COMPATIBLE_WITH_MASK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SearchHitTest {

    private final Report report = Report.builder().id(ReportId.of("0obgyGbp1Ms")).phone("+359888123456")
            .email("xxxxx****@gmail.com").build();

    @Test
    void ofAttributesTheReportAgainstTheCriteria() {
        SearchCriteria criteria = SearchCriteria.builder().phone("0888 123 456").email("xxxxxivan@gmail.com").build();

        SearchHit hit = SearchHit.of(criteria, report);

        assertThat(hit.report()).isSameAs(report);
        assertThat(hit.matchedBy()).containsExactlyInAnyOrderEntriesOf(
                Map.of(SearchField.PHONE, CERTAIN, SearchField.EMAIL, COMPATIBLE_WITH_MASK));
    }

    @Test
    void matchedTellsWhetherAFieldMatchedSurelyOrCompatibly() {
        SearchHit hit = new SearchHit(report, Map.of(SearchField.EMAIL, COMPATIBLE_WITH_MASK));

        assertThat(hit.matched(SearchField.EMAIL)).isTrue();
        assertThat(hit.matched(SearchField.PHONE)).isFalse();
    }

    @Test
    void aCertainMatchNeedsOneCertainField() {
        assertThat(new SearchHit(report, Map.of(SearchField.EMAIL, COMPATIBLE_WITH_MASK)).hasCertainMatch()).isFalse();
        assertThat(new SearchHit(report, Map.of(SearchField.EMAIL, COMPATIBLE_WITH_MASK, SearchField.PHONE, CERTAIN))
                .hasCertainMatch()).isTrue();
        assertThat(new SearchHit(report, Map.of()).hasCertainMatch()).isFalse();
    }

    @Test
    void aHitMayMatchNothingWeCanConfirm() {
        SearchHit hit = new SearchHit(report, Map.of());

        assertThat(hit.matchedBy()).isEmpty();
        assertThat(hit.report()).isSameAs(report);
    }

    @Test
    void theAttributionIsCopiedAndCannotBeChanged() {
        Map<SearchField, MatchCertainty> matched = new EnumMap<>(SearchField.class);
        matched.put(SearchField.PHONE, CERTAIN);
        SearchHit hit = new SearchHit(report, matched);

        matched.put(SearchField.EMAIL, CERTAIN);

        assertThat(hit.matchedBy()).containsOnlyKeys(SearchField.PHONE);
        assertThatThrownBy(() -> hit.matchedBy().put(SearchField.NAME, CERTAIN))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void bothPartsAreRequired() {
        assertThatNullPointerException().isThrownBy(() -> new SearchHit(null, Map.of())).withMessage("report");
        assertThatNullPointerException().isThrownBy(() -> new SearchHit(report, null)).withMessage("matchedBy");
    }
}
