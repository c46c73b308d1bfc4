package io.nekorekten4j.cache;

import java.time.Duration;
import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * Where a {@link ResultCache} keeps answers: the storage SPI behind the cache. The default keeps
 * them in this JVM ({@link #inMemory}); a shared store (Redis, say) lets several instances of an
 * application reuse each other's answers. The cache decides <em>what</em> is stored and for how
 * long — only answers, never failures, each with the TTL of {@link CacheOptions} — and when it
 * is dropped; a store only keeps what it is given, for at most the TTL it is given.
 *
 * <p>Implementations must be thread safe. A store that loses an entry early (eviction, a restart)
 * only costs a request; a store that returns an entry after its TTL, or another key's entry, breaks
 * the cache's promises. Stores should not throw: a store that cannot answer {@link #get} should
 * answer empty (the request is then sent). Keys and values hold (masked) personal data.
 *
 * @param <K> the key, e.g. {@link SearchKey}
 * @param <V> the answer, e.g. {@code SearchResult}
 */
public interface ResultStore<K, V> {

    /** The answer stored under {@code key} less than its TTL ago, or empty. */
    Optional<V> get(K key);

    /** Stores {@code value} under {@code key}, replacing any, for {@code ttl} (positive). */
    void put(K key, V value, Duration ttl);

    /**
     * Removes the entry of {@code key} only if it still holds {@code value} (by {@code equals}): an
     * answer that turned out stale is dropped without dropping a newer one.
     */
    void remove(K key, V value);

    /**
     * Removes every entry for which {@code affected} holds (a write through the client changed what
     * the service would answer). A shared store removes them for every instance.
     */
    void removeIf(BiPredicate<? super K, ? super V> affected);

    /**
     * A store in this JVM's memory (Caffeine), bounded to {@code maximumSize} entries (the least
     * useful are evicted first), whose TTLs run on {@code clock}.
     *
     * @throws IllegalArgumentException when {@code maximumSize} is not positive
     */
    static <K, V> ResultStore<K, V> inMemory(long maximumSize, java.time.Clock clock) {
        return new InMemoryResultStore<>(maximumSize, clock, key -> { });
    }
}
