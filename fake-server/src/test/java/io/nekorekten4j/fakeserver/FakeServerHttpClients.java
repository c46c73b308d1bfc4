package io.nekorekten4j.fakeserver;

import io.nekorekten4j.http.ApacheTransport;
import io.nekorekten4j.cache.CacheOptions;
import io.nekorekten4j.http.JdkTransport;
import io.nekorekten4j.http.NekorektenHttp;
import io.nekorekten4j.http.RetryOptions;
import io.nekorekten4j.http.Sleeper;
import io.nekorekten4j.http.Transport;
import io.nekorekten4j.http.VirtualTime;
import io.nekorekten4j.ports.QuotaPlan;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Builds {@link NekorektenHttp} clients for the fake server's conformance runs and parity test,
 * through the adapter's <em>public</em> API only — as an adapter author or a user would — with
 * {@link VirtualTime}, so that the kit's "succeeds again after a 429 with Retry-After: 120" rules
 * wait two virtual minutes and no real time.
 */
final class FakeServerHttpClients {

    private FakeServerHttpClients() {
    }

    /** The transports the kit runs on. */
    enum Wire {
        /** Apache HttpClient 5, the default. */
        APACHE(() -> ApacheTransport.builder().build()),
        /** {@code java.net.http}. */
        JDK(() -> JdkTransport.builder().build());

        private final Supplier<Transport> transports;

        Wire(Supplier<Transport> transports) {
            this.transports = transports;
        }
    }

    /**
     * A client of {@code baseUri} with {@code apiKey}: a quota of 100,000 a minute and no retries, so
     * that every call is exactly one request; {@code time} for its clock and its waits.
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
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(sleeper, "sleeper");
        return NekorektenHttp.builder()
                .cache(Objects.requireNonNull(cache, "cache"))
                .baseUri(baseUri)
                .apiKey(apiKey)
                .transport(wire.transports.get())
                .quota(QuotaPlan.perMinute(100_000))
                .retry(RetryOptions.disabled())
                // Connect plus response allowance (3 s) stays below the server's stall (5 s).
                .connectTimeout(Duration.ofSeconds(1))
                .responseTimeout(Duration.ofSeconds(2))
                .permitWaitTimeout(Duration.ofMinutes(10))
                .callTimeout(Duration.ofMinutes(11))
                .clock(clock)
                .sleeper(sleeper)
                .build();
    }
}
