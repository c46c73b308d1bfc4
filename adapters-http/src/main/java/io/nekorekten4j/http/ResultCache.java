package io.nekorekten4j.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.Ticker;
import io.nekorekten4j.domain.City;
import io.nekorekten4j.domain.SearchResult;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The client's answers: searches and cities in Caffeine caches that read the client's clock, the
 * subset answers of {@link SubsetAnswers}, and the invalidation of {@link CacheInvalidation}.
 * What it does is specified in {@link CacheOptions}. Thread safe.
 *
 * <p>A write can race a search that is in flight: the search may have read the service before
 * the write and store its answer after the write's invalidation. So every write bumps a
 * generation, and a search's answer stays cached only if no write ended while it was in flight
 * (checked after the put, so a write that ends in between either sees the entry or is seen).
 */
final class ResultCache {

    private static final String CITIES = "cities";

    private final CacheOptions options;
    private final Cache<CacheKey, Entry> searches;
    private final Cache<String, List<City>> cities;
    private final SubsetIndex index = new SubsetIndex();
    private final AtomicLong generation = new AtomicLong();

    /**
     * @param options what to cache and how long
     * @param clock   the time source of the TTLs
     */
    ResultCache(CacheOptions options, Clock clock) {
        this.options = Objects.requireNonNull(options, "options");
        Ticker ticker = ticker(Objects.requireNonNull(clock, "clock"));
        this.searches = options.cachesSearches()
                ? Caffeine.newBuilder()
                        .ticker(ticker)
                        // Maintenance (eviction, listeners) on the calling thread: no pool, deterministic tests.
                        .executor(Runnable::run)
                        .expireAfterWrite(options.searchTtl())
                        .maximumSize(options.maximumSize())
                        .<CacheKey, Entry>removalListener((key, entry, cause) -> {
                            if (key != null && cause != RemovalCause.REPLACED) {
                                index.remove(key);
                            }
                        })
                        .build()
                : null;
        this.cities = options.cachesCities()
                ? Caffeine.newBuilder().ticker(ticker).executor(Runnable::run)
                        .expireAfterWrite(options.citiesTtl()).maximumSize(1).<String, List<City>>build()
                : null;
    }

    /** The number of writes that have ended: read it before a search is sent. */
    long generation() {
        return generation.get();
    }

    /** The answer to {@code key} from the cache: its own entry, or a subset answer; empty on a miss. */
    Optional<SearchResult> search(CacheKey key) {
        if (searches == null) {
            return Optional.empty();
        }
        Entry own = searches.getIfPresent(key);
        if (own != null) {
            return Optional.of(own.answer);
        }
        if (!options.subsetAnswers() || !SubsetAnswers.canBeAnswered(key.criteria())) {
            return Optional.empty();
        }
        for (CacheKey candidate : index.candidates(key)) {
            Entry source = searches.getIfPresent(candidate);
            if (source == null) {
                index.remove(candidate); // expired or removed: its listener may not have run yet
                continue;
            }
            Optional<SearchResult> answer = SubsetAnswers.answer(key.criteria(), candidate.criteria(), source.answer);
            if (answer.isPresent()) {
                return answer;
            }
        }
        return Optional.empty();
    }

    /**
     * Caches {@code answer} to {@code key}, unless a write ended since {@code generationAtStart}
     * (the answer may predate it).
     */
    void storeSearch(CacheKey key, SearchResult answer, long generationAtStart) {
        if (searches == null) {
            return;
        }
        Entry entry = new Entry(answer);
        searches.put(key, entry);
        if (options.subsetAnswers() && SubsetAnswers.isSource(key.criteria(), answer)) {
            index.add(key);
        }
        if (generation.get() != generationAtStart) {
            searches.asMap().remove(key, entry);
        }
    }

    /** The cities, when cached. */
    Optional<List<City>> cities() {
        return cities == null ? Optional.empty() : Optional.ofNullable(cities.getIfPresent(CITIES));
    }

    /** Caches the cities. */
    void storeCities(List<City> list) {
        if (cities != null) {
            cities.put(CITIES, List.copyOf(list));
        }
    }

    /** Removes every cached search {@code write} can affect. Call it when the write has ended, however. */
    void invalidate(CacheInvalidation write) {
        Objects.requireNonNull(write, "write");
        generation.incrementAndGet();
        if (searches != null) {
            searches.asMap().entrySet().removeIf(e -> write.affects(e.getKey().criteria(), e.getValue().answer));
        }
    }

    /** How many search answers are cached (for tests; may count expired ones not yet cleaned up). */
    long searchCount() {
        if (searches == null) {
            return 0;
        }
        searches.cleanUp();
        return searches.estimatedSize();
    }

    private static Ticker ticker(Clock clock) {
        return () -> {
            Instant now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        };
    }

    /** A cached answer, compared by identity, so that a put can be undone without removing a newer one. */
    private static final class Entry {
        private final SearchResult answer;

        Entry(SearchResult answer) {
            this.answer = answer;
        }
    }
}
