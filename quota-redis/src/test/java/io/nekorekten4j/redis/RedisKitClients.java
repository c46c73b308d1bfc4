package io.nekorekten4j.redis;

import io.nekorekten4j.cache.ResultStore;
import io.nekorekten4j.cache.SearchKey;
import io.nekorekten4j.domain.SearchResult;
import io.nekorekten4j.http.NekorektenHttp;
import io.nekorekten4j.http.QuotaStore;
import io.nekorekten4j.http.RetryOptions;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Builds the {@link NekorektenHttp} clients of the Redis kit run, with a virtual sleeper: without
 * it, the kit's "succeeds again after a 429 with Retry-After: 120" rule would sleep two real
 * minutes. Only the adapter's public API is used.
 */
final class RedisKitClients {

    private RedisKitClients() {
    }

    /**
     * A client of {@code baseUri} with {@code apiKey} whose quota is counted in {@code store}: a
     * quota of 100,000 a minute and no retries, so that every call is exactly one request;
     * {@code clock} for its time and {@code sleep} instead of sleeping. Its result cache is the
     * client's own, in this JVM.
     */
    static NekorektenHttp client(URI baseUri, String apiKey, QuotaStore store, Clock clock,
                                        Consumer<Duration> sleep) {
        return builder(baseUri, apiKey, store, clock, sleep).build();
    }

    /**
     * As {@link #client(URI, String, QuotaStore, Clock, Consumer)}, with the search results cached
     * in {@code cacheStore} (shared by every client built on it, as instances share Redis).
     */
    static NekorektenHttp client(URI baseUri, String apiKey, QuotaStore store,
                                 ResultStore<SearchKey, SearchResult> cacheStore, Clock clock,
                                 Consumer<Duration> sleep) {
        Objects.requireNonNull(cacheStore, "cacheStore");
        return builder(baseUri, apiKey, store, clock, sleep).cacheStore(cacheStore).build();
    }

    private static NekorektenHttp.Builder builder(URI baseUri, String apiKey, QuotaStore store, Clock clock,
                                                  Consumer<Duration> sleep) {
        Objects.requireNonNull(sleep, "sleep");
        return NekorektenHttp.builder()
                .baseUri(baseUri)
                .apiKey(apiKey)
                .quotaStore(store)
                .quota(io.nekorekten4j.ports.QuotaPlan.perMinute(100_000))
                .retry(RetryOptions.disabled())
                .connectTimeout(Duration.ofSeconds(1))
                .responseTimeout(Duration.ofSeconds(2))
                .permitWaitTimeout(Duration.ofMinutes(10))
                .callTimeout(Duration.ofMinutes(11))
                .clock(clock)
                .sleeper(sleep::accept);
    }
}
