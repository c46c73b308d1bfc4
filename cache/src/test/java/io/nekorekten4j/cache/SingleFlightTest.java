package io.nekorekten4j.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nekorekten4j.ports.CallTimeoutException;
import io.nekorekten4j.ports.ErrorContext;
import io.nekorekten4j.ports.ServiceUnavailableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link SingleFlight} on its own: who runs, who waits, what the waiters get. Each test holds the
 * leader inside its work until the waiters are known to be waiting, so no outcome depends on timing.
 */
@Timeout(30)
class SingleFlightTest {

    private static final int K = 16;
    private static final ErrorContext CONTEXT = ErrorContext.of("GET", "/api/v1/reports");

    private final ExecutorService pool = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void concurrentIdenticalCallsRunTheWorkOnceAndAllGetItsValue() throws Exception {
        SingleFlight<String, String> flights = new SingleFlight<>(true, Duration.ofSeconds(20), CONTEXT);
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);

        List<Future<String>> calls = startLeaderThenWaiters(flights, "key", () -> {
            runs.incrementAndGet();
            await(release);
            return "answer";
        }, release);

        for (Future<String> call : calls) {
            assertThat(call.get()).isEqualTo("answer");
        }
        assertThat(runs).hasValue(1);
        assertThat(flights.inFlight()).as("nothing is remembered once the flight ends").isZero();
    }

    @Test
    void aFailureReachesEveryWaiterAndIsForgottenSoTheNextCallRunsAgain() throws Exception {
        SingleFlight<String, String> flights = new SingleFlight<>(true, Duration.ofSeconds(20), CONTEXT);
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        ServiceUnavailableException failure = new ServiceUnavailableException("down", CONTEXT.withStatus(503), null);

        List<Future<String>> calls = startLeaderThenWaiters(flights, "key", () -> {
            runs.incrementAndGet();
            await(release);
            throw failure;
        }, release);

        for (Future<String> call : calls) {
            assertThatThrownBy(call::get).satisfies(e -> assertThat(e.getCause()).isSameAs(failure));
        }
        assertThat(runs).hasValue(1);
        assertThat(flights.run("key", 0, () -> "recovered")).isEqualTo("recovered");
    }

    @Test
    void differentKeysDoNotShare() throws Exception {
        SingleFlight<String, String> flights = new SingleFlight<>(true, Duration.ofSeconds(20), CONTEXT);
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<String> first = pool.submit(() -> flights.run("a", 0, () -> {
            inside.countDown();
            await(release);
            return "a";
        }));
        await(inside);

        assertThat(flights.run("b", 0, () -> "b")).as("runs while a is in flight").isEqualTo("b");
        release.countDown();
        assertThat(first.get()).isEqualTo("a");
    }

    @Test
    void aCallOfALaterGenerationRunsItsOwnWorkInsteadOfJoiningAnOlderFlight() throws Exception {
        SingleFlight<String, String> flights = new SingleFlight<>(true, Duration.ofSeconds(20), CONTEXT);
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<String> before = pool.submit(() -> flights.run("key", 0, () -> {
            inside.countDown();
            await(release);
            return "before the write";
        }));
        await(inside);

        String after = flights.run("key", 1, () -> "after the write");

        assertThat(after).isEqualTo("after the write");
        release.countDown();
        assertThat(before.get()).isEqualTo("before the write");
    }

    @Test
    void withSharingOffEveryCallRunsItsOwnWork() {
        SingleFlight<String, Integer> flights = new SingleFlight<>(false, Duration.ofSeconds(20), CONTEXT);
        AtomicInteger runs = new AtomicInteger();

        flights.run("key", 0, runs::incrementAndGet);
        flights.run("key", 0, runs::incrementAndGet);

        assertThat(runs).hasValue(2);
    }

    @Test
    void aWaiterGivesUpWithATimeoutAfterItsMaximumWait() throws Exception {
        SingleFlight<String, String> flights = new SingleFlight<>(true, Duration.ofMillis(1), CONTEXT);
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<String> leader = pool.submit(() -> flights.run("key", 0, () -> {
            inside.countDown();
            await(release);
            return "late";
        }));
        await(inside);

        assertThatThrownBy(() -> flights.run("key", 0, () -> "never run"))
                .isInstanceOf(CallTimeoutException.class)
                .hasMessageContaining("this call sent nothing");
        release.countDown();
        assertThat(leader.get()).isEqualTo("late");
    }

    @Test
    void aWaiterGivesUpAtItsOwnMaximumWaitWhenItGivesOne() throws Exception {
        SingleFlight<String, String> flights = new SingleFlight<>(true, Duration.ofHours(1), CONTEXT);
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<String> leader = pool.submit(() -> flights.run("key", 0, () -> {
            inside.countDown();
            await(release);
            return "late";
        }));
        await(inside);

        assertThatThrownBy(() -> flights.run("key", 0, () -> "never run", Duration.ofMillis(1)))
                .isInstanceOf(CallTimeoutException.class)
                .hasMessageContaining("this call sent nothing");
        assertThat(leader).as("the leader, still held: the hour-long default did not apply").isNotDone();
        release.countDown();
        assertThat(leader.get()).isEqualTo("late");
    }

    @Test
    void aWaitThatIsNotPositiveIsRefused() {
        SingleFlight<String, String> flights = new SingleFlight<>(true, Duration.ofSeconds(1), CONTEXT);

        assertThatThrownBy(() -> flights.run("key", 0, () -> "v", Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("maxWait must be positive, got PT0S");
    }

    /**
     * Starts the leader, waits until it is inside {@code work}, starts {@code K - 1} more callers of
     * the same key, and releases the leader once all of them wait for it.
     */
    private List<Future<String>> startLeaderThenWaiters(SingleFlight<String, String> flights, String key,
                                                        Supplier<String> work, CountDownLatch release)
            throws InterruptedException {
        CountDownLatch inside = new CountDownLatch(1);
        List<Future<String>> calls = new ArrayList<>();
        calls.add(pool.submit(() -> flights.run(key, 0, () -> {
            inside.countDown();
            return work.get();
        })));
        await(inside);
        for (int i = 1; i < K; i++) {
            calls.add(pool.submit(() -> flights.run(key, 0, () -> {
                throw new AssertionError("a waiter ran the work");
            })));
        }
        awaitWaiting(() -> flights.waiting(key), K - 1);
        release.countDown();
        return calls;
    }

    /** Polls until {@code count} reaches {@code expected}: a wait for a state, not a timing assertion. */
    static void awaitWaiting(Supplier<Integer> count, int expected) throws InterruptedException {
        while (count.get() < expected) {
            TimeUnit.MILLISECONDS.sleep(1);
        }
    }

    static void await(CountDownLatch latch) {
        try {
            if (!latch.await(20, TimeUnit.SECONDS)) {
                throw new AssertionError("a latch was never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
