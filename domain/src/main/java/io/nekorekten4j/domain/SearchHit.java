package io.nekorekten4j.domain;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * One report of a search result, with which of the caller's filters it matched.
 *
 * <p>{@link #matchedBy()} may be empty in {@link SearchMode#ONE_OF} or even {@link SearchMode#ALL}
 * answers of the live service, when it matched on a rule we cannot confirm locally (for example a
 * name the service matches by prefix). Such a report is still in the answer: the service found it.
 *
 * @param report    the report
 * @param matchedBy each filter it matched, and how surely
 */
public record SearchHit(Report report, Map<SearchField, MatchCertainty> matchedBy) {

    /** Copies the map. */
    public SearchHit {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(matchedBy, "matchedBy");
        matchedBy = matchedBy.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(matchedBy));
    }

    /** The hit for {@code report}, attributed against {@code criteria} by {@link MatchRules}. */
    public static SearchHit of(SearchCriteria criteria, Report report) {
        return new SearchHit(report, criteria.attribute(report));
    }

    /** Whether the report matched {@code field}, surely or compatibly with a mask. */
    public boolean matched(SearchField field) {
        return matchedBy.containsKey(field);
    }

    /** Whether some filter matched for certain. */
    public boolean hasCertainMatch() {
        return matchedBy.containsValue(MatchCertainty.CERTAIN);
    }
}
