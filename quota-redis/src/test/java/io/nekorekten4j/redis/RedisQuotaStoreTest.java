package io.nekorekten4j.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.nekorekten4j.http.LocalQuotaStore;
import io.nekorekten4j.http.QuotaDecision;
import io.nekorekten4j.http.QuotaLimits;
import io.nekorekten4j.http.QuotaPermit;
import io.nekorekten4j.http.QuotaScope;
import io.nekorekten4j.http.VirtualTime;
import io.nekorekten4j.ports.ErrorCode;
import io.nekorekten4j.ports.QuotaStoreUnavailableException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalInt;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Redis store against a real redis-server on loopback. */
class RedisQuotaStoreTest {

    private static final String API_KEY = "sk_live_0123456789abcdef-redis-test";
    private static final QuotaScope SCOPE = QuotaScope.of(URI.create("https://api.nekorekten.com"), API_KEY);
    /** 23:40 in Sofia (summer, UTC+3): the parity run crosses a Sofia midnight. */
    private static final Instant START = Instant.parse("2025-06-10T20:40:00Z");

    /** Timeouts for tests that are not about timeouts: a loaded CI machine must not fail them. */
    static final Duration SLACK = Duration.ofSeconds(10);

    private static LoopbackRedis redis;
    private static RedisClient inspector;

    @BeforeAll
    static void startRedis() {
        redis = LoopbackRedis.start();
        inspector = RedisClient.create();
    }

    @AfterAll
    static void stopRedis() {
        inspector.shutdown();
        redis.close();
    }

    /** The health check's PING: true while Redis answers, false (never an exception) when it is gone or closed. */
    @Test
    void reachableFollowsRedisAndNeverThrows() throws InterruptedException {
        try (LoopbackRedis own = LoopbackRedis.start();
             RedisQuotaStore store = RedisQuotaStore.builder().uri(own.uri()).commandTimeout(SLACK)
                     .connectTimeout(SLACK).build()) {
            assertThat(store.reachable()).as("a running Redis").isTrue();

            own.stop();
            assertThat(store.reachable()).as("a stopped Redis").isFalse();

            own.startAgain();
            long deadline = System.nanoTime() + SLACK.multipliedBy(3).toNanos();
            boolean back = false;
            while (!back && System.nanoTime() < deadline) {
                back = store.reachable(); // Lettuce reconnects in the background: wait for the condition
                if (!back) {
                    Thread.sleep(50); // the poll's pace, not an assertion
                }
            }
            assertThat(back).as("Redis back on its port").isTrue();

            store.close();
            assertThat(store.reachable()).as("a closed store").isFalse();
        }
    }

    /**
     * The Redis script and the in-JVM ledger decide alike: a seeded random run of acquires (with
     * waits for the slot and confirms), releases (sent or not), 429 pauses and time passing —
     * across a Sofia midnight and through the daily cap — gets the same decision from both, step
     * by step, to the millisecond.
     */
    @Test
    void redisDecidesExactlyAsTheInJvmStoreOnARandomRun() {
        VirtualTime clock = VirtualTime.startingAt(START);
        LocalQuotaStore local = LocalQuotaStore.create(clock);
        QuotaLimits limits = new QuotaLimits(3, Duration.ofSeconds(10), Duration.ofMillis(500), OptionalInt.of(25));
        QuotaScope scope = QuotaScope.of(URI.create("https://parity.invalid"), "parity-" + System.nanoTime());
        Random random = new Random(20_261_204L);
        List<QuotaPermit[]> open = new ArrayList<>();
        int[] kinds = new int[4];
        try (RedisQuotaStore store = RedisQuotaStore.builder().uri(redis.uri()).clockForTests(clock)
                .namespace("parity").commandTimeout(SLACK).connectTimeout(SLACK).build()) {
            for (int step = 0; step < 3_000; step++) {
                int op = random.nextInt(20);
                if (step % 400 == 399) {
                    clock.advance(Duration.ofMinutes(50 + random.nextInt(300)));
                } else if (op < 8) {
                    clock.advance(Duration.ofMillis(random.nextInt(6_000)));
                } else if (op < 14) {
                    Duration budget = Duration.ofMillis(random.nextInt(20_000));
                    Duration lease = Duration.ofMillis(1_000 + random.nextInt(40_000));
                    QuotaDecision a = local.acquire(scope, limits, budget, lease);
                    QuotaDecision b = store.acquire(scope, limits, budget, lease);
                    kinds[kindOf(a)]++;
                    assertSame(step, a, b);
                    if (a instanceof QuotaDecision.Granted ga && b instanceof QuotaDecision.Granted gb) {
                        clock.advance(ga.delay());
                        boolean stands = local.confirm(scope, ga.permit());
                        assertThat(store.confirm(scope, gb.permit())).as("confirm at step %d", step).isEqualTo(stands);
                        if (stands) {
                            open.add(new QuotaPermit[] {ga.permit(), gb.permit()});
                        }
                    }
                } else if (op < 19) {
                    if (!open.isEmpty()) {
                        QuotaPermit[] p = open.remove(random.nextInt(open.size()));
                        boolean sent = random.nextInt(5) != 0;
                        local.release(scope, p[0], sent);
                        store.release(scope, p[1], sent);
                    }
                } else {
                    Duration pause = Duration.ofMillis(random.nextInt(8_000));
                    local.penalise(scope, pause);
                    store.penalise(scope, pause);
                }
            }
        }
        assertThat(kinds).as("granted, wait, too far, exhausted: every kind of decision was compared")
                .doesNotContain(0);
    }

    @Test
    void keysAreAKeyedHashOfOriginAndKeyInTheNamespaceAndEveryKeyHasATtl() throws Exception {
        byte[] secret = "a-secret-of-the-fleet-0123456789".getBytes(StandardCharsets.UTF_8);
        try (RedisQuotaStore store = RedisQuotaStore.builder().uri(redis.uri()).namespace("shop-prod:quota")
                .keySecret(secret).commandTimeout(SLACK).connectTimeout(SLACK).build();
             StatefulRedisConnection<String, String> look = redis.inspect(inspector)) {
            QuotaDecision.Granted g = (QuotaDecision.Granted) store.acquire(SCOPE, QuotaLimits.of(
                    io.nekorekten4j.ports.QuotaPlan.FREE), Duration.ZERO, Duration.ofSeconds(30));
            store.penalise(SCOPE, Duration.ofMillis(1));
            store.release(SCOPE, g.permit(), true);

            List<String> keys = look.sync().keys("shop-prod:quota:*");
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(API_KEY.getBytes(StandardCharsets.UTF_8)));
            assertThat(keys).hasSize(3).allSatisfy(k -> assertThat(k)
                    .startsWith("shop-prod:quota:{" + SCOPE.digest(secret) + "}:")
                    .doesNotContain(API_KEY).doesNotContain(sha).doesNotContain(sha.substring(0, 12)));
            assertThat(keys).containsExactlyInAnyOrderElementsOf(store.keysOf(SCOPE).subList(1, 4));
            for (String key : keys) {
                assertThat(look.sync().pttl(key)).as("TTL of %s", key).isPositive()
                        .isLessThanOrEqualTo(Duration.ofHours(50).toMillis());
            }
            assertThat(look.sync().hgetall(store.keysOf(SCOPE).get(3)).keySet()).containsExactly("penalty");
            assertThat(store.toString()).doesNotContain(API_KEY).contains("127.0.0.1");
        }
        try (RedisQuotaStore other = RedisQuotaStore.builder().uri(redis.uri()).namespace("shop-prod:quota")
                .keySecret("another-secret-of-the-fleet-0123".getBytes(StandardCharsets.UTF_8)).build()) {
            assertThat(other.keysOf(SCOPE).get(0)).as("another secret, other names")
                    .isNotEqualTo(RedisQuotaStore.builder().uri(redis.uri()).namespace("shop-prod:quota")
                            .keySecret(secret).build().keysOf(SCOPE).get(0));
        }
    }

    @Test
    void twoConnectionsShareOneQuotaOnRedisTime() {
        QuotaLimits twoAnHour = new QuotaLimits(2, Duration.ofHours(1), Duration.ZERO, OptionalInt.empty());
        QuotaScope scope = QuotaScope.of(URI.create("https://api.nekorekten.com"), "shared-" + System.nanoTime());
        try (RedisQuotaStore a = RedisQuotaStore.builder().uri(redis.uri()).commandTimeout(SLACK)
                .connectTimeout(SLACK).build();
             RedisQuotaStore b = RedisQuotaStore.builder().uri(redis.uri()).commandTimeout(SLACK)
                     .connectTimeout(SLACK).build()) {
            a.release(scope, granted(a.acquire(scope, twoAnHour, Duration.ZERO, Duration.ofMinutes(1))), true);
            QuotaPermit inFlight = granted(b.acquire(scope, twoAnHour, Duration.ZERO, Duration.ofMinutes(1)));

            QuotaDecision third = a.acquire(scope, twoAnHour, Duration.ofMinutes(5), Duration.ofMinutes(1));

            assertThat(third).isInstanceOf(QuotaDecision.TooFar.class);
            assertThat(((QuotaDecision.TooFar) third).waitNeeded()).isGreaterThan(Duration.ofMinutes(59));
            b.release(scope, inFlight, false);
            assertThat(a.acquire(scope, twoAnHour, Duration.ZERO, Duration.ofMinutes(1)))
                    .as("the unsent permit is forgotten").isInstanceOf(QuotaDecision.Granted.class);
        }
    }

    @Test
    void badSettingsAreRefusedByName() {
        assertThatIllegalArgumentException().isThrownBy(() -> RedisQuotaStore.builder().namespace("has space"))
                .withMessageContaining("namespace");
        assertThatIllegalArgumentException().isThrownBy(() -> RedisQuotaStore.builder().keySecret(new byte[8]))
                .withMessageContaining("keySecret");
        assertThatIllegalArgumentException().isThrownBy(() -> RedisQuotaStore.builder()
                .commandTimeout(Duration.ZERO)).withMessageContaining("commandTimeout");
        assertThatIllegalArgumentException().isThrownBy(() -> RedisQuotaStore.builder().fallbackToLocalShare(0))
                .withMessageContaining("declaredInstances");
        assertThatIllegalArgumentException().isThrownBy(() -> RedisQuotaStore.create("redis://:pa ss@host:x"))
                .withMessageContaining("redisUri").withMessageNotContaining("pa ss");
        assertThatIllegalStateException().isThrownBy(() -> RedisQuotaStore.builder().build())
                .withMessageContaining("uri");
        assertThat(RedisQuotaStore.create("redis://:s3cret@127.0.0.1:6390").toString()).doesNotContain("s3cret");
    }

    @Test
    void aStoreThatCannotConnectFailsTypedAndNeverGrants() {
        try (RedisQuotaStore nowhere = RedisQuotaStore.builder().uri("redis://127.0.0.1:" + LoopbackRedis.freePort())
                .commandTimeout(Duration.ofMillis(300)).build()) {
            QuotaStoreUnavailableException e = catchThrowableOfType(QuotaStoreUnavailableException.class,
                    () -> nowhere.acquire(SCOPE, QuotaLimits.of(io.nekorekten4j.ports.QuotaPlan.FREE), Duration.ZERO,
                            Duration.ofSeconds(1)));
            assertThat(e.code()).isEqualTo(ErrorCode.QUOTA_STORE_UNAVAILABLE);
            assertThat(e).hasMessageContaining("127.0.0.1").hasMessageContaining("PT0.3S");
        }
    }

    static QuotaPermit granted(QuotaDecision d) {
        assertThat(d).isInstanceOf(QuotaDecision.Granted.class);
        return ((QuotaDecision.Granted) d).permit();
    }

    private static int kindOf(QuotaDecision d) {
        if (d instanceof QuotaDecision.Granted) {
            return 0;
        }
        if (d instanceof QuotaDecision.Wait) {
            return 1;
        }
        return d instanceof QuotaDecision.TooFar ? 2 : 3;
    }

    private static void assertSame(int step, QuotaDecision local, QuotaDecision redis) {
        assertThat(redis.getClass()).as("kind of decision at step %d (local %s, redis %s)", step, local, redis)
                .isEqualTo(local.getClass());
        if (local instanceof QuotaDecision.Granted a) {
            QuotaDecision.Granted b = (QuotaDecision.Granted) redis;
            assertThat(b.delay()).as("delay at step %d", step).isEqualTo(a.delay());
            assertThat(b.permit().slot()).as("slot at step %d", step).isEqualTo(a.permit().slot());
        } else {
            assertThat(redis).as("decision at step %d", step).isEqualTo(local);
        }
    }

}
