package io.nekorekten4j.domain;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rules that decide which of a caller's filters a report matches. Every adapter attributes
 * matches with these rules, and the in-memory fake searches with them, so the two cannot disagree.
 *
 * <ul>
 *   <li><b>Phone</b>: the report's phone, parsed, has the same {@link Phone#digits()} —
 *       {@link MatchCertainty#CERTAIN} (phones come back unmasked).</li>
 *   <li><b>E-mail</b>: equal to the report's e-mail ignoring case — certain; fits the report's
 *       masked e-mail ({@link Mask#compatible}) — compatible with the mask.</li>
 *   <li><b>Name</b>: every word of the filter equals a word of the report's first and last name,
 *       ignoring case — certain when those names are unmasked; fits a masked word — compatible
 *       with the mask. The live service's name rule (exact, prefix, contains) is not known; this
 *       whole-word rule is the one the fake applies.</li>
 *   <li><b>Site</b>: the filter {@linkplain WebAddress#covers covers} the report's site or
 *       Facebook address — certain. The live service's rule is not known.</li>
 * </ul>
 */
public final class MatchRules {

    private MatchRules() {
    }

    /** Which of {@code criteria}'s filters {@code report} matches, and how surely. */
    public static Map<SearchField, MatchCertainty> attribute(SearchCriteria criteria, Report report) {
        Map<SearchField, MatchCertainty> matched = new EnumMap<>(SearchField.class);
        criteria.phone().filter(p -> report.phone().filter(p::equals).isPresent())
                .ifPresent(p -> matched.put(SearchField.PHONE, MatchCertainty.CERTAIN));
        criteria.email().flatMap(e -> emailMatch(e, report)).ifPresent(c -> matched.put(SearchField.EMAIL, c));
        criteria.name().flatMap(n -> nameMatch(n, report)).ifPresent(c -> matched.put(SearchField.NAME, c));
        criteria.site().filter(s -> siteMatches(s, report))
                .ifPresent(s -> matched.put(SearchField.SITE, MatchCertainty.CERTAIN));
        return matched;
    }

    static Optional<MatchCertainty> emailMatch(Email filter, Report report) {
        return report.email().flatMap(reported -> {
            if (!Mask.isMasked(reported)) {
                return reported.strip().equalsIgnoreCase(filter.value())
                        ? Optional.of(MatchCertainty.CERTAIN) : Optional.empty();
            }
            return filter.fitsMask(reported) ? Optional.of(MatchCertainty.COMPATIBLE_WITH_MASK) : Optional.empty();
        });
    }

    static Optional<MatchCertainty> nameMatch(PersonName filter, Report report) {
        List<String> reportedWords = new ArrayList<>();
        report.firstName().ifPresent(f -> reportedWords.addAll(PersonName.tokens(f)));
        report.lastName().ifPresent(l -> reportedWords.addAll(PersonName.tokens(l)));
        MatchCertainty weakest = MatchCertainty.CERTAIN;
        for (String word : filter.tokens()) {
            if (reportedWords.contains(word)) {
                continue;
            }
            boolean fitsMask = reportedWords.stream().anyMatch(r -> Mask.isMasked(r) && Mask.compatible(r, word));
            if (!fitsMask) {
                return Optional.empty();
            }
            weakest = MatchCertainty.COMPATIBLE_WITH_MASK;
        }
        return Optional.of(weakest);
    }

    static boolean siteMatches(WebAddress filter, Report report) {
        return coversReported(filter, report.siteUrl()) || coversReported(filter, report.facebookUrl());
    }

    private static boolean coversReported(WebAddress filter, Optional<String> reported) {
        return reported.filter(WebAddress::isValid).map(WebAddress::parse).filter(filter::covers).isPresent();
    }
}
