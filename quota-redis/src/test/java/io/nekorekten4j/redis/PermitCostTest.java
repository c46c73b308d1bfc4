package io.nekorekten4j.redis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A short run of {@link PermitCost}, printed; the assertion is only a loose guard against a permit
 * that costs far more than a round trip (timing never decides a unit test here). The figures in
 * docs/benchmarks.md come from {@link PermitCost#main} on a quiet machine.
 */
class PermitCostTest {

    @Test
    void oneAcquireCostsAboutARoundTrip() {
        try (LoopbackRedis redis = LoopbackRedis.start()) {
            PermitCost.Result result = PermitCost.measure(redis.uri(), 500, 3_000);
            System.out.println("permit cost on loopback Redis: " + result);
            assertThat(result.acquireP50()).as("p50 of an acquire in ms (loose guard; target p99 2 ms)")
                    .isLessThan(50.0);
        }
    }
}
