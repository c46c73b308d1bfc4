package io.nekorekten4j.fakeserver;

import io.nekorekten4j.cache.CacheOptions;
import io.nekorekten4j.http.NekorektenHttp;
import io.nekorekten4j.http.RetryOptions;
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

    /** The response timeout of clients that never retry: connect (1 s) plus this stays below the server's stall (5 s). */
    static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(2);

    private FakeServerHttpClients() {
    }

    /**
     * A client of {@code baseUri} with {@code apiKey}: every call exactly one request
     * ({@link TestClients#oneRequestPerCall}); {@code time} for its clock and its waits.
     */
    static NekorektenHttp client(URI baseUri, String apiKey, Wire wire, VirtualTime time) {
        return client(baseUri, apiKey, wire, time, RetryOptions.disabled(), RESPONSE_TIMEOUT);
    }

    /**
     * As {@link #client(URI, String, Wire, VirtualTime)}, retrying as {@code retry} says (with
     * {@link RetryOptions#defaults()} it is the client a user builds, whose backoff waits pass on
     * {@code time} too) and waiting {@code responseTimeout} for an answer.
     */
    static NekorektenHttp client(URI baseUri, String apiKey, Wire wire, VirtualTime time, RetryOptions retry,
                                 Duration responseTimeout) {
        Objects.requireNonNull(time, "time");
        return builder(baseUri, apiKey, wire, time, time, CacheOptions.defaults())
                .retry(Objects.requireNonNull(retry, "retry"))
                .responseTimeout(Objects.requireNonNull(responseTimeout, "responseTimeout"))
                .build();
    }

    /**
     * As {@link #client(URI, String, Wire, VirtualTime)}, with a clock, a sleeper and cache options
     * of the caller's.
     */
    static NekorektenHttp client(URI baseUri, String apiKey, Wire wire, Clock clock, Sleeper sleeper,
                                 CacheOptions cache) {
        return builder(baseUri, apiKey, wire, clock, sleeper, cache).build();
    }

    private static NekorektenHttp.Builder builder(URI baseUri, String apiKey, Wire wire, Clock clock,
                                                  Sleeper sleeper, CacheOptions cache) {
        return TestClients.oneRequestPerCall(baseUri, apiKey, wire, clock, sleeper)
                // Connect plus response allowance (3 s) stays below the server's stall (5 s).
                .connectTimeout(Duration.ofSeconds(1))
                .responseTimeout(RESPONSE_TIMEOUT)
                .cache(Objects.requireNonNull(cache, "cache"));
    }
}
