package io.nekorekten4j.fakeserver;

import io.nekorekten4j.cache.CacheOptions;
import io.nekorekten4j.http.NekorektenHttp;
import io.nekorekten4j.http.Sleeper;
import io.nekorekten4j.http.VirtualTime;
import io.nekorekten4j.testing.TestClients;
import io.nekorekten4j.testing.TestClients.Wire;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Builds {@link NekorektenHttp} clients for the fake server's conformance runs and parity test,
 * through the adapter's <em>public</em> API only — as an adapter author or a user would — from the
 * testing artifact's {@link TestClients} preset, with {@link VirtualTime}, so that the kit's
 * "succeeds again after a 429 with Retry-After: 120" rules wait two virtual minutes and no real time.
 */
final class FakeServerHttpClients {

    private FakeServerHttpClients() {
    }

    /**
     * A client of {@code baseUri} with {@code apiKey}: every call exactly one request
     * ({@link TestClients#oneRequestPerCall}); {@code time} for its clock and its waits.
     */
    static NekorektenHttp client(URI baseUri, String apiKey, Wire wire, VirtualTime time) {
        Objects.requireNonNull(time, "time");
        return client(baseUri, apiKey, wire, time, time, CacheOptions.defaults());
    }

    /**
     * As {@link #client(URI, String, Wire, VirtualTime)}, with a clock, a sleeper and cache options
     * of the caller's.
     */
    static NekorektenHttp client(URI baseUri, String apiKey, Wire wire, Clock clock, Sleeper sleeper,
                                 CacheOptions cache) {
        return TestClients.oneRequestPerCall(baseUri, apiKey, wire, clock, sleeper)
                // Connect plus response allowance (3 s) stays below the server's stall (5 s).
                .connectTimeout(Duration.ofSeconds(1))
                .responseTimeout(Duration.ofSeconds(2))
                .cache(Objects.requireNonNull(cache, "cache"))
                .build();
    }
}
