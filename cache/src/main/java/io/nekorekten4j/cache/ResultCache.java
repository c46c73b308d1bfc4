package io.nekorekten4j.cache;

import io.nekorekten4j.domain.City;
import io.nekorekten4j.domain.SearchCriteria;
import io.nekorekten4j.domain.SearchResult;
import io.nekorekten4j.ports.CallTimeoutException;
import io.nekorekten4j.ports.ErrorContext;
import io.nekorekten4j.ports.NekorektenException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The result cache with single-flight: what {@link CachingNekorekten} puts in front of any
 * {@code Nekorekten}, and what {@code NekorektenHttp} runs as the cache step of its pipeline.
 * Exactly what it caches, shares, derives and invalidates is specified in {@link CacheOptions}.
 *
 * <p>Each method takes the call to make when the cache cannot answer ({@code send}) and a
 * {@code report} told how the cache took part ({@link CacheResult}); it may be told more than once
 * during a call, and the last report holds. A search or cities call looks into the cache; on a
 * miss it joins an identical call in flight, or leads one that sends. Failures are never cached:
 * the leader's exception reaches every waiter and the next call sends again. Thread safe.
 */
public final class ResultCache {

    private final CacheOptions options;
    private final StoredAnswers answers;
    private final SingleFlight<SearchKey, SearchResult> searches;
    private final SingleFlight<String, List<City>> cities;
    private final Duration maxWait;

    private ResultCache(Builder b) {
        this.options = b.options;
        this.maxWait = b.maxWait;
        this.answers = new StoredAnswers(b.options, b.clock, Optional.ofNullable(b.searchStore));
        this.searches = new SingleFlight<>(b.options.singleFlight(), b.maxWait, b.searchContext);
        this.cities = new SingleFlight<>(b.options.singleFlight(), b.maxWait, b.citiesContext);
    }

    /** A builder of a cache with {@code options}. */
    public static Builder builder(CacheOptions options) {
        return new Builder(options);
    }

    /** How long a call waits for an identical one in flight unless it says otherwise (the builder's {@code maxWait}). */
    public Duration maxWait() {
        return maxWait;
    }

    /** The options this cache follows. */
    public CacheOptions options() {
        return options;
    }

    /**
     * The answer to {@code criteria}: from the cache, shared with an identical search in progress,
     * or what {@code send} returns — which is then cached (unless a write ended meanwhile).
     *
     * @param send   sends the search (runs on the calling thread, at most once)
     * @param report told how the cache took part
     * @throws RuntimeException       what {@code send} threw, also in every caller that shared it
     * @throws CallTimeoutException   when this call waited for an identical one longer than the wait
     *                                the builder set, or was interrupted while waiting; it sent nothing
     */
    public SearchResult search(SearchCriteria criteria, Supplier<SearchResult> send, Consumer<CacheResult> report) {
        return search(criteria, send, report, maxWait);
    }

    /**
     * As {@link #search(SearchCriteria, Supplier, Consumer)}, but this call waits for an identical
     * one in flight at most {@code maxWait} — its own call timeout, when calls with different
     * timeouts share the cache — instead of the wait the builder set.
     *
     * @throws IllegalArgumentException when {@code maxWait} is not positive
     * @throws CallTimeoutException     when this call waited {@code maxWait} for an identical one,
     *                                  or was interrupted while waiting; it sent nothing
     */
    public SearchResult search(SearchCriteria criteria, Supplier<SearchResult> send, Consumer<CacheResult> report,
                               Duration maxWait) {
        SingleFlight.positiveNanos(maxWait);
        Objects.requireNonNull(criteria, "criteria");
        Objects.requireNonNull(send, "send");
        Objects.requireNonNull(report, "report");
        SearchKey key = SearchKey.of(criteria);
        Optional<SearchResult> cached = answers.search(key);
        if (cached.isPresent()) {
            report.accept(CacheResult.HIT);
            return cached.get();
        }
        long generation = answers.generation();
        report.accept(CacheResult.COALESCED); // until this call turns out to lead its flight
        return searches.run(key, generation, () -> {
            // Looked up again: a flight that ended between the first look and this one cached its answer.
            Optional<SearchResult> meanwhile = answers.search(key);
            if (meanwhile.isPresent()) {
                report.accept(CacheResult.HIT);
                return meanwhile.get();
            }
            report.accept(options.cachesSearches() || options.singleFlight() ? CacheResult.MISS : CacheResult.BYPASSED);
            SearchResult fresh = Objects.requireNonNull(send.get(), "the search sent returned null");
            answers.storeSearch(key, fresh, generation);
            return fresh;
        }, maxWait);
    }

    /**
     * The cities: from the cache, shared with a cities call in progress, or what {@code send}
     * returns (then cached, unmodifiable).
     *
     * @param send   sends the call (runs on the calling thread, at most once)
     * @param report told how the cache took part
     * @throws RuntimeException       what {@code send} threw, also in every caller that shared it
     * @throws CallTimeoutException   as for {@link #search}
     */
    public List<City> cities(Supplier<List<City>> send, Consumer<CacheResult> report) {
        return cities(send, report, maxWait);
    }

    /**
     * As {@link #cities(Supplier, Consumer)}, but this call waits for a cities call in flight at
     * most {@code maxWait} instead of the wait the builder set.
     *
     * @throws IllegalArgumentException when {@code maxWait} is not positive
     * @throws CallTimeoutException     as for {@link #search(SearchCriteria, Supplier, Consumer, Duration)}
     */
    public List<City> cities(Supplier<List<City>> send, Consumer<CacheResult> report, Duration maxWait) {
        SingleFlight.positiveNanos(maxWait);
        Objects.requireNonNull(send, "send");
        Objects.requireNonNull(report, "report");
        Optional<List<City>> cached = answers.cities();
        if (cached.isPresent()) {
            report.accept(CacheResult.HIT);
            return cached.get();
        }
        report.accept(CacheResult.COALESCED); // until this call turns out to lead its flight
        // Writes do not change the cities: every cities call is of one generation.
        return cities.run("cities", 0, () -> {
            Optional<List<City>> meanwhile = answers.cities();
            if (meanwhile.isPresent()) {
                report.accept(CacheResult.HIT);
                return meanwhile.get();
            }
            report.accept(options.cachesCities() || options.singleFlight() ? CacheResult.MISS : CacheResult.BYPASSED);
            List<City> fresh = List.copyOf(Objects.requireNonNull(send.get(), "the cities call sent returned null"));
            answers.storeCities(fresh);
            return fresh;
        }, maxWait);
    }

    /**
     * Runs a create, update or delete ({@code write}), then drops every cached search
     * {@code invalidation} says it can affect — also when it failed, since a failed write may
     * have reached the service.
     *
     * @throws RuntimeException what {@code write} threw, after the invalidation
     */
    public <T> T write(CacheInvalidation invalidation, Supplier<T> write) {
        Objects.requireNonNull(invalidation, "invalidation");
        Objects.requireNonNull(write, "write");
        try {
            return write.get();
        } finally {
            answers.invalidate(invalidation);
        }
    }

    /** How many callers wait for the identical search to {@code criteria} in flight (for tests and diagnostics). */
    public int waitingFor(SearchCriteria criteria) {
        return searches.waiting(SearchKey.of(Objects.requireNonNull(criteria, "criteria")));
    }

    /** The stored answers, for this module's tests. */
    StoredAnswers answers() {
        return answers;
    }

    /** The options and the store; never what is cached. */
    @Override
    public String toString() {
        return "ResultCache[" + options + "]";
    }

    /** Builds a {@link ResultCache}. */
    public static final class Builder {
        private final CacheOptions options;
        private Clock clock = Clock.systemUTC();
        private Duration maxWait = Duration.ofSeconds(60);
        private ResultStore<SearchKey, SearchResult> searchStore;
        private ErrorContext searchContext = ErrorContext.none();
        private ErrorContext citiesContext = ErrorContext.none();

        private Builder(CacheOptions options) {
            this.options = Objects.requireNonNull(options, "options");
        }

        /** The time source of the in-memory TTLs (default {@link Clock#systemUTC()}). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * How long a call waits for an identical call in flight before it fails with a
         * {@link CallTimeoutException} (default 60 s; a client passes its call timeout).
         *
         * @throws IllegalArgumentException when not positive
         */
        public Builder maxWait(Duration maxWait) {
            Objects.requireNonNull(maxWait, "maxWait");
            if (maxWait.isNegative() || maxWait.isZero()) {
                throw new IllegalArgumentException("maxWait must be positive, got " + maxWait);
            }
            this.maxWait = maxWait;
            return this;
        }

        /**
         * Where search answers are kept (default: in memory, at most
         * {@link CacheOptions#maximumSize()}), e.g. a store shared by the instances of an application.
         * Subset answers are drawn only from searches this cache stored itself.
         */
        public Builder searchStore(ResultStore<SearchKey, SearchResult> searchStore) {
            this.searchStore = Objects.requireNonNull(searchStore, "searchStore");
            return this;
        }

        /**
         * What a waiter's {@link CallTimeoutException} names, for searches and for cities (default
         * {@link ErrorContext#none()}: this layer sends nothing itself); a {@link NekorektenException}
         * of the call sent keeps its own.
         */
        public Builder waiterContexts(ErrorContext search, ErrorContext cities) {
            this.searchContext = Objects.requireNonNull(search, "search");
            this.citiesContext = Objects.requireNonNull(cities, "cities");
            return this;
        }

        /** The cache. */
        public ResultCache build() {
            return new ResultCache(this);
        }
    }
}
