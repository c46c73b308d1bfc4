package io.nekorekten4j.cache;

import io.nekorekten4j.domain.SearchCriteria;
import io.nekorekten4j.domain.WebAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * What identifies a cached search: the criteria, plus the site filter exactly as sent. Two site
 * filters compare equal when their normalised forms do ({@code https://shop.bg} and
 * {@code shop.bg}), but the query carries the text as typed and the service's site rule is not
 * known, so they are different requests and never share an answer. Every other filter is sent in
 * the form its equality compares (phone digits, normalised e-mail and name).
 *
 * <p>The key of a {@link ResultStore} of searches. It holds personal data (masked in
 * {@link #toString()}): a store that writes keys anywhere should hash them.
 *
 * @param criteria   the search
 * @param siteAsSent the site filter's text as sent, if any
 */
public record SearchKey(SearchCriteria criteria, Optional<String> siteAsSent) {

    /** Checks both parts for {@code null}. */
    public SearchKey {
        Objects.requireNonNull(criteria, "criteria");
        Objects.requireNonNull(siteAsSent, "siteAsSent");
    }

    /** The key of {@code criteria}. */
    public static SearchKey of(SearchCriteria criteria) {
        Objects.requireNonNull(criteria, "criteria");
        return new SearchKey(criteria, criteria.site().map(WebAddress::value));
    }

    /** Masked, like the criteria: a key holds personal data. */
    @Override
    public String toString() {
        return "SearchKey[" + criteria + "]";
    }
}
