package io.nekorekten4j.cache;

import io.nekorekten4j.domain.City;
import io.nekorekten4j.domain.SearchResult;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The answers a {@link ResultCache} keeps: searches and cities in {@link ResultStore}s, the subset
 * answers of {@link SubsetAnswers}, and the invalidation of {@link CacheInvalidation}. What it does
 * is specified in {@link CacheOptions}. Thread safe.
 *
 * <p>A write can race a search that is in flight: the search may have read the service before
 * the write and store its answer after the write's invalidation. So every write bumps a
 * generation, and a search's answer stays cached only if no write ended while it was in flight
 * (checked after the put, so a write that ends in between either sees the entry or is seen).
 */
final class StoredAnswers {

    private static final String CITIES = "cities";

    private final CacheOptions options;
    private final ResultStore<SearchKey, SearchResult> searches;
    private final ResultStore<String, List<City>> cities;
    private final SubsetIndex index = new SubsetIndex();
    private final AtomicLong generation = new AtomicLong();

    /**
     * @param options  what to cache and how long
     * @param clock    the time source of the in-memory stores' TTLs
     * @param searches where searches are kept; empty: in memory, at most {@link CacheOptions#maximumSize()}
     */
    StoredAnswers(CacheOptions options, Clock clock, Optional<ResultStore<SearchKey, SearchResult>> searches) {
        this.options = Objects.requireNonNull(options, "options");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(searches, "searches");
        this.searches = !options.cachesSearches() ? null
                : searches.orElseGet(() -> new InMemoryResultStore<>(options.maximumSize(), clock, index::remove));
        this.cities = options.cachesCities() ? new InMemoryResultStore<>(1, clock, key -> { }) : null;
    }

    /** The number of writes that have ended: read it before a search is sent. */
    long generation() {
        return generation.get();
    }

    /** The answer to {@code key} from the cache: its own entry, or a subset answer; empty on a miss. */
    Optional<SearchResult> search(SearchKey key) {
        if (searches == null) {
            return Optional.empty();
        }
        Optional<SearchResult> own = searches.get(key);
        if (own.isPresent()) {
            return own;
        }
        if (!options.subsetAnswers() || !SubsetAnswers.canBeAnswered(key.criteria())) {
            return Optional.empty();
        }
        for (SearchKey candidate : index.candidates(key)) {
            Optional<SearchResult> source = searches.get(candidate);
            if (source.isEmpty()) {
                index.remove(candidate); // expired or removed: its listener may not have run yet
                continue;
            }
            Optional<SearchResult> answer = SubsetAnswers.answer(key.criteria(), candidate.criteria(), source.get());
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
    void storeSearch(SearchKey key, SearchResult answer, long generationAtStart) {
        if (searches == null) {
            return;
        }
        searches.put(key, answer, options.searchTtl());
        if (options.subsetAnswers() && SubsetAnswers.isSource(key.criteria(), answer)) {
            index.add(key);
        }
        if (generation.get() != generationAtStart) {
            searches.remove(key, answer);
        }
    }

    /** The cities, when cached. */
    Optional<List<City>> cities() {
        return cities == null ? Optional.empty() : cities.get(CITIES);
    }

    /** Caches the cities. */
    void storeCities(List<City> list) {
        if (cities != null) {
            cities.put(CITIES, List.copyOf(list), options.citiesTtl());
        }
    }

    /** Removes every cached search {@code write} can affect. Call it when the write has ended, however. */
    void invalidate(CacheInvalidation write) {
        Objects.requireNonNull(write, "write");
        generation.incrementAndGet();
        if (searches != null) {
            searches.removeIf((key, answer) -> {
                boolean affected = write.affects(key.criteria(), answer);
                if (affected) {
                    index.remove(key); // a store of the user's tells nobody what it removed
                }
                return affected;
            });
        }
    }

    /** How many search answers the in-memory store keeps (for tests); -1 for a store of the user's. */
    long searchCount() {
        return searches instanceof InMemoryResultStore<SearchKey, SearchResult> memory ? memory.size()
                : searches == null ? 0 : -1;
    }
}
