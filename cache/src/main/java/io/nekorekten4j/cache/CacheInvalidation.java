package io.nekorekten4j.cache;

import io.nekorekten4j.domain.Report;
import io.nekorekten4j.domain.ReportFields;
import io.nekorekten4j.domain.ReportId;
import io.nekorekten4j.domain.SearchCriteria;
import io.nekorekten4j.domain.SearchHit;
import io.nekorekten4j.domain.SearchResult;
import java.util.List;
import java.util.Objects;

/**
 * Which cached searches a write through the client can affect: the rule stated in
 * {@link CacheOptions}. Erring on the side of removing too much is safe; too little is not.
 * Handed to {@link ResultCache#write} with the write it describes.
 */
public abstract sealed class CacheInvalidation {

    private CacheInvalidation() {
    }

    /** A create of a report with {@code fields}. */
    public static CacheInvalidation created(ReportFields fields) {
        Objects.requireNonNull(fields, "fields");
        return new Created(fields);
    }

    /** An update of report {@code id} with the patch's {@code fields}. */
    public static CacheInvalidation updated(ReportId id, ReportFields fields) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(fields, "fields");
        return new Updated(id, fields);
    }

    /** A delete of report {@code id}. */
    public static CacheInvalidation deleted(ReportId id) {
        Objects.requireNonNull(id, "id");
        return new Deleted(id);
    }

    /** Whether the cached {@code answer} to {@code criteria} may no longer be what the service says. */
    abstract boolean affects(SearchCriteria criteria, SearchResult answer);

    /**
     * Whether a report carrying {@code fields} could match a filter of {@code criteria}: equal phone
     * or e-mail; any name or site, whose rules at the service are not known.
     */
    static boolean couldMatch(ReportFields fields, SearchCriteria criteria) {
        return criteria.phone().filter(p -> fields.phone().filter(p::equals).isPresent()).isPresent()
                || criteria.email().filter(e -> fields.email().filter(e::equals).isPresent()).isPresent()
                || criteria.name().isPresent() && (fields.firstName().isPresent() || fields.lastName().isPresent())
                || criteria.site().isPresent() && (fields.siteUrl().isPresent() || fields.facebookUrl().isPresent());
    }

    /** Whether {@code answer} shows report {@code id}, as a hit or as a reply at any depth. */
    static boolean shows(SearchResult answer, ReportId id) {
        for (SearchHit hit : answer.hits()) {
            if (shows(hit.report(), id)) {
                return true;
            }
        }
        return false;
    }

    private static boolean shows(Report report, ReportId id) {
        if (report.id().equals(id)) {
            return true;
        }
        List<Report> replies = report.replies();
        for (Report reply : replies) {
            if (shows(reply, id)) {
                return true;
            }
        }
        return false;
    }

    /** The report may be on a page of {@code criteria} that was not seen. */
    private static boolean mayHideReports(SearchCriteria criteria, SearchResult answer) {
        return !SubsetAnswers.isProvablyComplete(criteria, answer);
    }

    private static final class Created extends CacheInvalidation {
        private final ReportFields fields;

        Created(ReportFields fields) {
            this.fields = Objects.requireNonNull(fields, "fields");
        }

        @Override
        boolean affects(SearchCriteria criteria, SearchResult answer) {
            return couldMatch(fields, criteria);
        }
    }

    private static final class Updated extends CacheInvalidation {
        private final ReportId id;
        private final ReportFields fields;

        Updated(ReportId id, ReportFields fields) {
            this.id = Objects.requireNonNull(id, "id");
            this.fields = Objects.requireNonNull(fields, "fields");
        }

        @Override
        boolean affects(SearchCriteria criteria, SearchResult answer) {
            return shows(answer, id) || mayHideReports(criteria, answer) || couldMatch(fields, criteria);
        }
    }

    private static final class Deleted extends CacheInvalidation {
        private final ReportId id;

        Deleted(ReportId id) {
            this.id = Objects.requireNonNull(id, "id");
        }

        @Override
        boolean affects(SearchCriteria criteria, SearchResult answer) {
            return shows(answer, id) || mayHideReports(criteria, answer);
        }
    }
}
