package io.nekorekten4j.http;

import io.nekorekten4j.domain.SearchCriteria;
import io.nekorekten4j.domain.WebAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * A search as the wire sees it: the criteria, plus the site filter exactly as sent. Two site
 * filters compare equal when their normalised forms do ({@code https://shop.bg} and
 * {@code shop.bg}), but the query carries the text as typed and the service's site rule is not
 * known, so they are different requests and never share an answer. Every other filter is sent in
 * the form its equality compares (phone digits, normalised e-mail and name).
 *
 * @param criteria   the search
 * @param siteAsSent the site filter's text as sent, if any
 */
record CacheKey(SearchCriteria criteria, Optional<String> siteAsSent) {

    CacheKey {
        Objects.requireNonNull(criteria, "criteria");
        Objects.requireNonNull(siteAsSent, "siteAsSent");
    }

    /** The key of {@code criteria}. */
    static CacheKey of(SearchCriteria criteria) {
        return new CacheKey(criteria, criteria.site().map(WebAddress::value));
    }

    /** Masked, like the criteria: a key holds personal data. */
    @Override
    public String toString() {
        return "CacheKey[" + criteria + "]";
    }
}
