package io.nekorekten4j.ports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nekorekten4j.domain.Report;
import io.nekorekten4j.domain.ReportDraft;
import io.nekorekten4j.domain.ReportId;
import io.nekorekten4j.domain.ReportPatch;
import io.nekorekten4j.domain.ReportReceipt;
import io.nekorekten4j.domain.SearchCriteria;
import io.nekorekten4j.domain.SearchHit;
import io.nekorekten4j.domain.SearchResult;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Paging over any {@link ReportsPort}: lazy, one search per page, stops at the end, never loops. */
class SearchPagesTest {

    private static final SearchCriteria CRITERIA = SearchCriteria.builder().phone("0888 123 456").build();

    /** A port answering each page as {@code pages} says, and recording the pages asked for. */
    private static final class ScriptedPort implements ReportsPort {
        final List<Integer> asked = new ArrayList<>();
        private final IntFunction<SearchResult> pages;

        ScriptedPort(IntFunction<SearchResult> pages) {
            this.pages = pages;
        }

        @Override
        public SearchResult search(SearchCriteria criteria) {
            asked.add(criteria.page());
            assertThat(criteria.phone()).isEqualTo(CRITERIA.phone());
            return pages.apply(criteria.page());
        }

        @Override
        public ReportReceipt create(ReportDraft draft) {
            throw new UnsupportedOperationException("not searched");
        }

        @Override
        public ReportReceipt update(ReportId id, ReportPatch patch) {
            throw new UnsupportedOperationException("not searched");
        }

        @Override
        public void delete(ReportId id) {
            throw new UnsupportedOperationException("not searched");
        }
    }

    /** Page {@code page} of {@code total} reports numbered from 1, 20 a page, total known or not. */
    private static SearchResult page(int page, int total, boolean totalKnown) {
        int from = (page - 1) * 20;
        List<SearchHit> hits = IntStream.range(from, Math.min(total, from + 20))
                .mapToObj(i -> hit("r" + (i + 1))).toList();
        return new SearchResult(hits, totalKnown ? OptionalLong.of(total) : OptionalLong.empty(), page, 20);
    }

    private static SearchHit hit(String id) {
        return SearchHit.of(CRITERIA, Report.builder().id(ReportId.of(id)).phone("+359888123456").text("Не дойде.")
                .build());
    }

    @Test
    void nothingIsFetchedUntilTheIterationNeedsAPage() {
        ScriptedPort port = new ScriptedPort(p -> page(p, 45, true));

        SearchPages pages = port.searchPages(CRITERIA);
        Iterator<SearchResult> walk = pages.iterator();
        assertThat(port.asked).isEmpty();

        assertThat(walk.next().page()).isEqualTo(1);
        assertThat(port.asked).containsExactly(1);
        assertThat(walk.hasNext()).isTrue();
        assertThat(port.asked).containsExactly(1, 2);
    }

    @Test
    void aKnownTotalStopsThePagingAtItsLastPageWithOneSearchPerPage() {
        ScriptedPort port = new ScriptedPort(p -> page(p, 45, true));

        List<SearchResult> all = port.searchPages(CRITERIA).stream().toList();

        assertThat(all).extracting(SearchResult::page).containsExactly(1, 2, 3);
        assertThat(all.get(2).hits()).hasSize(5);
        assertThat(port.asked).containsExactly(1, 2, 3);
    }

    @Test
    void aTotalThatFillsTheLastPageCostsNoExtraRequest() {
        ScriptedPort port = new ScriptedPort(p -> page(p, 40, true));

        assertThat(port.searchPages(CRITERIA).hits()).hasSize(40);
        assertThat(port.asked).containsExactly(1, 2);
    }

    @Test
    void anUnknownTotalEndsOnAShortPage() {
        ScriptedPort port = new ScriptedPort(p -> page(p, 45, false));

        assertThat(port.searchPages(CRITERIA).stream().map(SearchResult::page).toList()).containsExactly(1, 2, 3);
        assertThat(port.asked).containsExactly(1, 2, 3);
    }

    @Test
    void anUnknownTotalWithAFullLastPageCostsOneEmptyPageWhichIsNotReturned() {
        ScriptedPort port = new ScriptedPort(p -> page(p, 40, false));

        assertThat(port.searchPages(CRITERIA).stream().map(SearchResult::page).toList()).containsExactly(1, 2);
        assertThat(port.asked).containsExactly(1, 2, 3);
    }

    @Test
    void anEmptyFirstPageIsTheAnswer() {
        ScriptedPort port = new ScriptedPort(p -> page(p, 0, true));

        List<SearchResult> all = port.searchPages(CRITERIA).stream().toList();

        assertThat(all).singleElement().satisfies(r -> assertThat(r.isEmpty()).isTrue());
        assertThat(port.asked).containsExactly(1);
    }

    @Test
    void aServiceRepeatingAPageIsRefusedNamingThePageInsteadOfLoopingForever() {
        // Claims to be the page asked for, but holds page 1's reports every time: the total never comes.
        ScriptedPort port = new ScriptedPort(p -> {
            SearchResult first = page(1, 45, true);
            return new SearchResult(first.hits(), first.totalCount(), p, 20);
        });
        Iterator<SearchResult> walk = port.searchPages(CRITERIA).iterator();
        walk.next();

        assertThatThrownBy(walk::hasNext).isInstanceOfSatisfying(UnexpectedResponseException.class, e -> {
            assertThat(e.getMessage()).contains("Page 2").contains("repeated a page").contains("2 requests");
            assertThat(e.code()).isEqualTo(ErrorCode.UNEXPECTED_RESPONSE);
        });
        assertThat(walk.hasNext()).as("the walk is over").isFalse();
        assertThat(port.asked).containsExactly(1, 2);
    }

    @Test
    void anAnswerForAnotherPageThanAskedIsRefused() {
        ScriptedPort port = new ScriptedPort(p -> page(1, 45, true));

        assertThatThrownBy(() -> port.searchPages(CRITERIA).stream().toList())
                .isInstanceOf(UnexpectedResponseException.class)
                .hasMessageContaining("Asked for page 2").hasMessageContaining("page 1");
        assertThat(port.asked).containsExactly(1, 2);
    }

    @Test
    void reportsShiftedOntoTheNextPageByANewReportAreReturnedOnceByHits() {
        // A report filed between the two requests pushes r20 from page 1 onto page 2.
        ScriptedPort port = new ScriptedPort(p -> {
            if (p == 1) {
                return page(1, 25, true);
            }
            List<SearchHit> hits = new ArrayList<>(List.of(hit("r20")));
            hits.addAll(page(2, 25, true).hits());
            return new SearchResult(hits, 26, 2, 20);
        });

        List<String> ids = port.searchPages(CRITERIA).hits().map(h -> h.report().id().value()).toList();

        assertThat(ids).hasSize(25).doesNotHaveDuplicates().startsWith("r1").endsWith("r25");
        assertThat(port.asked).containsExactly(1, 2);
    }

    @Test
    void theMaxPagesGuardFailsLoudlyInsteadOfPretendingTheAnswerIsComplete() {
        ScriptedPort port = new ScriptedPort(p -> page(p, 100, true));
        Iterator<SearchResult> walk = port.searchPages(CRITERIA).maxPages(2).iterator();
        walk.next();
        walk.next();

        assertThatThrownBy(walk::hasNext).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("more than the 2 pages").hasMessageContaining("page 3 was not fetched");
        assertThat(port.asked).containsExactly(1, 2);
        assertThat(port.searchPages(CRITERIA).maxPages(5).stream().count()).as("within the guard").isEqualTo(5);
    }

    @Test
    void theWalkStartsAtThePageTheCriteriaAskForAndStreamLimitTakesOnlyWhatItNeeds() {
        ScriptedPort port = new ScriptedPort(p -> page(p, 100, true));

        List<Integer> taken = port.searchPages(CRITERIA.toBuilder().page(3).build()).stream().limit(2)
                .map(SearchResult::page).toList();

        assertThat(taken).containsExactly(3, 4);
        assertThat(port.asked).containsExactly(3, 4);
    }

    @Test
    void argumentsAreChecked() {
        ScriptedPort port = new ScriptedPort(p -> page(p, 1, true));
        assertThatThrownBy(() -> SearchPages.of(null, CRITERIA)).hasMessage("port");
        assertThatThrownBy(() -> port.searchPages(null)).hasMessage("criteria");
        assertThatThrownBy(() -> port.searchPages(CRITERIA).maxPages(0)).hasMessage("maxPages must be at least 1, got 0");
        assertThat(port.asked).isEmpty();
    }

    @Test
    void aGuardOfOnePageAllowsExactlyTheFirstPage() {
        ScriptedPort port = new ScriptedPort(p -> page(p, 100, true));
        Iterator<SearchResult> walk = port.searchPages(CRITERIA).maxPages(1).iterator();

        assertThat(walk.next().page()).isEqualTo(1);
        assertThatThrownBy(walk::hasNext).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("page 2 was not fetched");
    }
}
