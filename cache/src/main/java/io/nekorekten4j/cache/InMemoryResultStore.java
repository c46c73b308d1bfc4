package io.nekorekten4j.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Consumer;

/**
 * The default {@link ResultStore}: a Caffeine cache in this JVM that reads the client's clock, each
 * entry expiring after the TTL it was stored with. Thread safe.
 *
 * @param <K> the key
 * @param <V> the answer
 */
final class InMemoryResultStore<K, V> implements ResultStore<K, V> {

    private final Cache<K, Entry<V>> entries;

    /**
     * @param maximumSize the most entries kept
     * @param clock       the time source of the TTLs
     * @param removed     told of every key that leaves the store, however (not when replaced)
     */
    InMemoryResultStore(long maximumSize, Clock clock, Consumer<K> removed) {
        if (maximumSize < 1) {
            throw new IllegalArgumentException("maximumSize must be at least 1, got " + maximumSize);
        }
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(removed, "removed");
        this.entries = Caffeine.newBuilder()
                .ticker(ticker(clock))
                // Maintenance (eviction, listeners) on the calling thread: no pool, deterministic tests.
                .executor(Runnable::run)
                .expireAfter(Expiry.writing((K key, Entry<V> entry) -> entry.ttl))
                .maximumSize(maximumSize)
                .<K, Entry<V>>removalListener((key, entry, cause) -> {
                    if (key != null && cause != RemovalCause.REPLACED) {
                        removed.accept(key);
                    }
                })
                .build();
    }

    @Override
    public Optional<V> get(K key) {
        Objects.requireNonNull(key, "key");
        Entry<V> entry = entries.getIfPresent(key);
        return entry == null ? Optional.empty() : Optional.of(entry.value);
    }

    @Override
    public void put(K key, V value, Duration ttl) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(ttl, "ttl");
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ttl must be positive, got " + ttl);
        }
        entries.put(key, new Entry<>(value, ttl));
    }

    @Override
    public void remove(K key, V value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        entries.asMap().computeIfPresent(key, (k, entry) -> entry.value.equals(value) ? null : entry);
    }

    @Override
    public void removeIf(BiPredicate<? super K, ? super V> affected) {
        Objects.requireNonNull(affected, "affected");
        entries.asMap().entrySet().removeIf(e -> affected.test(e.getKey(), e.getValue().value));
    }

    /** How many entries are kept (expired ones cleaned up first). */
    long size() {
        entries.cleanUp();
        return entries.estimatedSize();
    }

    private static Ticker ticker(Clock clock) {
        return () -> {
            Instant now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        };
    }

    /** A stored answer and the TTL it was stored with. */
    private record Entry<V>(V value, Duration ttl) {
    }
}
