package io.nekorekten4j.http;

import io.nekorekten4j.cache.CacheOptions;
import io.nekorekten4j.ports.QuotaPlan;
import java.net.URI;

/** How the benchmarks build the client under test. */
final class BenchClients {

    /** A plan no benchmark can exhaust: the quota gate is on the path but never waits. */
    static final QuotaPlan UNTHROTTLED = QuotaPlan.perMinute(Integer.MAX_VALUE);

    private BenchClients() {
    }

    /**
     * A builder for a client of {@code baseUri} with key {@code key}, the plan
     * {@link #UNTHROTTLED} and the result cache off; everything else at its defaults (Apache
     * transport, retry and circuit breaker on).
     */
    static NekorektenHttp.Builder unthrottled(URI baseUri, String key) {
        return NekorektenHttp.builder()
                .baseUri(baseUri)
                .apiKey(key)
                .quota(UNTHROTTLED)
                .cache(CacheOptions.disabled());
    }
}
