package io.nekorekten4j.bench;

import io.nekorekten4j.cache.CacheOptions;
import io.nekorekten4j.http.NekorektenHttp;
import io.nekorekten4j.http.VirtualTime;
import io.nekorekten4j.ports.QuotaPlan;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/** How the quota simulation builds the real client on virtual time. */
final class SimClients {

    /** The result cache's default time to live for searches (10 minutes). */
    static final Duration SEARCH_TTL = CacheOptions.defaults().searchTtl();

    private static final AtomicInteger KEYS = new AtomicInteger();

    private SimClients() {
    }

    /**
     * A client whose clock and sleeper are {@code clock} and whose transport is {@code server}, with
     * a key of its own (so that no quota gate is shared with another run), the plan, the result
     * cache on (its defaults) or off, and the permit wait given ({@code null}: the default).
     */
    static NekorektenHttp client(VirtualTime clock, VirtualServer server, QuotaPlan plan, boolean cache,
                                 Duration permitWait) {
        return client(clock, server, plan, cache ? CacheOptions.defaults() : CacheOptions.disabled(), permitWait);
    }

    /** As {@link #client(VirtualTime, VirtualServer, QuotaPlan, boolean, Duration)}, with these cache options. */
    static NekorektenHttp client(VirtualTime clock, VirtualServer server, QuotaPlan plan, CacheOptions cache,
                                 Duration permitWait) {
        NekorektenHttp.Builder b = NekorektenHttp.builder()
                .apiKey("simulation-key-" + KEYS.incrementAndGet())
                .transport(server)
                .clock(clock)
                .sleeper(clock)
                .quota(plan)
                .cache(cache);
        if (permitWait != null) {
            // Longer than a window, so a backlog waits for permits instead of failing; the whole
            // call must then be allowed at least as long.
            b.permitWaitTimeout(permitWait).callTimeout(permitWait.plusMinutes(1));
        }
        return b.build();
    }
}
