package io.nekorekten4j.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.nekorekten4j.cache.SearchKey;
import io.nekorekten4j.domain.Report;
import io.nekorekten4j.domain.ReportId;
import io.nekorekten4j.domain.SearchCriteria;
import io.nekorekten4j.domain.SearchHit;
import io.nekorekten4j.domain.SearchResult;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shared result store against a real redis-server on loopback, two stores standing for two instances. */
class RedisResultStoreTest {

    private static final SearchKey KEY = SearchKey.of(SearchCriteria.builder().phone("0888 123 456").build());
    private static final SearchKey OTHER = SearchKey.of(SearchCriteria.builder().phone("0899 765 432").build());
    private static final SearchResult ANSWER = new SearchResult(List.of(new SearchHit(Report.builder()
            .id(new ReportId("r-1")).phone("0888 123 456").text("не взе пратката").build(), Map.of())), 1, 1, 20);
    private static final Duration TTL = Duration.ofMinutes(10);

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

    private static RedisResultStore store(String namespace, Duration lease) {
        return RedisResultStore.builder().uri(redis.uri()).namespace(namespace).lockLease(lease)
                .commandTimeout(RedisQuotaStoreTest.SLACK).connectTimeout(RedisQuotaStoreTest.SLACK).build();
    }

    @Test
    void anAnswerOneInstanceStoredIsAnotherInstancesHitUntilItsTtlAndHoldsNoKeyInItsName() {
        String ns = "c" + UUID.randomUUID().toString().substring(0, 8);
        try (RedisResultStore one = store(ns, Duration.ofSeconds(5)); RedisResultStore two = store(ns,
                Duration.ofSeconds(5)); StatefulRedisConnection<String, String> look = redis.inspect(inspector)) {
            assertThat(one.get(KEY)).as("a first lookup misses (and takes the lock)").isEmpty();
            one.put(KEY, ANSWER, TTL);

            assertThat(two.get(KEY)).hasValueSatisfying(a -> assertThat(a).usingRecursiveComparison()
                    .isEqualTo(ANSWER));
            List<String> names = look.sync().keys(ns + ":*");
            assertThat(names).containsExactly(one.answerKeyOf(KEY)).allSatisfy(n -> {
                // The phone's digits, long enough that a hex digest cannot hold them by chance (a
                // three-digit "888" did, about once in 70 runs).
                assertThat(n).startsWith(ns + ":{").doesNotContain("888123456").doesNotContain("359888");
                assertThat(look.sync().pttl(n)).isBetween(1L, TTL.toMillis());
            });
        }
    }

    /** Issue 11 item 6: an identical lookup on another instance waits for the first one's answer. */
    @Test
    void anIdenticalLookupOnAnotherInstanceWaitsForTheAnswerInsteadOfMissing() throws Exception {
        String ns = "c" + UUID.randomUUID().toString().substring(0, 8);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (RedisResultStore one = store(ns, Duration.ofMinutes(1)); RedisResultStore two = store(ns,
                Duration.ofMinutes(1))) {
            assertThat(one.get(KEY)).isEmpty(); // one is sending the request
            Future<Optional<SearchResult>> second = pool.submit(() -> two.get(KEY));
            awaitWaiting(two); // the second lookup found the lock and polls (a condition, not a delay)
            assertThat(second).as("a lookup waiting for another instance's answer").isNotDone();

            one.put(KEY, ANSWER, TTL);

            assertThat(second.get(1, TimeUnit.MINUTES)).as("the answer the first instance stored").isPresent();
        } finally {
            pool.shutdownNow();
        }
    }

    /** The cache looks twice before it sends: the second look finds this instance's own lock and does not wait. */
    @Test
    void aSecondLookByTheSameInstanceDoesNotWaitForItself() {
        String ns = "c" + UUID.randomUUID().toString().substring(0, 8);
        try (RedisResultStore one = store(ns, Duration.ofMinutes(1))) {
            assertThat(one.get(KEY)).isEmpty();
            assertThat(one.get(KEY)).isEmpty();
            assertThat(one.waitsForOtherInstances()).isZero();
            one.put(KEY, ANSWER, TTL);
            assertThat(one.get(KEY)).isPresent();
        }
    }

    /** A failed request stores nothing: the others wait no longer than the lease, then one of them sends. */
    @Test
    void aLockWhoseAnswerNeverComesEndsWithItsLease() throws Exception {
        String ns = "c" + UUID.randomUUID().toString().substring(0, 8);
        try (RedisResultStore one = store(ns, Duration.ofMillis(300)); RedisResultStore two = store(ns,
                Duration.ofMillis(300))) {
            assertThat(one.get(KEY)).isEmpty(); // its request fails: nothing is ever stored

            CompletableFuture<Optional<SearchResult>> second = CompletableFuture.supplyAsync(() -> two.get(KEY));

            assertThat(second.get(1, TimeUnit.MINUTES)).as("a miss after the lease: two sends it now").isEmpty();
            two.put(KEY, ANSWER, TTL);
            assertThat(one.get(KEY)).isPresent();
        }
    }

    /** A write through one instance drops the answers it affects for every instance. */
    @Test
    void removeIfDropsTheAffectedAnswersForEveryInstanceAndKeepsTheOthers() {
        String ns = "c" + UUID.randomUUID().toString().substring(0, 8);
        SearchResult otherAnswer = SearchResult.withUnknownTotal(List.of(), 1, 20);
        try (RedisResultStore one = store(ns, Duration.ofSeconds(5)); RedisResultStore two = store(ns,
                Duration.ofSeconds(5))) {
            one.put(KEY, ANSWER, TTL);
            one.put(OTHER, otherAnswer, TTL);

            two.removeIf((key, answer) -> key.equals(KEY) && !answer.hits().isEmpty());

            assertThat(one.get(OTHER)).isPresent();
            assertThat(one.get(KEY)).as("dropped by the other instance's write").isEmpty();
        }
    }

    @Test
    void removeDropsOnlyTheSameAnswer() {
        String ns = "c" + UUID.randomUUID().toString().substring(0, 8);
        try (RedisResultStore one = store(ns, Duration.ofSeconds(5))) {
            one.put(KEY, ANSWER, TTL);
            one.remove(KEY, SearchResult.withUnknownTotal(List.of(), 1, 20));
            assertThat(one.get(KEY)).as("another answer is not removed").isPresent();
            one.remove(KEY, ANSWER);
            assertThat(one.get(KEY)).isEmpty();
        }
    }

    /** Answers of a fake server never serve the real service, and another namespace sees nothing. */
    @Test
    void anotherServiceOrNamespaceSharesNothing() {
        String ns = "c" + UUID.randomUUID().toString().substring(0, 8);
        try (RedisResultStore real = store(ns, Duration.ofMillis(200));
             RedisResultStore fake = RedisResultStore.builder().uri(redis.uri()).namespace(ns)
                     .service(URI.create("http://127.0.0.1:8089")).lockLease(Duration.ofMillis(200)).build();
             RedisResultStore elsewhere = store(ns + "x", Duration.ofMillis(200))) {
            real.put(KEY, ANSWER, TTL);
            assertThat(fake.get(KEY)).isEmpty();
            assertThat(elsewhere.get(KEY)).isEmpty();
            assertThat(fake.answerKeyOf(KEY)).isNotEqualTo(real.answerKeyOf(KEY));
        }
    }

    /** Redis gone: a lookup is a miss (the request is sent), never a failure; a store is a no-op. */
    @Test
    void aStoppedRedisIsAMissNeverAFailure() {
        try (LoopbackRedis own = LoopbackRedis.start();
             RedisResultStore store = RedisResultStore.builder().uri(own.uri()).commandTimeout(Duration.ofMillis(300))
                     .connectTimeout(Duration.ofSeconds(2)).build()) {
            store.put(KEY, ANSWER, TTL);
            own.stop();
            assertThat(store.get(KEY)).isEmpty();
            store.put(OTHER, ANSWER, TTL);
            store.removeIf((k, a) -> true);
        }
    }

    @Test
    void settingsAreCheckedAndNamed() {
        assertThatIllegalArgumentException().isThrownBy(() -> RedisResultStore.builder().namespace("a b"))
                .withMessageContaining("namespace");
        assertThatIllegalArgumentException().isThrownBy(() -> RedisResultStore.builder().lockLease(Duration.ZERO))
                .withMessageContaining("lockLease");
        assertThatIllegalArgumentException().isThrownBy(() -> RedisResultStore.builder().uri("redis://:pw@[bad"))
                .withMessageContaining("redisUri").withMessageNotContaining("pw");
        assertThatIllegalArgumentException().isThrownBy(() -> RedisResultStore.builder().keySecret(new byte[3]))
                .withMessageContaining("keySecret");
        assertThat(RedisResultStore.builder().uri("redis://:s3cret@127.0.0.1:6379").build().toString())
                .doesNotContain("s3cret");
    }

    private static void awaitWaiting(RedisResultStore store) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (store.waitsForOtherInstances() == 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the second lookup never waited for the first one's answer");
            }
            Thread.sleep(5);
        }
    }
}
