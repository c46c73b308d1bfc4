package io.nekorekten4j.ports.screening;

import io.nekorekten4j.domain.MatchCertainty;
import io.nekorekten4j.domain.Report;
import io.nekorekten4j.domain.ReportId;
import io.nekorekten4j.domain.SearchCriteria;
import io.nekorekten4j.domain.SearchField;
import io.nekorekten4j.domain.SearchHit;
import io.nekorekten4j.domain.SearchResult;
import java.util.List;
import java.util.Map;

/** Sample reports and answers for the screening tests. */
final class Reports {

    private Reports() {
    }

    /** A report of {@code phone} with a masked name and e-mail, as the service returns them. */
    static Report report(String id, String phone) {
        return Report.builder().id(ReportId.of(id)).phone(phone).firstName("Ив**").email("iv*****@abv.bg")
                .text("Не потърси пратката.").build();
    }

    /** An answer of {@code hits}, with the service's total {@code totalCount}. */
    static SearchResult answer(long totalCount, SearchHit... hits) {
        return new SearchResult(List.of(hits), totalCount, 1, SearchResult.DEFAULT_PAGE_SIZE);
    }

    /** A hit attributed as the adapter said. */
    static SearchHit hit(Report report, Map<SearchField, MatchCertainty> matchedBy) {
        return new SearchHit(report, matchedBy);
    }

    /** An answer holding the one report of {@code phone} when the criteria carry that phone, else none. */
    static SearchResult reportsOf(SearchCriteria criteria, String phone, Report report) {
        return criteria.queryValues().getOrDefault(SearchField.PHONE, "").equals(phone)
                ? answer(1, SearchHit.of(criteria, report)) : StubReportsPort.empty();
    }
}
