package io.nekorekten4j.domain;

/** How sure we are that a returned report matched one of the caller's filters. */
public enum MatchCertainty {
    /**
     * Confirmed locally: the report carries the value unmasked and it equals the filter (phones come
     * back unmasked, so a phone match is always certain).
     */
    CERTAIN,
    /**
     * The report carries the value masked ({@code Не**}, {@code ivan****@gmail.com}) and the filter
     * fits the mask: likely, but it cannot be confirmed on our side.
     */
    COMPATIBLE_WITH_MASK
}
