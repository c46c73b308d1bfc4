package io.nekorekten4j.cache;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How a {@link ResultCache} saves requests: a result cache, single-flight and subset answers.
 * With 5 to 60 requests a minute and 30 to 1000 a day, an answer already known is worth keeping.
 * {@code NekorektenHttp} (nekorekten4j-adapters-http) runs one by default; {@link CachingNekorekten}
 * puts one in front of any other {@code Nekorekten}.
 *
 * <pre>{@code
 * NekorektenHttp.builder().apiKey(key).cache(CacheOptions.builder().searchTtl(Duration.ofMinutes(5)).build());
 * NekorektenHttp.builder().apiKey(key).cache(CacheOptions.disabled());   // every call is a request
 * CachingNekorekten.builder(fake).options(CacheOptions.defaults()).build(); // any Nekorekten
 * }</pre>
 *
 * <h2>What is cached</h2>
 * <ul>
 *   <li><b>Searches</b>, for {@code searchTtl} after the answer arrived, at most {@code maximumSize}
 *       of them (the least useful are evicted first). The key is the {@code SearchCriteria} together
 *       with the site filter exactly as it is sent (two site filters that compare equal but are
 *       typed differently are different requests to the service).</li>
 *   <li><b>Cities</b>, for {@code citiesTtl}.</li>
 *   <li>Only answers. A failure is never cached: the next call asks again. Uploads and writes are
 *       never cached.</li>
 * </ul>
 * Answers are kept in a {@link ResultStore}: in this JVM's memory unless one of your own is given.
 * Time is read from the client's {@link java.time.Clock}. A zero TTL or a zero size turns that
 * part off. The cache belongs to one client: writes made through another client, another process
 * or the web site are seen once the entry expires.
 *
 * <h2>Writes through this client</h2>
 * A create, update or delete — whether it succeeded, failed or its answer was lost, since it may
 * have reached the service — removes every cached search it can affect, before it returns; a search
 * that was in flight while the write ran is not cached, and a search started after a write never
 * joins one started before it. So a write, then a search, sees the write. Exactly:
 * <ul>
 *   <li><b>create</b> removes each cached search (any page, any mode) with a filter the new
 *       report could match: its phone filter equals the draft's phone, its e-mail filter equals the
 *       draft's e-mail, it has a name filter and the draft has a first or last name, it has a site
 *       filter and the draft has a site or Facebook address (the service's name and site rules are
 *       not known, so any name or site may match);</li>
 *   <li><b>update</b> removes each cached search whose answer holds the report (as a hit or as a
 *       reply of one), each cached search whose answer is not provably complete (a page after the
 *       first, or a first page that may have more pages — the report may be on a page not seen), and
 *       each cached search the patched fields could match, by the create rule;</li>
 *   <li><b>delete</b> removes each cached search whose answer holds the report or is not provably
 *       complete.</li>
 * </ul>
 * Cities are not affected by writes.
 *
 * <h2>Single-flight</h2>
 * Concurrent identical searches (same key as the cache's), and concurrent cities calls, share one
 * request: the first caller's. The others wait for its outcome, at most the call timeout, and get
 * the same answer — or the same exception, which is not cached, so the next call sends a new
 * request. Shared calls spend one quota permit, because single-flight sits in front of the quota
 * gate (in {@code NekorektenHttp}'s pipeline: <em>validation → observation → cache → single-flight →
 * circuit breaker → retry → quota gate → transport</em>).
 *
 * <h2>Subset answers</h2>
 * A search that is a subset of a cached {@code ONE_OF} search is answered from that entry, without
 * a request, when every one of these holds (otherwise the request is sent):
 * <ol>
 *   <li>the new search asks for page 1 and is {@code ONE_OF}, or has a single filter (then
 *       {@code ALL} and {@code ONE_OF} mean the same);</li>
 *   <li>the cached search was for page 1, is {@code ONE_OF} or has a single filter, and each of the
 *       new search's filters is one of its filters with the same value as sent;</li>
 *   <li>the cached answer is provably complete: page 1, {@code totalCount} known and equal to the number of
 *       hits, and fewer hits than a page holds (a full page might be followed by more);</li>
 *   <li>every cached hit is decidable for the new filter set S (the cached search's set being F).
 *       Each hit's report gets a verdict per filter of F: <i>matches</i>, <i>does not match</i> or
 *       <i>unknown</i>:
 *       <ul>
 *         <li>phone: matches when the report's phone parses to the filter's digits; does not match
 *             when it parses to other digits or the report has no phone; unknown when the report's
 *             phone does not parse;</li>
 *         <li>e-mail: matches when the report's e-mail is unmasked and equal ignoring case; does
 *             not match when it is unmasked and different, masked and incompatible with the
 *             filter, or absent; <b>unknown when it is masked and compatible</b> — the mask hides
 *             what the service compared;</li>
 *         <li>name and site: does not match when the report has no name (resp. neither site nor
 *             Facebook address); otherwise unknown, <b>even when the local rule matched it
 *             certainly</b>: the service's name and site rules (exact, prefix, contains) are not
 *             known.</li>
 *       </ul>
 *       A hit is <i>kept</i> when some filter in S matches, or when every filter of F outside S
 *       does not match (the service found it, so it found it by a filter in S — this is how a
 *       masked e-mail or a name gets decided); it is <i>dropped</i> when every filter in S does not
 *       match; anything else — e.g. a report that matched the phone for certain and is only
 *       compatible with the mask of the e-mail, asked for {@code ONE_OF(email)}; or a hit with an
 *       empty {@code matchedBy} whose S-filters are unknown — makes the whole subset undecidable.
 *       A hit that by these verdicts matches no filter of F at all contradicts the service and
 *       makes it undecidable too.</li>
 * </ol>
 * The answer is then the kept hits in the cached order, attributed to the new search exactly as a
 * fresh answer would be, with {@code totalCount} the number of kept hits, page 1 and the cached page
 * size. It is never cached itself, so it never outlives the entry it came from. This rests on two
 * assumptions the whole library makes: the service's {@code one-of} answer is the union of the
 * single-filter answers, and it matches phones and e-mails by equality (phones by their digits).
 * Turn it off with {@link Builder#subsetAnswers(boolean)} if you doubt them.
 *
 * @param searchTtl     how long a search's answer is reused; zero: searches are not cached
 * @param citiesTtl     how long the cities are reused; zero: they are not cached
 * @param maximumSize   the most search answers kept; zero: searches are not cached
 * @param singleFlight  whether concurrent identical calls share one request
 * @param subsetAnswers whether a search may be answered from a cached {@code ONE_OF} superset
 */
public record CacheOptions(Duration searchTtl, Duration citiesTtl, long maximumSize, boolean singleFlight,
                           boolean subsetAnswers) {

    /** The longest TTL accepted: a day-old screening answer is already old; a year is a mistake. */
    public static final Duration MAX_TTL = Duration.ofDays(365);

    private static final CacheOptions DEFAULTS = builder().build();
    private static final CacheOptions DISABLED =
            new CacheOptions(Duration.ZERO, Duration.ZERO, 0, false, false);

    /** Checks every figure and reports each bad one at once. */
    public CacheOptions {
        Objects.requireNonNull(searchTtl, "searchTtl");
        Objects.requireNonNull(citiesTtl, "citiesTtl");
        List<String> problems = new ArrayList<>();
        checkTtl("searchTtl", searchTtl, problems);
        checkTtl("citiesTtl", citiesTtl, problems);
        if (maximumSize < 0) {
            problems.add("maximumSize must not be negative, got " + maximumSize);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Invalid cache options: " + String.join("; ", problems));
        }
    }

    /**
     * Searches cached 10 minutes, cities 24 hours, at most 10,000 search answers; single-flight and
     * subset answers on.
     */
    public static CacheOptions defaults() {
        return DEFAULTS;
    }

    /** Nothing cached, nothing shared: every call is its own request. */
    public static CacheOptions disabled() {
        return DISABLED;
    }

    /** A builder starting from {@link #defaults()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** Whether search answers are cached (a positive TTL and size). */
    public boolean cachesSearches() {
        return !searchTtl.isZero() && maximumSize > 0;
    }

    /** Whether the cities are cached (a positive TTL). */
    public boolean cachesCities() {
        return !citiesTtl.isZero();
    }

    private static void checkTtl(String name, Duration ttl, List<String> problems) {
        if (ttl.isNegative()) {
            problems.add(name + " must not be negative, got " + ttl);
        } else if (ttl.compareTo(MAX_TTL) > 0) {
            problems.add(name + " must be at most " + MAX_TTL.toDays() + " days, got " + ttl);
        }
    }

    /** Builds {@link CacheOptions}; starts from the defaults. */
    public static final class Builder {
        private Duration searchTtl = Duration.ofMinutes(10);
        private Duration citiesTtl = Duration.ofHours(24);
        private long maximumSize = 10_000;
        private boolean singleFlight = true;
        private boolean subsetAnswers = true;

        private Builder() {
        }

        /** How long a search's answer is reused (default 10 minutes; zero: not cached). */
        public Builder searchTtl(Duration searchTtl) {
            this.searchTtl = Objects.requireNonNull(searchTtl, "searchTtl");
            return this;
        }

        /** How long the cities are reused (default 24 hours; zero: not cached). */
        public Builder citiesTtl(Duration citiesTtl) {
            this.citiesTtl = Objects.requireNonNull(citiesTtl, "citiesTtl");
            return this;
        }

        /** The most search answers kept (default 10,000; zero: searches are not cached). */
        public Builder maximumSize(long maximumSize) {
            this.maximumSize = maximumSize;
            return this;
        }

        /** Whether concurrent identical calls share one request (default {@code true}). */
        public Builder singleFlight(boolean singleFlight) {
            this.singleFlight = singleFlight;
            return this;
        }

        /**
         * Whether a search may be answered from a cached {@code ONE_OF} search of which it is a
         * subset, by the rule in {@link CacheOptions} (default {@code true}).
         */
        public Builder subsetAnswers(boolean subsetAnswers) {
            this.subsetAnswers = subsetAnswers;
            return this;
        }

        /**
         * The options.
         *
         * @throws IllegalArgumentException listing every bad figure: a negative TTL or one longer than
         *                                  {@link #MAX_TTL}, a negative size
         */
        public CacheOptions build() {
            return new CacheOptions(searchTtl, citiesTtl, maximumSize, singleFlight, subsetAnswers);
        }
    }
}
