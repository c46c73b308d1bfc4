package io.nekorekten4j.ports;

import io.nekorekten4j.domain.ReportDraft;
import io.nekorekten4j.domain.ReportId;
import io.nekorekten4j.domain.ReportPatch;
import io.nekorekten4j.domain.ReportReceipt;
import io.nekorekten4j.domain.SearchCriteria;
import io.nekorekten4j.domain.SearchResult;

/**
 * Searching, filing, editing and deleting reports. Implementations are thread safe.
 *
 * <p>Every method either answers or throws a {@link NekorektenException}: a failed search is never
 * an empty result. Arguments are validated before any request is sent.
 */
public interface ReportsPort {

    /**
     * One page of the reports matching {@code criteria}, newest first, each attributed to the
     * filters it matched.
     *
     * @throws NekorektenException when no answer could be had, or the service refused
     */
    SearchResult search(SearchCriteria criteria);

    /**
     * Every page of {@code criteria}'s search, from {@code criteria.page()} on, fetched lazily by
     * {@link #search(SearchCriteria)}: one search per page, only when the iteration needs it,
     * stopping at the total, never looping on a repeated page. See {@link SearchPages} for the cost
     * in requests. Nothing is fetched by this call.
     */
    default SearchPages searchPages(SearchCriteria criteria) {
        return SearchPages.of(this, criteria);
    }

    /**
     * Files a new report. A create is never repeated once it may have reached the service: a
     * duplicate report would be seen by every merchant.
     *
     * @return what the service said; its id is present only when the service returned one
     * @throws NekorektenException when no answer could be had, or the service refused
     */
    ReportReceipt create(ReportDraft draft);

    /**
     * Changes fields of a report filed with this API key.
     *
     * @throws NotFoundException  when there is no such report
     * @throws ForbiddenException when it was filed with another key
     * @throws NekorektenException for every other failure
     */
    ReportReceipt update(ReportId id, ReportPatch patch);

    /**
     * Deletes a report filed with this API key.
     *
     * @throws NotFoundException  when there is no such report (also when a retried delete finds
     *                            that its first, unanswered attempt already deleted it)
     * @throws ForbiddenException when it was filed with another key
     * @throws NekorektenException for every other failure
     */
    void delete(ReportId id);
}
