package io.nekorekten4j.cache;

import java.util.Locale;

/** How the result cache and single-flight took part in a call (see {@link CacheOptions}). */
public enum CacheResult {
    /** Answered from the cache: the search's own entry, a subset answer, or the cached cities. */
    HIT,
    /** Not in the cache: this call sent the request (or tried to). */
    MISS,
    /** Shared the outcome of an identical call in flight, without a request of its own. */
    COALESCED,
    /** Not a cacheable call (writes and uploads), or the cache is off for it. */
    BYPASSED;

    private final String tagValue = name().toLowerCase(Locale.ROOT);

    /** The lowercase name, e.g. {@code coalesced}. */
    public String tagValue() {
        return tagValue;
    }
}
