package io.nekorekten4j.http;

import io.nekorekten4j.cache.CacheInvalidation;
import io.nekorekten4j.cache.ResultCache;
import io.nekorekten4j.domain.City;
import io.nekorekten4j.domain.SearchCriteria;
import io.nekorekten4j.domain.SearchResult;
import io.nekorekten4j.ports.ApiPaths;
import io.nekorekten4j.ports.ErrorContext;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The cache step, cache and single-flight in one: searches and cities are answered from the
 * {@link ResultCache}, or shared with an identical call in progress, or sent and then cached;
 * writes drop what they may have changed when they end, also when they failed (a failed write may
 * have reached the service); uploads pass. It sits before the quota, so shared calls spend one
 * permit; a call that joins one in flight waits at most its own call timeout. Each call says what
 * it does here through its {@link Use}.
 */
final class CachePolicy implements Pipeline.Step {

    private final ResultCache cache;
    private final Clock clock;

    /** The result cache of {@code settings}: searches and cities, shared calls bounded by the call timeout. */
    CachePolicy(Pipeline.Settings settings) {
        ResultCache.Builder builder = ResultCache.builder(settings.cache()).clock(settings.clock())
                .maxWait(settings.callTimeout())
                .waiterContexts(ErrorContext.of("GET", ApiPaths.REPORTS),
                        ErrorContext.of("GET", ApiPaths.CITIES));
        settings.cacheStore().ifPresent(builder::searchStore);
        this.cache = builder.build();
        this.clock = settings.clock();
    }

    @Override
    public <T> T handle(Pipeline.Link<T> link) {
        CallRun<T> run = link.run();
        // A call that only waited for an identical call in flight is never failed by that call's shorter
        // permit wait: it tries once more on its own limits (OwnLimits); a call that sent is never re-run.
        return OwnLimits.run(run.limits(), clock, (own, led) -> {
            run.limitedTo(own);
            return run.call().cacheUse().through(cache, () -> {
                led.set(true);
                return link.proceed();
            }, run.trace(), own.callTimeout());
        });
    }

    /** The cache, for tests. */
    ResultCache cache() {
        return cache;
    }

    /** A search: from the cache, shared, or sent and cached. */
    static Use<SearchResult> search(SearchCriteria criteria) {
        Objects.requireNonNull(criteria, "criteria");
        return (cache, load, trace, maxWait) -> cache.search(criteria, load, trace::cache, maxWait);
    }

    /** The cities: from the cache, shared, or sent and cached. */
    static Use<List<City>> cities() {
        return (cache, load, trace, maxWait) -> cache.cities(load, trace::cache, maxWait);
    }

    /** A create, update or delete: sent, then what it may have changed is dropped. */
    static <T> Use<T> write(CacheInvalidation invalidation) {
        Objects.requireNonNull(invalidation, "invalidation");
        return (cache, load, trace, maxWait) -> cache.write(invalidation, load);
    }

    /** A call the cache has nothing to do with (uploads). */
    static <T> Use<T> bypass() {
        return (cache, load, trace, maxWait) -> load.get();
    }

    /**
     * What the cache step does with one call.
     *
     * @param <T> what the call yields
     */
    @FunctionalInterface
    interface Use<T> {
        /**
         * Answers through {@code cache}, calling {@code load} for the rest of the pipeline when needed;
         * a wait for an identical call in flight lasts at most {@code maxWait} (the call's timeout).
         */
        T through(ResultCache cache, Supplier<T> load, CallTrace trace, Duration maxWait);
    }
}
