package io.nekorekten4j.ports;

import io.nekorekten4j.domain.ReportId;
import io.nekorekten4j.domain.SearchCriteria;
import io.nekorekten4j.domain.SearchHit;
import io.nekorekten4j.domain.SearchResult;
import java.util.HashSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Every page of a search, fetched lazily: {@code for (SearchResult page : api.searchPages(c))}, or
 * {@link #stream()} / {@link #hits()}. Works on any {@link ReportsPort} (the HTTP adapter, the fake,
 * your own), since it only calls {@link ReportsPort#search(SearchCriteria)}.
 *
 * <p><b>Cost.</b> One {@code search} call — on the HTTP adapter one request and one quota permit,
 * unless its cache answers — per page fetched, and a page is fetched only when the iteration
 * needs it ({@link Iterator#hasNext()} fetches the next page when the one before could not prove it
 * was the last). Iterating all of a search of {@code N} reports with the service's 20 a page costs:
 * <ul>
 *   <li>{@code ceil(N / 20)} requests (1 when {@code N} is 0) when the service says the total
 *       ({@link SearchResult#totalCount()}): iteration stops at the total;</li>
 *   <li>without a total, the same, plus one request when the last page is full (20 hits and
 *       {@link SearchResult.MorePages#UNKNOWN}): only the next, short or empty, page proves the end.
 *       An empty page after the first ends the iteration and is not returned.</li>
 * </ul>
 * At 10 requests a minute 100 pages take ten minutes: bound the cost with {@link #maxPages(int)} or
 * {@code stream().limit(n)}, and mind the client's permit-wait timeout.
 *
 * <p><b>Never a loop, never a page twice.</b> A page whose reports were all on earlier pages (a
 * service that ignores the page asked for and repeats one) ends the iteration with an
 * {@link UnexpectedResponseException} naming the page, instead of requesting the same answer
 * forever; an answer whose page number is not the one asked for does too. Reports that appear on
 * two pages because reports were filed or deleted between the requests are returned with both
 * pages; {@link #hits()} returns each report once.
 *
 * <p>Immutable; each {@link #iterator()} is a new, independent walk from the first page asked for
 * (not thread safe itself). Failures of {@code search} reach the caller of {@code hasNext()} or
 * {@code next()} unchanged.
 */
public final class SearchPages implements Iterable<SearchResult> {

    private final ReportsPort port;
    private final SearchCriteria first;
    private final OptionalInt maxPages;

    private SearchPages(ReportsPort port, SearchCriteria first, OptionalInt maxPages) {
        this.port = port;
        this.first = first;
        this.maxPages = maxPages;
    }

    /**
     * The pages of {@code criteria}'s search on {@code port}, from {@code criteria.page()} on
     * (usually 1). Nothing is fetched yet.
     */
    public static SearchPages of(ReportsPort port, SearchCriteria criteria) {
        Objects.requireNonNull(port, "port");
        Objects.requireNonNull(criteria, "criteria");
        return new SearchPages(port, criteria, OptionalInt.empty());
    }

    /**
     * A guard: fetch at most {@code maxPages} pages. When a further page would be needed, the
     * iteration fails with an {@link IllegalStateException} saying so rather than end as if the
     * answer were complete; to take only the first pages on purpose, use {@code stream().limit(n)}.
     *
     * @param maxPages at least 1
     * @throws IllegalArgumentException when {@code maxPages} is below 1
     */
    public SearchPages maxPages(int maxPages) {
        if (maxPages < 1) {
            throw new IllegalArgumentException("maxPages must be at least 1, got " + maxPages);
        }
        return new SearchPages(port, first, OptionalInt.of(maxPages));
    }

    /** A new walk over the pages, fetching each when needed. */
    @Override
    public Iterator<SearchResult> iterator() {
        return new Walk();
    }

    /** The pages as a lazy, sequential stream: a page is fetched when the stream pulls it. */
    public Stream<SearchResult> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(),
                Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    /**
     * The hits of every page, newest first, each report once (a report seen on an earlier page,
     * because reports were filed meanwhile, is skipped), as a lazy stream.
     */
    public Stream<SearchHit> hits() {
        Set<ReportId> seen = new HashSet<>();
        return stream().flatMap(page -> page.hits().stream()).filter(hit -> seen.add(hit.report().id()));
    }

    /** The criteria of the first page and the guard. */
    @Override
    public String toString() {
        return "SearchPages[" + first + maxPages.stream().mapToObj(m -> ", maxPages=" + m).findFirst().orElse("") + "]";
    }

    /** One walk: the next page to ask for, and the reports seen so far. */
    private final class Walk implements Iterator<SearchResult> {
        private final Set<ReportId> seen = new HashSet<>();
        private int nextPage = first.page();
        private int fetched;
        private SearchResult ready;
        private boolean done;

        @Override
        public boolean hasNext() {
            if (ready != null) {
                return true;
            }
            if (done) {
                return false;
            }
            if (maxPages.isPresent() && fetched >= maxPages.getAsInt()) {
                done = true;
                throw new IllegalStateException("the search has more than the " + maxPages.getAsInt()
                        + " pages allowed by maxPages; page " + nextPage + " was not fetched");
            }
            SearchResult page = fetch(nextPage);
            fetched++;
            boolean later = nextPage > first.page();
            if (later && page.hits().isEmpty()) {
                // The probe after a full page of unknown total, or reports deleted meanwhile: the end.
                done = true;
                return false;
            }
            checkNotARepeat(page);
            if (page.morePages() == SearchResult.MorePages.NO) {
                done = true;
            } else {
                nextPage++;
            }
            ready = page;
            return true;
        }

        @Override
        public SearchResult next() {
            if (!hasNext()) {
                throw new NoSuchElementException("no page after page " + (nextPage - 1));
            }
            SearchResult page = ready;
            ready = null;
            return page;
        }

        private SearchResult fetch(int number) {
            SearchResult page = port.search(first.toBuilder().page(number).build());
            if (page.page() != number) {
                done = true;
                throw new UnexpectedResponseException("Asked for page " + number + " of a search, the answer is page "
                        + page.page() + "; stopped paging", ErrorContext.none(), null);
            }
            return page;
        }

        private void checkNotARepeat(SearchResult page) {
            boolean anyNew = false;
            for (SearchHit hit : page.hits()) {
                anyNew |= seen.add(hit.report().id());
            }
            if (!anyNew && !page.hits().isEmpty()) {
                done = true;
                throw new UnexpectedResponseException("Page " + page.page() + " of the search holds only reports of"
                        + " earlier pages: the service repeated a page (it may ignore the page asked for); stopped"
                        + " paging after " + fetched + " requests", ErrorContext.none(), null);
            }
        }
    }
}
