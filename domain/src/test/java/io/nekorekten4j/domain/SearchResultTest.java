package io.nekorekten4j.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SearchResultTest {

    private static List<SearchHit> hits(int count) {
        return IntStream.rangeClosed(1, count)
                .mapToObj(i -> new SearchHit(Report.builder().id(ReportId.of("report" + i)).build(), Map.of()))
                .toList();
    }

    @ParameterizedTest(name = "[{index}] page {0} of size {1} with {2} hits, total {3}: more = {4}")
    @CsvSource({
        "1, 20, 20, 45, true",
        "2, 20, 20, 45, true",
        "3, 20,  5, 45, false",
        "1, 20, 20, 20, false",
        "2, 20, 20, 40, false",
        "1, 20,  0,  0, false",
        "1,  5,  5,  6, true",
        "1, 20,  3,  3, false",
    })
    void morePagesFollowWhenThePagesSoFarHoldFewerThanTheTotal(int page, int pageSize, int hitCount, long total,
            boolean more) {
        SearchResult result = new SearchResult(hits(hitCount), total, page, pageSize);

        assertThat(result.morePages()).isEqualTo(more ? SearchResult.MorePages.YES : SearchResult.MorePages.NO);
        assertThat(result.isLastPage()).isEqualTo(!more);
    }

    @Test
    void aFullPageWhoseTotalIsUnknownIsNeverPresentedAsComplete() {
        SearchResult full = SearchResult.withUnknownTotal(hits(20), 1, 20);

        assertThat(full.totalCount()).isEmpty();
        assertThat(full.morePages()).isEqualTo(SearchResult.MorePages.UNKNOWN);
        assertThat(full.isLastPage()).isFalse();
        assertThat(full.hasMorePages()).as("the old boolean errs towards 'not complete'").isTrue();
        assertThat(full.isEmpty()).isFalse();
        assertThat(full.minimumCount()).isEqualTo(20);
    }

    @Test
    void aPageThatIsNotFullIsTheLastEvenWithoutATotal() {
        SearchResult partial = SearchResult.withUnknownTotal(hits(7), 2, 20);

        assertThat(partial.morePages()).isEqualTo(SearchResult.MorePages.NO);
        assertThat(partial.minimumCount()).as("page 1 was full").isEqualTo(27);
        assertThat(SearchResult.withUnknownTotal(List.of(), 1, 20).isEmpty()).isTrue();
        assertThat(SearchResult.withUnknownTotal(List.of(), 3, 20).isEmpty())
                .as("an empty later page says nothing about the earlier ones").isFalse();
    }

    @Test
    void aResultIsEmptyOnlyWhenTheServiceFoundNothing() {
        assertThat(new SearchResult(List.of(), 0, 1, 20).isEmpty()).isTrue();
        assertThat(new SearchResult(hits(1), 1, 1, 20).isEmpty()).isFalse();
        // A page past the end has no hits, but the search found reports.
        assertThat(new SearchResult(List.of(), 45, 4, 20).isEmpty()).isFalse();
    }

    @Test
    void aTotalBelowTheHitsIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> new SearchResult(hits(3), 1, 1, 20))
                .withMessage("totalCount must be at least the 3 hits given, got 1");
    }

    @Test
    void reportsAreTheHitsReportsInOrder() {
        List<SearchHit> hits = hits(3);

        assertThat(new SearchResult(hits, 3, 1, 20).reports()).extracting(r -> r.id().value())
                .containsExactly("report1", "report2", "report3");
    }

    @Test
    void theHitsAreCopiedAndCannotBeChanged() {
        List<SearchHit> hits = new ArrayList<>(hits(2));
        SearchResult result = new SearchResult(hits, 2, 1, 20);

        hits.clear();

        assertThat(result.hits()).hasSize(2);
        assertThatThrownBy(() -> result.hits().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aPageOrPageSizeBelowOneIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> new SearchResult(List.of(), 0, 0, 20))
                .withMessage("page must be 1 or more, got 0");
        assertThatIllegalArgumentException().isThrownBy(() -> new SearchResult(List.of(), 0, 1, 0))
                .withMessage("pageSize must be 1 or more, got 0");
        assertThatNullPointerException().isThrownBy(() -> new SearchResult(null, 0, 1, 20)).withMessage("hits");
    }

    @Test
    void theServicesPageSizeIsTwenty() {
        assertThat(SearchResult.DEFAULT_PAGE_SIZE).isEqualTo(20);
    }
}
