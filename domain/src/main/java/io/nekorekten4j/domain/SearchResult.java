package io.nekorekten4j.domain;

import java.util.List;
import java.util.Objects;

/**
 * One page of a search's answer.
 *
 * <p>The service pages its answers ({@code itemsPerPage} 20) and reports a {@code count}, which
 * may be the total: {@link #hits()} holds this page only, {@link #totalCount()} what the service
 * reported. Never present a page as the whole answer: see {@link #hasMorePages()}.
 *
 * @param hits       the reports of this page, newest first, each with what it matched
 * @param totalCount the number of reports the service said match, at least {@code hits.size()}
 * @param page       this page's number, from 1
 * @param pageSize   the service's page size
 */
public record SearchResult(List<SearchHit> hits, long totalCount, int page, int pageSize) {

    /** The service's page size. */
    public static final int DEFAULT_PAGE_SIZE = 20;

    /** Validates the figures. */
    public SearchResult {
        hits = List.copyOf(Objects.requireNonNull(hits, "hits"));
        if (page < 1) {
            throw new IllegalArgumentException("page must be 1 or more, got " + page);
        }
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be 1 or more, got " + pageSize);
        }
        if (totalCount < hits.size()) {
            // The service said fewer than it sent: trust what was sent.
            totalCount = hits.size();
        }
    }

    /** The reports of this page, without attribution. */
    public List<Report> reports() {
        return hits.stream().map(SearchHit::report).toList();
    }

    /** Whether nothing was found (the search succeeded and matched no report). */
    public boolean isEmpty() {
        return totalCount == 0;
    }

    /** Whether pages after this one hold more reports. */
    public boolean hasMorePages() {
        return (long) (page - 1) * pageSize + hits.size() < totalCount;
    }
}
