package io.nekorekten4j.redis;

import io.nekorekten4j.http.QuotaDecision;
import io.nekorekten4j.http.QuotaLimits;
import io.nekorekten4j.http.QuotaScope;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * What one permit costs on loopback Redis, timed one by one: the acquire (one {@code EVALSHA} of
 * the Lua script, through Lettuce's synchronous API) and the release (another), with percentiles.
 * A measurement for docs/benchmarks.md, not a test: run {@link #main} on a quiet machine
 * ({@code PermitCostTest} runs a short one with a loose guard only).
 */
final class PermitCost {

    private PermitCost() {
    }

    /** Percentiles of one run, in milliseconds. */
    record Result(int measured, double acquireP50, double acquireP99, double acquireP999, double acquireMax,
                  double releaseP50, double releaseP99) {

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d permits: acquire p50 %.3f ms, p99 %.3f ms, p99.9 %.3f ms, "
                    + "max %.3f ms; release p50 %.3f ms, p99 %.3f ms", measured, acquireP50, acquireP99,
                    acquireP999, acquireMax, releaseP50, releaseP99);
        }
    }

    /**
     * Takes {@code warmUp + measured} permits one after another on a scope whose plan never holds
     * one back (so every acquire is granted at once and the log grows to the full count), releasing
     * each at once, and times the measured ones.
     */
    static Result measure(String redisUri, int warmUp, int measured) {
        QuotaLimits plenty = new QuotaLimits(10_000_000, QuotaLimits.MINUTE, QuotaLimits.PLAN_MARGIN,
                OptionalInt.of(100_000_000));
        QuotaScope scope = QuotaScope.of(URI.create("https://api.nekorekten.com"), "cost-" + System.nanoTime());
        long[] acquire = new long[measured];
        long[] release = new long[measured];
        try (RedisQuotaStore store = RedisQuotaStore.builder().uri(redisUri)
                .commandTimeout(RedisQuotaStoreTest.SLACK).connectTimeout(RedisQuotaStoreTest.SLACK).build()) {
            for (int i = 0; i < warmUp + measured; i++) {
                long t0 = System.nanoTime();
                QuotaDecision d = store.acquire(scope, plenty, Duration.ZERO, Duration.ofSeconds(30));
                long t1 = System.nanoTime();
                store.release(scope, RedisQuotaStoreTest.granted(d), true);
                long t2 = System.nanoTime();
                if (i >= warmUp) {
                    acquire[i - warmUp] = t1 - t0;
                    release[i - warmUp] = t2 - t1;
                }
            }
        }
        Arrays.sort(acquire);
        Arrays.sort(release);
        return new Result(measured, ms(acquire, 0.50), ms(acquire, 0.99), ms(acquire, 0.999), ms(acquire, 1.0),
                ms(release, 0.50), ms(release, 0.99));
    }

    /**
     * Starts a redis-server on loopback and measures {@code args[0]} rounds (default 5) of
     * {@code args[1]} permits (default 10,000) after 2,000 warm-up, printing each round with the
     * load average before it.
     */
    public static void main(String[] args) throws IOException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int measured = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        try (LoopbackRedis redis = LoopbackRedis.start()) {
            for (int r = 1; r <= rounds; r++) {
                String load = Files.readString(Path.of("/proc/loadavg")).trim();
                Result result = measure(redis.uri(), 2_000, measured);
                System.out.println("round " + r + " (loadavg before: " + load + "): " + result);
            }
        }
    }

    private static double ms(long[] sorted, double quantile) {
        int i = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
        return sorted[Math.max(0, i)] / 1_000_000.0;
    }
}
