package io.nekorekten4j.cache;

import io.nekorekten4j.domain.Email;
import io.nekorekten4j.domain.Mask;
import io.nekorekten4j.domain.Phone;
import io.nekorekten4j.domain.Report;
import io.nekorekten4j.domain.SearchCriteria;
import io.nekorekten4j.domain.SearchField;
import io.nekorekten4j.domain.SearchHit;
import io.nekorekten4j.domain.SearchMode;
import io.nekorekten4j.domain.SearchResult;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Answers a search from a cached {@code ONE_OF} search of which it is a subset, when the cached
 * answer decides it. The rule, and the assumptions it rests on, are in {@link CacheOptions}; this
 * class is its one implementation. When in doubt it answers nothing and the request is sent.
 */
final class SubsetAnswers {

    /** Whether the service, asked for one filter alone, would return a report. */
    enum Verdict {
        /** It would: the report carries the filter's value, confirmed locally. */
        MATCHES,
        /** It would not: the report does not carry the value, or carries another one. */
        DOES_NOT_MATCH,
        /** Cannot be told here: a masked value that fits, or a rule of the service we do not know. */
        UNKNOWN
    }

    private SubsetAnswers() {
    }

    /**
     * The answer to {@code wanted} drawn from the cached answer {@code cached} of {@code source},
     * or empty when the rule does not allow it.
     */
    static Optional<SearchResult> answer(SearchCriteria wanted, SearchCriteria source, SearchResult cached) {
        if (!canBeAnswered(wanted) || !isSource(source, cached)) {
            return Optional.empty();
        }
        Map<SearchField, String> wantedValues = wanted.queryValues();
        Map<SearchField, String> sourceValues = source.queryValues();
        for (Map.Entry<SearchField, String> filter : wantedValues.entrySet()) {
            if (!filter.getValue().equals(sourceValues.get(filter.getKey()))) {
                return Optional.empty();
            }
        }
        Set<SearchField> asked = wantedValues.keySet();
        List<SearchHit> kept = new ArrayList<>(cached.hits().size());
        for (SearchHit hit : cached.hits()) {
            Map<SearchField, Verdict> verdicts = verdicts(source, hit.report());
            boolean someAskedMatches = false;
            boolean noAskedMatches = true;
            boolean noOtherMatches = true;
            for (Map.Entry<SearchField, Verdict> v : verdicts.entrySet()) {
                boolean isAsked = asked.contains(v.getKey());
                if (isAsked) {
                    someAskedMatches |= v.getValue() == Verdict.MATCHES;
                    noAskedMatches &= v.getValue() == Verdict.DOES_NOT_MATCH;
                } else {
                    noOtherMatches &= v.getValue() == Verdict.DOES_NOT_MATCH;
                }
            }
            if (noAskedMatches && noOtherMatches) {
                return Optional.empty(); // the service found it by no filter at all: our rules are wrong here
            }
            if (someAskedMatches || noOtherMatches) {
                // Re-attributed against the new search, exactly as a fresh answer is.
                kept.add(SearchHit.of(wanted, hit.report()));
            } else if (!noAskedMatches) {
                return Optional.empty();
            }
        }
        return Optional.of(new SearchResult(kept, kept.size(), 1, cached.pageSize()));
    }

    /** Whether {@code criteria} may be answered from a superset: page 1, and one-of or one filter. */
    static boolean canBeAnswered(SearchCriteria criteria) {
        return criteria.page() == 1 && (criteria.mode() == SearchMode.ONE_OF || criteria.fields().size() == 1);
    }

    /** Whether a cached search and its answer may answer subsets: one-of (or one filter) and complete. */
    static boolean isSource(SearchCriteria criteria, SearchResult answer) {
        return canBeAnswered(criteria) && isProvablyComplete(criteria, answer);
    }

    /**
     * Whether {@code answer} is provably the whole answer: page 1, its total known and equal to its hits, and
     * fewer hits than a page holds (a full page may be followed by more whatever the count says).
     */
    static boolean isProvablyComplete(SearchCriteria criteria, SearchResult answer) {
        return criteria.page() == 1 && answer.page() == 1 && answer.totalCount().equals(OptionalLong.of(answer.hits().size()))
                && answer.hits().size() < answer.pageSize();
    }

    /** The verdict of each of {@code source}'s filters on {@code report}. */
    static Map<SearchField, Verdict> verdicts(SearchCriteria source, Report report) {
        Map<SearchField, Verdict> verdicts = new EnumMap<>(SearchField.class);
        source.phone().ifPresent(p -> verdicts.put(SearchField.PHONE, phone(p, report)));
        source.email().ifPresent(e -> verdicts.put(SearchField.EMAIL, email(e, report)));
        source.name().ifPresent(n -> verdicts.put(SearchField.NAME,
                present(report.firstName()) || present(report.lastName()) ? Verdict.UNKNOWN : Verdict.DOES_NOT_MATCH));
        source.site().ifPresent(s -> verdicts.put(SearchField.SITE,
                present(report.siteUrl()) || present(report.facebookUrl()) ? Verdict.UNKNOWN : Verdict.DOES_NOT_MATCH));
        return verdicts;
    }

    private static Verdict phone(Phone filter, Report report) {
        if (report.phone().isPresent()) {
            return report.phone().get().equals(filter) ? Verdict.MATCHES : Verdict.DOES_NOT_MATCH;
        }
        // A phone that does not parse may still be the one the service matched.
        return present(report.phoneAsReported()) ? Verdict.UNKNOWN : Verdict.DOES_NOT_MATCH;
    }

    private static Verdict email(Email filter, Report report) {
        Optional<String> reported = report.email().map(String::strip).filter(e -> !e.isEmpty());
        if (reported.isEmpty()) {
            return Verdict.DOES_NOT_MATCH;
        }
        String value = reported.get();
        if (Mask.isMasked(value)) {
            // Compatible with the mask is not a match: the service compared what the mask hides.
            return filter.fitsMask(value) ? Verdict.UNKNOWN : Verdict.DOES_NOT_MATCH;
        }
        return value.equalsIgnoreCase(filter.value()) ? Verdict.MATCHES : Verdict.DOES_NOT_MATCH;
    }

    private static boolean present(Optional<String> value) {
        return value.filter(v -> !v.isBlank()).isPresent();
    }
}
