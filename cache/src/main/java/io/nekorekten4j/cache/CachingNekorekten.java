package io.nekorekten4j.cache;

import io.nekorekten4j.domain.Attachment;
import io.nekorekten4j.domain.City;
import io.nekorekten4j.domain.FileId;
import io.nekorekten4j.domain.ReportDraft;
import io.nekorekten4j.domain.ReportId;
import io.nekorekten4j.domain.ReportPatch;
import io.nekorekten4j.domain.ReportReceipt;
import io.nekorekten4j.domain.SearchCriteria;
import io.nekorekten4j.domain.SearchResult;
import io.nekorekten4j.ports.CallOptions;
import io.nekorekten4j.ports.Nekorekten;
import io.nekorekten4j.ports.RateLimitWaitExceededException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Any {@link Nekorekten} behind a {@link ResultCache}: searches and cities answered from the cache,
 * shared between concurrent identical calls, derived from cached {@code ONE_OF} searches, and
 * dropped when a write through this decorator can affect them — exactly as {@link CacheOptions}
 * specifies. Uploads pass straight through.
 *
 * <pre>{@code
 * Nekorekten api = CachingNekorekten.wrap(NekorektenFake.create());
 * Nekorekten tuned = CachingNekorekten.builder(other).options(CacheOptions.builder()
 *         .searchTtl(Duration.ofMinutes(2)).build()).clock(clock).build();
 * }</pre>
 *
 * <p>{@code NekorektenHttp} runs the same cache inside its pipeline by default (so its listeners
 * see hits); wrap an HTTP client only when it was built with {@code CacheOptions.disabled()}.
 * Thread safe if the delegate is. {@link #close()} closes the delegate.
 *
 * <p>{@link #withOptions(CallOptions)} gives a view over the same cache in front of the delegate's
 * view with those options; a view's searches wait for an identical one in flight at most its own
 * call timeout, and one that only waited for another view's call that found no permit in time
 * ({@link RateLimitWaitExceededException}) tries once more on its own limits.
 */
public final class CachingNekorekten implements Nekorekten {

    private final Nekorekten delegate;
    private final ResultCache cache;
    private final Clock clock;
    private final Duration maxWait;
    private final CallOptions options;
    private final boolean ownsDelegate;

    private CachingNekorekten(Nekorekten delegate, ResultCache cache, Clock clock, Duration maxWait,
                              CallOptions options, boolean ownsDelegate) {
        this.delegate = delegate;
        this.cache = cache;
        this.clock = clock;
        this.maxWait = maxWait;
        this.options = options;
        this.ownsDelegate = ownsDelegate;
    }

    /** {@code delegate} behind a cache with {@link CacheOptions#defaults()} on the system clock. */
    public static CachingNekorekten wrap(Nekorekten delegate) {
        return builder(delegate).build();
    }

    /** A builder of a cache in front of {@code delegate}. */
    public static Builder builder(Nekorekten delegate) {
        return new Builder(delegate);
    }

    /** {@inheritDoc} May be answered from the cache, as {@link CacheOptions} states. */
    @Override
    public SearchResult search(SearchCriteria criteria) {
        Objects.requireNonNull(criteria, "criteria");
        return onOwnLimits((wait, led) -> cache.search(criteria, () -> {
            led.set(true);
            return delegate.search(criteria);
        }, result -> { }, wait));
    }

    /** {@inheritDoc} Then drops the cached searches the new report could match. */
    @Override
    public ReportReceipt create(ReportDraft draft) {
        Objects.requireNonNull(draft, "draft");
        return cache.write(CacheInvalidation.created(draft.fields()), () -> delegate.create(draft));
    }

    /** {@inheritDoc} Then drops the cached searches the change can affect. */
    @Override
    public ReportReceipt update(ReportId id, ReportPatch patch) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(patch, "patch");
        return cache.write(CacheInvalidation.updated(id, patch.fields()), () -> delegate.update(id, patch));
    }

    /** {@inheritDoc} Then drops the cached searches that show the report or may hide it. */
    @Override
    public void delete(ReportId id) {
        Objects.requireNonNull(id, "id");
        cache.write(CacheInvalidation.deleted(id), () -> {
            delegate.delete(id);
            return null;
        });
    }

    /** {@inheritDoc} Never cached and never shared. */
    @Override
    public List<FileId> upload(List<Attachment> attachments) {
        return delegate.upload(attachments);
    }

    /** {@inheritDoc} Cached for {@link CacheOptions#citiesTtl()}; the list is unmodifiable. */
    @Override
    public List<City> cities() {
        return onOwnLimits((wait, led) -> cache.cities(() -> {
            led.set(true);
            return delegate.cities();
        }, result -> { }, wait));
    }

    /**
     * Runs a call that may only wait for an identical call in flight, so that the other call's
     * limits never decide it. Views with different options share flights: a batch search may join
     * a checkout's identical search, whose zero permit wait ends it at once with
     * {@link RateLimitWaitExceededException} — a failure that says nothing about the batch view,
     * which may wait minutes for a permit. A call that did not send itself runs once more then, for
     * what is left of its wait, leading a flight of its own or joining another (as
     * {@code NekorektenHttp} does inside its pipeline). Every other outcome is shared as before.
     */
    private <T> T onOwnLimits(SharedCall<T> call) {
        Instant start = clock.instant();
        AtomicBoolean led = new AtomicBoolean();
        try {
            return call.run(maxWait, led);
        } catch (RateLimitWaitExceededException othersLimit) {
            Duration left = maxWait.minus(Duration.between(start, clock.instant()));
            if (led.get() || left.isNegative() || left.isZero()) {
                throw othersLimit;
            }
            return call.run(left, new AtomicBoolean());
        }
    }

    /** A cached call that waits for an identical one in flight at most {@code wait}; the code that sends sets {@code led}. */
    @FunctionalInterface
    private interface SharedCall<T> {
        T run(Duration wait, AtomicBoolean led);
    }

    /**
     * {@inheritDoc}
     *
     * <p>The view shares this decorator's cache and its identical calls in flight, and calls the
     * delegate's own view ({@code delegate.withOptions(...)} with the same options). Its searches
     * and cities calls wait for an identical call in flight at most the view's call timeout, when
     * set (else this decorator's wait).
     */
    @Override
    public CachingNekorekten withOptions(CallOptions options) {
        Objects.requireNonNull(options, "options");
        CallOptions effective = options.over(this.options);
        Nekorekten view = delegate.withOptions(options);
        // Closing the view closes the delegate's view only when that is an object of its own: an
        // adapter without views hands back itself, which belongs to this decorator's owner.
        return new CachingNekorekten(view, cache, clock, effective.callTimeout().orElse(maxWait), effective,
                view != delegate);
    }

    /** Closes the delegate — for a view, the delegate's view only, never what it shares. */
    @Override
    public void close() {
        if (ownsDelegate) {
            delegate.close();
        }
    }

    /** The cache, for this module's tests. */
    ResultCache cache() {
        return cache;
    }

    /** The delegate and the options; never what is cached. */
    @Override
    public String toString() {
        return "CachingNekorekten[" + delegate + ", " + cache.options()
                + (options.equals(CallOptions.fromClient()) ? "" : ", " + options) + "]";
    }

    /** Builds a {@link CachingNekorekten}; starts from {@link CacheOptions#defaults()} on the system clock. */
    public static final class Builder {
        private final Nekorekten delegate;
        private CacheOptions options = CacheOptions.defaults();
        private Clock clock = Clock.systemUTC();
        private Duration maxWait = Duration.ofSeconds(60);
        private ResultStore<SearchKey, SearchResult> searchStore;

        private Builder(Nekorekten delegate) {
            this.delegate = Objects.requireNonNull(delegate, "delegate");
        }

        /** What to cache, share and derive (default {@link CacheOptions#defaults()}). */
        public Builder options(CacheOptions options) {
            this.options = Objects.requireNonNull(options, "options");
            return this;
        }

        /** The time source of the TTLs (default {@link Clock#systemUTC()}). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** How long a call waits for an identical call in flight (default 60 s); see {@link ResultCache.Builder#maxWait}. */
        public Builder maxWait(Duration maxWait) {
            this.maxWait = Objects.requireNonNull(maxWait, "maxWait");
            return this;
        }

        /** Where search answers are kept (default in memory); see {@link ResultStore}. */
        public Builder searchStore(ResultStore<SearchKey, SearchResult> searchStore) {
            this.searchStore = Objects.requireNonNull(searchStore, "searchStore");
            return this;
        }

        /**
         * The decorator.
         *
         * @throws IllegalArgumentException when {@code maxWait} is not positive
         */
        public CachingNekorekten build() {
            ResultCache.Builder cache = ResultCache.builder(options).clock(clock).maxWait(maxWait);
            if (searchStore != null) {
                cache.searchStore(searchStore);
            }
            ResultCache built = cache.build();
            return new CachingNekorekten(delegate, built, clock, built.maxWait(), CallOptions.fromClient(), true);
        }
    }
}
