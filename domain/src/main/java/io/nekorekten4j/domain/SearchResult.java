package io.nekorekten4j.domain;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * One page of a search's answer, honest about what it does not know.
 *
 * <p>The service pages its answers ({@code itemsPerPage} 20) and may report a {@code count}, which
 * may be the total or may be the number on this page — the service does not say. {@link #hits()}
 * holds this page only. {@link #totalCount()} is present only when the total is known;
 * {@link #morePages()} answers {@link MorePages#YES}, {@link MorePages#NO} or
 * {@link MorePages#UNKNOWN}, so a full page whose total is unknown is never presented as the whole
 * answer:
 * <ul>
 *   <li>total known: more pages exactly when the pages up to this one hold fewer reports than the
 *       total;</li>
 *   <li>total unknown: no more pages when this page is not full (fewer hits than
 *       {@link #pageSize()}: a page that is not full is the last), else unknown.</li>
 * </ul>
 *
 * @param hits       the reports of this page, newest first, each with what it matched
 * @param totalCount the number of reports that match in all, when it is known; never below
 *                   {@code hits.size()}
 * @param page       this page's number, from 1
 * @param pageSize   the service's page size
 */
public record SearchResult(List<SearchHit> hits, OptionalLong totalCount, int page, int pageSize) {

    /** The service's page size. */
    public static final int DEFAULT_PAGE_SIZE = 20;

    /** Whether pages after this one hold more reports. */
    public enum MorePages {
        /** They do: the total is known and larger than the reports up to this page. */
        YES,
        /** They do not: this is the last page. */
        NO,
        /** Nobody knows: the page is full and the total was not said. Ask for the next page to see. */
        UNKNOWN
    }

    /** Validates the figures. */
    public SearchResult {
        hits = List.copyOf(Objects.requireNonNull(hits, "hits"));
        Objects.requireNonNull(totalCount, "totalCount");
        if (page < 1) {
            throw new IllegalArgumentException("page must be 1 or more, got " + page);
        }
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be 1 or more, got " + pageSize);
        }
        if (totalCount.isPresent() && totalCount.getAsLong() < hits.size()) {
            throw new IllegalArgumentException("totalCount must be at least the " + hits.size() + " hits given, got "
                    + totalCount.getAsLong());
        }
    }

    /**
     * A page whose total is known.
     *
     * @param totalCount the number of reports that match in all, at least {@code hits.size()}
     */
    public SearchResult(List<SearchHit> hits, long totalCount, int page, int pageSize) {
        this(hits, OptionalLong.of(totalCount), page, pageSize);
    }

    /** A page whose total the service did not say (or said ambiguously). */
    public static SearchResult withUnknownTotal(List<SearchHit> hits, int page, int pageSize) {
        return new SearchResult(hits, OptionalLong.empty(), page, pageSize);
    }

    /** The reports of this page, without attribution. */
    public List<Report> reports() {
        return hits.stream().map(SearchHit::report).toList();
    }

    /**
     * Whether the search matched nothing: the total is known to be 0, or, the total unknown, the
     * first page holds no hits. A later page without hits says nothing about the earlier ones:
     * {@code false} then.
     */
    public boolean isEmpty() {
        return totalCount.isPresent() ? totalCount.getAsLong() == 0 : page == 1 && hits.isEmpty();
    }

    /**
     * How many reports match at least: the total when known, else the hits of this page and, when
     * it has any, the full pages before it.
     */
    public long minimumCount() {
        if (totalCount.isPresent()) {
            return totalCount.getAsLong();
        }
        return hits.isEmpty() ? 0 : (long) (page - 1) * pageSize + hits.size();
    }

    /** Whether pages after this one hold more reports: yes, no, or unknown (see the class comment). */
    public MorePages morePages() {
        long upToThisPage = (long) (page - 1) * pageSize + hits.size();
        if (totalCount.isPresent()) {
            return upToThisPage < totalCount.getAsLong() ? MorePages.YES : MorePages.NO;
        }
        return hits.size() < pageSize ? MorePages.NO : MorePages.UNKNOWN;
    }

    /** Whether this is provably the last page: {@code morePages() == NO}. */
    public boolean isLastPage() {
        return morePages() == MorePages.NO;
    }

    /**
     * Whether pages after this one may hold more reports: {@code true} unless this is provably the
     * last page — {@code true} also when that is {@linkplain MorePages#UNKNOWN unknown}, so that a
     * page is never taken for the whole answer.
     *
     * @deprecated a boolean cannot say "unknown": use {@link #morePages()} or {@link #isLastPage()}
     */
    @Deprecated
    public boolean hasMorePages() {
        return !isLastPage();
    }
}
