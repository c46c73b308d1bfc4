package io.nekorekten4j.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.nekorekten4j.http.QuotaDecision;
import io.nekorekten4j.http.QuotaLimits;
import io.nekorekten4j.http.QuotaScope;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * What one permit costs on loopback Redis: the acquire (one EVALSHA of the Lua script) and the
 * release (another), timed one by one with percentiles. The figures are printed for
 * docs/benchmarks.md; the assertion is only a loose guard (timing never decides a unit test here).
 */
class PermitCostTest {

    private static final int WARM_UP = 500;
    private static final int MEASURED = 3_000;

    @Test
    void oneAcquireAndOneReleaseCostAboutARoundTripEach() {
        QuotaLimits plenty = new QuotaLimits(1_000_000, QuotaLimits.MINUTE, QuotaLimits.PLAN_MARGIN,
                OptionalInt.of(10_000_000));
        QuotaScope scope = QuotaScope.of(URI.create("https://api.nekorekten.com"), "cost-" + System.nanoTime());
        long[] acquire = new long[MEASURED];
        long[] release = new long[MEASURED];
        try (LoopbackRedis redis = LoopbackRedis.start(); RedisQuotaStore store = RedisQuotaStore.builder().uri(redis.uri())
                     .commandTimeout(RedisQuotaStoreTest.SLACK).connectTimeout(RedisQuotaStoreTest.SLACK).build()) {
            for (int i = 0; i < WARM_UP + MEASURED; i++) {
                long t0 = System.nanoTime();
                QuotaDecision d = store.acquire(scope, plenty, Duration.ZERO, Duration.ofSeconds(30));
                long t1 = System.nanoTime();
                store.release(scope, RedisQuotaStoreTest.granted(d), true);
                long t2 = System.nanoTime();
                if (i >= WARM_UP) {
                    acquire[i - WARM_UP] = t1 - t0;
                    release[i - WARM_UP] = t2 - t1;
                }
            }
        }
        Arrays.sort(acquire);
        Arrays.sort(release);
        System.out.println(String.format(Locale.ROOT, "permit cost on loopback Redis (%d measured after %d warm-up,"
                + " log of up to %d permits in the window): acquire p50 %.3f ms, p99 %.3f ms, max %.3f ms;"
                + " release p50 %.3f ms, p99 %.3f ms", MEASURED, WARM_UP, MEASURED + WARM_UP, ms(acquire, 0.50),
                ms(acquire, 0.99), ms(acquire, 1.0), ms(release, 0.50), ms(release, 0.99)));
        assertThat(ms(acquire, 0.99)).as("p99 of an acquire in ms (loose guard; target 2 ms)").isLessThan(50.0);
    }

    private static double ms(long[] sorted, double quantile) {
        int i = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
        return sorted[Math.max(0, i)] / 1_000_000.0;
    }
}
