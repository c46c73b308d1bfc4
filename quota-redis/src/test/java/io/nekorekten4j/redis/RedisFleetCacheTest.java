package io.nekorekten4j.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.nekorekten4j.conformance.TestData;
import io.nekorekten4j.fakeserver.FakeServer;
import io.nekorekten4j.http.NekorektenHttp;
import io.nekorekten4j.ports.screening.Buyer;
import io.nekorekten4j.ports.screening.Screening;
import io.nekorekten4j.ports.screening.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 11's fleet cache proof: a Zipf stream of 1,000 orders from 400 buyers, split over four
 * instances that share one result cache on a real redis-server, spends exactly one request per
 * distinct buyer — the lower bound one instance reaches alone. The four instances are four clients
 * in this JVM, each with its own {@link RedisResultStore} and Redis connection (nothing is shared
 * between them but Redis), each screening its orders on four threads, all at once, against the fake
 * server, which counts every request. Every seventh buyer has a report, so found answers travel
 * through the cache too and must come back as found.
 */
class RedisFleetCacheTest {

    private static final int ORDERS = 1_000;
    private static final int BUYERS = 400;
    private static final int INSTANCES = 4;
    private static final int THREADS = 4;

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES) // a guard against a hang, not a timing assertion
    void aZipfStreamOverFourInstancesSpendsOneRequestPerDistinctBuyer() throws Exception {
        List<Integer> stream = zipf(new Random(20_261_204L));
        Set<Integer> distinct = new HashSet<>(stream);
        Map<Integer, Verdict> verdicts = new ConcurrentHashMap<>();
        List<String> mismatches = new ArrayList<>();
        long requests;
        long waits = 0;
        String namespace = "fleet-cache-" + UUID.randomUUID().toString().substring(0, 8);
        try (LoopbackRedis redis = LoopbackRedis.start(); FakeServer server = FakeServer.builder().build().start()) {
            for (int b = 0; b < BUYERS; b += 7) {
                server.fake().arrangeReport(TestData.draft(TestData.phone(b)), Instant.parse("2025-06-01T10:00:00Z"),
                        "a-third-party");
            }
            long before = server.requestCount();
            List<RedisResultStore> stores = new ArrayList<>();
            List<NekorektenHttp> clients = new ArrayList<>();
            for (int i = 0; i < INSTANCES; i++) {
                RedisResultStore store = RedisResultStore.builder().uri(redis.uri()).namespace(namespace)
                        .service(server.uri()).lockLease(Duration.ofSeconds(30)).commandTimeout(RedisQuotaStoreTest.SLACK)
                        .connectTimeout(RedisQuotaStoreTest.SLACK).build();
                stores.add(store);
                clients.add(NekorektenHttp.builder().baseUri(server.uri()).apiKey("fleet-cache-key-" + i)
                        .cacheStore(store).build());
            }
            ExecutorService pool = Executors.newFixedThreadPool(INSTANCES * THREADS);
            List<Future<?>> work = new ArrayList<>();
            for (int i = 0; i < INSTANCES; i++) {
                Screening screening = Screening.of(clients.get(i));
                for (int t = 0; t < THREADS; t++) {
                    int lane = i * THREADS + t;
                    work.add(pool.submit(() -> {
                        // Orders i, i+4, i+8… go to instance i; its threads share them out.
                        for (int o = lane; o < ORDERS; o += INSTANCES * THREADS) {
                            int buyer = stream.get(o);
                            Verdict v = screening.screen(Buyer.builder().phone(TestData.phone(buyer)).build())
                                    .verdict();
                            Verdict expected = buyer % 7 == 0 ? Verdict.FOUND : Verdict.NOT_FOUND;
                            if (v != expected) {
                                synchronized (mismatches) {
                                    mismatches.add("buyer " + buyer + ": " + v);
                                }
                            }
                            verdicts.put(buyer, v);
                        }
                        return null;
                    }));
                }
            }
            for (Future<?> f : work) {
                f.get();
            }
            pool.shutdown();
            requests = server.requestCount() - before;
            for (RedisResultStore s : stores) {
                waits += s.waitsForOtherInstances();
            }
            clients.forEach(NekorektenHttp::close);
            stores.forEach(RedisResultStore::close);
        }

        Map<Integer, Long> heads = new TreeMap<>();
        stream.forEach(b -> heads.merge(b, 1L, Long::sum));
        long top = heads.values().stream().mapToLong(Long::longValue).max().orElseThrow();
        System.out.println(String.format(Locale.ROOT, "fleet cache: %d orders (Zipf s=1 over %d buyers, the most"
                + " frequent %d times) over %d instances x %d threads sharing one Redis cache: %d distinct buyers,"
                + " %d requests sent, %d polls waiting for another instance's identical lookup", ORDERS, BUYERS, top,
                INSTANCES, THREADS, distinct.size(), requests, waits));
        assertThat(mismatches).as("verdicts that differ from the service's").isEmpty();
        assertThat(verdicts.keySet()).isEqualTo(distinct);
        assertThat(requests).as("requests the fleet sent").isEqualTo(distinct.size());
    }

    /** {@value #ORDERS} draws of a buyer 0..{@value #BUYERS}-1, buyer k with weight 1/(k+1). */
    private static List<Integer> zipf(Random random) {
        double[] cumulative = new double[BUYERS];
        double sum = 0;
        for (int k = 0; k < BUYERS; k++) {
            sum += 1.0 / (k + 1);
            cumulative[k] = sum;
        }
        List<Integer> draws = new ArrayList<>(ORDERS);
        for (int o = 0; o < ORDERS; o++) {
            double u = random.nextDouble() * sum;
            int k = 0;
            while (cumulative[k] < u) {
                k++;
            }
            draws.add(k);
        }
        return draws;
    }
}
