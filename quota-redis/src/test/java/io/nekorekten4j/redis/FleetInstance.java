package io.nekorekten4j.redis;

import io.nekorekten4j.domain.SearchCriteria;
import io.nekorekten4j.cache.CacheOptions;
import io.nekorekten4j.http.NekorektenHttp;
import io.nekorekten4j.ports.NekorektenException;
import io.nekorekten4j.ports.QuotaExhaustedException;
import io.nekorekten4j.ports.QuotaPlan;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One instance of the fleet, in its own JVM: {@code threads} threads screening distinct phones
 * through a {@link NekorektenHttp} on the shared Redis quota until the daily cap ends the run. Its
 * clock is skewed by the given milliseconds (the quota must not care). Prints one line,
 * {@code RESULT sent=… ErrorCode=count…}, for the test that launched it.
 *
 * <p>Arguments: redisUri serviceUri instance skewMillis threads apiKey perMinute perDay
 */
public final class FleetInstance {

    private FleetInstance() {
    }

    public static void main(String[] args) throws Exception {
        String redisUri = args[0];
        String serviceUri = args[1];
        int instance = Integer.parseInt(args[2]);
        long skewMillis = Long.parseLong(args[3]);
        int threads = Integer.parseInt(args[4]);
        String apiKey = args[5];
        QuotaPlan plan = QuotaPlan.of(Integer.parseInt(args[6]), Integer.parseInt(args[7]));
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
        try (RedisQuotaStore quota = RedisQuotaStore.builder().uri(redisUri).commandTimeout(Duration.ofSeconds(10))
                .connectTimeout(Duration.ofSeconds(10)).build();
             NekorektenHttp api = NekorektenHttp.builder().apiKey(apiKey).baseUri(serviceUri).quota(plan)
                     .quotaStore(quota).clock(Clock.offset(Clock.systemUTC(), Duration.ofMillis(skewMillis)))
                     .permitWaitTimeout(Duration.ofSeconds(100)).callTimeout(Duration.ofSeconds(110))
                     .cache(CacheOptions.disabled()).build()) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    while (true) {
                        int n = next.incrementAndGet();
                        String phone = String.format("0888%d%05d", instance, n);
                        try {
                            api.search(SearchCriteria.builder().phone(phone).build());
                            sent.incrementAndGet();
                        } catch (QuotaExhaustedException spent) {
                            failures.computeIfAbsent(spent.code().name(), k -> new AtomicInteger()).incrementAndGet();
                            return null; // the daily cap ends this thread's backlog
                        } catch (NekorektenException e) {
                            failures.computeIfAbsent(e.code().name(), k -> new AtomicInteger()).incrementAndGet();
                        }
                    }
                }));
            }
            for (Future<?> w : workers) {
                w.get();
            }
            pool.shutdown();
        }
        Map<String, Integer> counts = new TreeMap<>();
        failures.forEach((k, v) -> counts.put(k, v.get()));
        StringBuilder line = new StringBuilder("RESULT sent=").append(sent.get());
        counts.forEach((k, v) -> line.append(' ').append(k).append('=').append(v));
        System.out.println(line);
    }
}
