package io.nekorekten4j.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.nekorekten4j.cache.CacheOptions;
import io.nekorekten4j.http.NekorektenHttp;
import io.nekorekten4j.http.QuotaDecision;
import io.nekorekten4j.http.QuotaLimits;
import io.nekorekten4j.http.QuotaPermit;
import io.nekorekten4j.http.QuotaScope;
import io.nekorekten4j.http.QuotaStore;
import io.nekorekten4j.ports.QuotaPlan;
import io.nekorekten4j.ports.QuotaStoreUnavailableException;
import io.nekorekten4j.ports.screening.Buyer;
import io.nekorekten4j.ports.screening.Screening;
import io.nekorekten4j.ports.screening.ScreeningResult;
import io.nekorekten4j.ports.screening.Verdict;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Redis killed and restarted under a running client: typed errors, nothing unaccounted, recovery. */
class RedisFaultTest {

    private static final Duration COMMAND_TIMEOUT = Duration.ofMillis(300);

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES) // a guard against a hang, not a timing assertion
    void redisKilledMidRunGivesNotCheckedWithTheTypedErrorSendsNothingUnaccountedAndRecoversAfterRestart()
            throws Exception {
        List<Verdict> verdicts = new ArrayList<>();
        List<Long> downMillis = new ArrayList<>();
        int restartedAfter;
        List<java.time.Instant> arrivals;
        AtomicInteger grants = new AtomicInteger();
        try (LoopbackRedis redis = LoopbackRedis.start(); CountingServer service = CountingServer.start();
             RedisQuotaStore store = RedisQuotaStore.builder().uri(redis.uri()).commandTimeout(COMMAND_TIMEOUT)
                     .connectTimeout(RedisQuotaStoreTest.SLACK).build();
             NekorektenHttp api = NekorektenHttp.builder().apiKey("fault-key-" + System.nanoTime())
                     .baseUri(service.baseUri()).quota(QuotaPlan.perMinute(1_000)).quotaStore(counting(store, grants))
                     .cache(CacheOptions.disabled()).build()) {
            Screening screening = Screening.of(api);
            for (int i = 0; i < 10; i++) {
                verdicts.add(screening.screen(buyer(i)).verdict());
            }
            redis.stop();
            for (int i = 10; i < 20; i++) {
                long t0 = System.nanoTime();
                ScreeningResult r = screening.screen(buyer(i));
                downMillis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
                assertThat(r.verdict()).as("verdict with Redis down").isEqualTo(Verdict.NOT_CHECKED);
                assertThat(r.failure().orElseThrow()).isInstanceOf(QuotaStoreUnavailableException.class);
                verdicts.add(r.verdict());
            }
            redis.startAgain();
            int attempts = 0;
            ScreeningResult first;
            // Lettuce reconnects in the background with a growing backoff, and a call before it is back
            // fails at once: wait for that condition (polled every 50 ms, bounded by the test's guard).
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            do {
                if (attempts > 0) {
                    Thread.sleep(50);
                }
                first = screening.screen(buyer(20));
                attempts++;
            } while (first.verdict() == Verdict.NOT_CHECKED && System.nanoTime() < deadline);
            restartedAfter = attempts;
            verdicts.add(first.verdict());
            for (int i = 21; i < 30; i++) {
                verdicts.add(screening.screen(buyer(i)).verdict());
            }
            arrivals = service.arrivals();
        }

        long slowest = downMillis.stream().mapToLong(Long::longValue).max().orElseThrow();
        System.out.println(String.format(Locale.ROOT, "faults: Redis killed after 10 screenings: 10 NOT_CHECKED"
                + " (QUOTA_STORE_UNAVAILABLE) in %s ms each (command timeout %d ms); restarted: screening again after"
                + " %d tries; %d requests arrived, %d permits granted", downMillis, COMMAND_TIMEOUT.toMillis(),
                restartedAfter, arrivals.size(), grants.get()));
        assertThat(verdicts.subList(0, 10)).containsOnly(Verdict.NOT_FOUND);
        assertThat(verdicts.subList(20, 30)).as("after the restart").containsOnly(Verdict.NOT_FOUND);
        assertThat(arrivals).as("requests that reached the service").hasSize(20);
        assertThat(grants).as("every request that arrived had a permit from Redis").hasValue(arrivals.size());
        assertThat(slowest).as("the slowest typed failure, in ms (a loose guard; the figure is printed)")
                .isLessThan(10_000);
    }

    @Test
    void withTheOptInFallbackEachInstanceGoesOnWithItsShareWhileRedisIsDownAndSharesAgainAfter()
            throws InterruptedException {
        QuotaScope scope = QuotaScope.of(URI.create("https://api.nekorekten.com"), "fallback-" + System.nanoTime());
        QuotaLimits eightAMinute = new QuotaLimits(8, QuotaLimits.MINUTE, QuotaLimits.PLAN_MARGIN, OptionalInt.empty());
        try (LoopbackRedis redis = LoopbackRedis.start();
             RedisQuotaStore store = RedisQuotaStore.builder().uri(redis.uri()).commandTimeout(RedisQuotaStoreTest.SLACK)
                     .connectTimeout(RedisQuotaStoreTest.SLACK).fallbackToLocalShare(4).build()) {
            QuotaPermit viaRedis = RedisQuotaStoreTest.granted(store.acquire(scope, eightAMinute, Duration.ZERO,
                    Duration.ofSeconds(30)));
            assertThat(viaRedis.id()).doesNotStartWith("local:");
            store.release(scope, viaRedis, true);
            redis.stop();

            QuotaPermit one = RedisQuotaStoreTest.granted(store.acquire(scope, eightAMinute, Duration.ZERO,
                    Duration.ofSeconds(30)));
            QuotaPermit two = RedisQuotaStoreTest.granted(store.acquire(scope, eightAMinute, Duration.ZERO,
                    Duration.ofSeconds(30)));
            QuotaDecision third = store.acquire(scope, eightAMinute, Duration.ZERO, Duration.ofSeconds(30));
            assertThat(one.id()).startsWith("local:");
            assertThat(third).as("8 a minute shared by 4 declared instances: 2 each").isInstanceOf(
                    QuotaDecision.TooFar.class);
            store.release(scope, one, true);
            store.release(scope, two, true);

            redis.startAgain();
            QuotaDecision back = null;
            // Polls for a condition (Lettuce has reconnected), not a delay; the local share stays spent meanwhile.
            for (int i = 0; i < 600 && !(back instanceof QuotaDecision.Granted g && !g.permit().id().startsWith("local:"));
                 i++) {
                if (i > 0) {
                    Thread.sleep(50);
                }
                back = store.acquire(scope, eightAMinute, Duration.ZERO, Duration.ofSeconds(30));
            }
            assertThat(back).as("a permit from Redis again").isInstanceOf(QuotaDecision.Granted.class);
            assertThat(((QuotaDecision.Granted) back).permit().id()).doesNotStartWith("local:");
        }
    }

    private static Buyer buyer(int i) {
        return Buyer.builder().phone(String.format("0888%06d", i)).build();
    }

    /** Counts the permits Redis granted. */
    private static QuotaStore counting(QuotaStore store, AtomicInteger grants) {
        return new QuotaStore() {
            @Override
            public QuotaDecision acquire(QuotaScope scope, QuotaLimits limits, Duration maxWait, Duration lease) {
                QuotaDecision d = store.acquire(scope, limits, maxWait, lease);
                if (d instanceof QuotaDecision.Granted) {
                    grants.incrementAndGet();
                }
                return d;
            }

            @Override
            public boolean confirm(QuotaScope scope, QuotaPermit permit) {
                return store.confirm(scope, permit);
            }

            @Override
            public void release(QuotaScope scope, QuotaPermit permit, boolean sent) {
                store.release(scope, permit, sent);
            }

            @Override
            public void penalise(QuotaScope scope, Duration retryAfter) {
                store.penalise(scope, retryAfter);
            }
        };
    }
}
