package io.nekorekten4j.fake;

import static io.nekorekten4j.fake.FakeTestData.T0;
import static io.nekorekten4j.fake.FakeTestData.fake;
import static org.assertj.core.api.Assertions.assertThat;

import io.nekorekten4j.domain.ReportDraft;
import io.nekorekten4j.domain.ReportId;
import io.nekorekten4j.domain.SearchCriteria;
import io.nekorekten4j.domain.SearchResult;
import io.nekorekten4j.ports.ErrorCode;
import io.nekorekten4j.ports.NekorektenException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 13 item 10 on the fake: {@code searchPages} walks every page, one search call per page. */
class NekorektenFakePagingTest {

    private static final SearchCriteria BY_PHONE = SearchCriteria.builder().phone("0888 123 456").build();

    private final MutableClock clock = MutableClock.at(T0);
    private final NekorektenFake fake = fake(clock);

    private List<ReportId> arrange(int reports) {
        List<ReportId> ids = new ArrayList<>();
        for (int i = 0; i < reports; i++) {
            clock.advance(Duration.ofMinutes(1));
            ids.add(fake.arrangeReport(ReportDraft.builder().phone("0888 123 456").text("Отказа пратка " + i + ".")
                    .build(), clock.instant(), "test-key"));
        }
        return ids;
    }

    @Test
    void fortyFiveReportsAreThreePagesAndThreeCallsNewestFirst() {
        List<ReportId> filed = arrange(45);

        List<ReportId> walked = fake.searchPages(BY_PHONE).hits().map(h -> h.report().id()).toList();

        List<ReportId> newestFirst = new ArrayList<>(filed);
        java.util.Collections.reverse(newestFirst);
        assertThat(walked).containsExactlyElementsOf(newestFirst);
        assertThat(fake.callCount()).isEqualTo(3);
    }

    @Test
    void theNextPageIsFetchedOnlyWhenAsked() {
        arrange(45);
        Iterator<SearchResult> pages = fake.searchPages(BY_PHONE).iterator();

        assertThat(fake.callCount()).isZero();
        pages.next();
        assertThat(fake.callCount()).isEqualTo(1);
    }

    @Test
    void aFailedPageReachesTheCallerAndIsNeverAnEmptyEnd() {
        arrange(45);
        Iterator<SearchResult> pages = fake.searchPages(BY_PHONE).iterator();
        pages.next();
        fake.failNext(1, ErrorCode.SERVICE_UNAVAILABLE);

        NekorektenException failure = org.assertj.core.api.Assertions.catchThrowableOfType(pages::hasNext,
                NekorektenException.class);

        assertThat(failure.code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
    }
}
