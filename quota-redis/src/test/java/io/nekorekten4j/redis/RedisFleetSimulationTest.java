package io.nekorekten4j.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.nekorekten4j.conformance.ServerWindow;
import io.nekorekten4j.http.QuotaDecision;
import io.nekorekten4j.http.QuotaLimits;
import io.nekorekten4j.http.QuotaPermit;
import io.nekorekten4j.http.QuotaScope;
import io.nekorekten4j.http.VirtualTime;
import io.nekorekten4j.ports.QuotaPlan;
import io.nekorekten4j.ports.ServiceFacts;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The plan-level proof with Redis in the loop, on virtual time: four instances (four stores, four
 * connections to one real redis-server) of eight simulated threads each keep a backlog; the script
 * decides on the virtual clock (the test-only time override); every request reaches the server
 * after a heavy-tailed one-way latency of up to 10 s and its answer comes back after another. The
 * three server models judge the arrivals.
 */
class RedisFleetSimulationTest {

    private static final int INSTANCES = 4;
    private static final int THREADS_EACH = 8;
    private static final long SEED = 20_261_204L;
    private static final Instant START = Instant.parse("2025-06-10T06:00:17.250Z");

    private static LoopbackRedis redis;

    @BeforeAll
    static void startRedis() {
        redis = LoopbackRedis.start();
    }

    @AfterAll
    static void stopRedis() {
        redis.close();
    }

    @Test
    void fourInstancesOnRedisNeverExceedThePlanInAnyWindowUseOver95PercentAndKeepTheDailyCap() {
        Run perMinute = run(QuotaPlan.perMinute(10), 600, true);
        Run heavy = run(QuotaPlan.perMinute(10), 600, false);
        Run business = run(QuotaPlan.BUSINESS, 3 * 24 * 60, true);

        for (Run r : List.of(perMinute, heavy, business)) {
            assertThat(r.refusals).as("429s (calendar, sliding, bucket) of %s", r.name).containsOnly(0L);
            assertThat(ServerWindow.busiestWindow(r.arrivals, Duration.ofSeconds(60))).as("busiest minute of %s",
                    r.name).isLessThanOrEqualTo(r.plan.perMinute());
        }
        assertThat(perMinute.utilisation()).as("share of the plan used, ordinary latencies").isGreaterThan(0.95);
        assertThat(heavy.maxOneWayMillis).as("the longest one-way latency drawn").isGreaterThan(9_000);
        Map<LocalDate, Long> perSofiaDay = business.arrivals.stream().collect(Collectors.groupingBy(
                ServiceFacts::serviceDay, TreeMap::new,
                Collectors.counting()));
        assertThat(perSofiaDay.values()).as("arrivals per Sofia day on the Business plan")
                .allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(1_000L));
        assertThat(perSofiaDay.values().stream().mapToLong(Long::longValue).max().orElseThrow())
                .as("the daily cap is reached").isEqualTo(1_000L);

        System.out.println(String.format(Locale.ROOT, "Redis fleet simulation (virtual time, %d instances x %d"
                + " threads, one real redis-server): %s; %s; %s; Business per Sofia day %s", INSTANCES, THREADS_EACH,
                perMinute.describe(), heavy.describe(), business.describe(), perSofiaDay.values()));
    }

    private static Run run(QuotaPlan plan, int minutes, boolean ordinary) {
        VirtualTime clock = VirtualTime.startingAt(START);
        QuotaLimits limits = QuotaLimits.of(plan);
        QuotaScope scope = QuotaScope.of(URI.create("https://api.nekorekten.com"), "sim-" + System.nanoTime());
        List<RedisQuotaStore> stores = new ArrayList<>();
        for (int i = 0; i < INSTANCES; i++) {
            stores.add(RedisQuotaStore.builder().uri(redis.uri()).clockForTests(clock)
                    .commandTimeout(RedisQuotaStoreTest.SLACK).connectTimeout(RedisQuotaStoreTest.SLACK)
                    .namespace("fleet-sim").build());
        }
        Random random = new Random(SEED);
        List<Instant> arrivals = new ArrayList<>();
        long[] maxOneWay = new long[1];
        Instant end = START.plus(Duration.ofMinutes(minutes));
        PriorityQueue<Event> events = new PriorityQueue<>();
        long seq = 0;
        for (int t = 0; t < INSTANCES * THREADS_EACH; t++) {
            events.add(new Event(START, seq++, t, 0, null));
        }
        try {
            while (!events.isEmpty()) {
                Event e = events.poll();
                clock.set(e.at);
                RedisQuotaStore store = stores.get(e.thread % INSTANCES);
                switch (e.step) {
                    case 0 -> { // ask for a permit
                        if (!e.at.isBefore(end)) {
                            continue;
                        }
                        QuotaDecision d = store.acquire(scope, limits, Duration.ofHours(30), Duration.ofMinutes(2));
                        if (d instanceof QuotaDecision.Granted g) {
                            events.add(new Event(e.at.plus(g.delay()), seq++, e.thread, 1, g.permit()));
                        } else if (d instanceof QuotaDecision.Wait w) {
                            events.add(new Event(e.at.plus(w.atLeast()), seq++, e.thread, 0, null));
                        } else if (d instanceof QuotaDecision.Exhausted x) {
                            events.add(new Event(x.resumesAt(), seq++, e.thread, 0, null));
                        } else {
                            throw new AssertionError("a backlog thread was refused: " + d);
                        }
                    }
                    case 1 -> { // send
                        if (!e.at.isBefore(end)) {
                            store.release(scope, e.permit, false);
                            continue;
                        }
                        long out = oneWay(random, ordinary, maxOneWay);
                        events.add(new Event(e.at.plusMillis(out), seq++, e.thread, 2, e.permit));
                    }
                    case 2 -> { // arrive
                        arrivals.add(e.at);
                        long back = oneWay(random, ordinary, maxOneWay);
                        events.add(new Event(e.at.plusMillis(back), seq++, e.thread, 3, e.permit));
                    }
                    default -> { // the answer is back
                        store.release(scope, e.permit, true);
                        events.add(new Event(e.at, seq++, e.thread, 0, null));
                    }
                }
            }
        } finally {
            stores.forEach(RedisQuotaStore::close);
        }
        arrivals.sort(null);
        String name = plan.name() + " " + plan.perMinute() + "/min" + (ordinary ? "" : " heavy-tailed");
        return new Run(name, plan, minutes, arrivals, List.copyOf(ServerWindow.refusals(arrivals, plan.perMinute()).values()), maxOneWay[0]);
    }

    /** One way: 5–500 ms; heavy-tailed: one draw in ten Pareto (shape 1.1, from 0.5 s), capped at 10 s. */
    private static long oneWay(Random random, boolean ordinary, long[] max) {
        long ms = 5 + random.nextInt(496);
        if (!ordinary && random.nextInt(10) == 0) {
            ms = Math.min(10_000L, Math.round(500.0 / Math.pow(1.0 - random.nextDouble(), 1.0 / 1.1)));
        }
        max[0] = Math.max(max[0], ms);
        return ms;
    }

    private record Event(Instant at, long seq, int thread, int step, QuotaPermit permit) implements Comparable<Event> {
        @Override
        public int compareTo(Event o) {
            int byTime = at.compareTo(o.at);
            return byTime != 0 ? byTime : Long.compare(seq, o.seq);
        }
    }

    private record Run(String name, QuotaPlan plan, int minutes, List<Instant> arrivals, List<Long> refusals,
                       long maxOneWayMillis) {
        double utilisation() {
            return arrivals.size() / ((double) minutes * plan.perMinute());
        }

        String describe() {
            return String.format(Locale.ROOT, "%s over %d min: %d requests (%.2f %% of the plan), 429s %s, busiest"
                    + " minute %d, longest one-way %d ms", name, minutes, arrivals.size(), 100 * utilisation(),
                    refusals, ServerWindow.busiestWindow(arrivals, Duration.ofSeconds(60)), maxOneWayMillis);
        }
    }
}
