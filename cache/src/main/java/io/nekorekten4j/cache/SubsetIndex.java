package io.nekorekten4j.cache;

import io.nekorekten4j.domain.SearchField;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which cached searches can answer subsets, by filter value, so that looking for a superset costs
 * one map read instead of a scan of the cache. It may briefly hold a key the cache has dropped, or
 * miss one it holds: the first is checked against the cache on use, the second only loses a subset
 * answer (the request is sent). Thread safe.
 */
final class SubsetIndex {

    /** One filter as sent. */
    private record Filter(SearchField field, String value) {
    }

    private final Map<Filter, Set<SearchKey>> byFilter = new ConcurrentHashMap<>();

    /** Records {@code key}, a cached search that can answer subsets, under each of its filters. */
    void add(SearchKey key) {
        for (Filter f : filters(key)) {
            byFilter.compute(f, (k, keys) -> {
                Set<SearchKey> set = keys != null ? keys : ConcurrentHashMap.newKeySet();
                set.add(key);
                return set;
            });
        }
    }

    /** Forgets {@code key}. */
    void remove(SearchKey key) {
        for (Filter f : filters(key)) {
            byFilter.computeIfPresent(f, (k, keys) -> {
                keys.remove(key);
                return keys.isEmpty() ? null : keys;
            });
        }
    }

    /**
     * The recorded searches that share a filter value with {@code wanted}: every superset of it is
     * among them (a snapshot).
     */
    List<SearchKey> candidates(SearchKey wanted) {
        Map.Entry<SearchField, String> first = wanted.criteria().queryValues().entrySet().iterator().next();
        Set<SearchKey> keys = byFilter.get(new Filter(first.getKey(), first.getValue()));
        return keys == null ? List.of() : List.copyOf(keys);
    }

    /** How many filter values are recorded (for tests). */
    int size() {
        return byFilter.size();
    }

    private static List<Filter> filters(SearchKey key) {
        return key.criteria().queryValues().entrySet().stream().map(e -> new Filter(e.getKey(), e.getValue())).toList();
    }
}
