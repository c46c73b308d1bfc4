package io.nekorekten4j.ports.screening;

import io.nekorekten4j.domain.ReportDraft;
import io.nekorekten4j.domain.ReportId;
import io.nekorekten4j.domain.ReportPatch;
import io.nekorekten4j.domain.ReportReceipt;
import io.nekorekten4j.domain.SearchCriteria;
import io.nekorekten4j.domain.SearchResult;
import io.nekorekten4j.ports.NekorektenException;
import io.nekorekten4j.ports.ReportsPort;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A {@link ReportsPort} for the screening tests: it records every search, answers by a function of
 * the criteria, and throws a given failure on a given request (numbered from 1). Writes are not
 * part of screening and refuse.
 */
final class StubReportsPort implements ReportsPort {

    private final List<SearchCriteria> searches = new ArrayList<>();
    private final Map<Integer, RuntimeException> failures = new HashMap<>();
    private Function<SearchCriteria, SearchResult> answer = c -> empty();

    /** Answers every search with {@code answer}. */
    StubReportsPort answering(Function<SearchCriteria, SearchResult> answer) {
        this.answer = answer;
        return this;
    }

    /** Throws {@code failure} on the {@code n}-th search (from 1). */
    StubReportsPort failingOn(int n, RuntimeException failure) {
        failures.put(n, failure);
        return this;
    }

    /** Throws {@code failure} on every search. */
    StubReportsPort failingAlways(NekorektenException failure) {
        return answering(c -> {
            throw failure;
        });
    }

    /** Every search received, in order. */
    List<SearchCriteria> searches() {
        return searches;
    }

    /** How many searches were received. */
    int requestCount() {
        return searches.size();
    }

    static SearchResult empty() {
        return new SearchResult(List.of(), 0, 1, SearchResult.DEFAULT_PAGE_SIZE);
    }

    @Override
    public SearchResult search(SearchCriteria criteria) {
        searches.add(criteria);
        RuntimeException failure = failures.get(searches.size());
        if (failure != null) {
            throw failure;
        }
        return answer.apply(criteria);
    }

    @Override
    public ReportReceipt create(ReportDraft draft) {
        throw new UnsupportedOperationException("screening never files a report");
    }

    @Override
    public ReportReceipt update(ReportId id, ReportPatch patch) {
        throw new UnsupportedOperationException("screening never changes a report");
    }

    @Override
    public void delete(ReportId id) {
        throw new UnsupportedOperationException("screening never deletes a report");
    }
}
