package io.nekorekten4j.cache;

import io.nekorekten4j.ports.CallTimeoutException;
import io.nekorekten4j.ports.ErrorContext;
import io.nekorekten4j.ports.RequestOutcome;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Concurrent identical calls share one execution: the first caller runs it, the others wait for
 * its outcome — its value, or the very exception it threw. Nothing is remembered once it ends.
 *
 * <p>Each call carries a generation (the number of writes ended when it began). A caller joins a
 * flight of its generation or a later one, never an older one: a search that starts after a write
 * ended must see the write, so it does not wait for a request that may have been sent before it.
 * It takes the older flight's place instead (whose own waiters still get its outcome), as it takes
 * the place of a flight that has already failed. Thread safe.
 *
 * <p><b>Why not Caffeine's {@code AsyncCache}.</b> Spiked (issue 10): an {@code AsyncCache} keyed by
 * (key, generation), whose mapping function hands back the leader's own future so the work still
 * runs on the caller's thread, passed the same 189 tests of this module (this class's, the result
 * cache's and the kit's seven contracts over the cached fake) in 152 lines against these 173. It was
 * not kept, because what it leaves to us is the whole of this class: the leader must complete and
 * remove its future itself (an async cache keeps a successful value; this class must forget it), the
 * per-caller waits, the waiter counts (kept in a second map, whose entries must then be removed),
 * and the generation rule, which an exact key only approximates (a caller could no longer join a
 * newer flight). A failed future is removed by Caffeine asynchronously, so a caller arriving in
 * between could be handed the failure — the very thing the check above prevents. The same
 * {@code ConcurrentHashMap} underneath, one more layer of indirection, and no behaviour gained.
 *
 * @param <K> what identifies identical calls
 * @param <V> what a call yields
 */
final class SingleFlight<K, V> {

    private final boolean enabled;
    private final long maxWaitNanos;
    private final ErrorContext context;
    private final ConcurrentHashMap<K, Flight<V>> flights = new ConcurrentHashMap<>();

    /**
     * @param enabled whether calls are shared at all ({@code false}: each caller runs its own)
     * @param maxWait how long a waiter waits for the outcome before it gives up with a timeout
     * @param context what a waiter's timeout names
     */
    SingleFlight(boolean enabled, Duration maxWait, ErrorContext context) {
        this.enabled = enabled;
        this.maxWaitNanos = saturatedNanos(Objects.requireNonNull(maxWait, "maxWait"));
        this.context = Objects.requireNonNull(context, "context");
    }

    /**
     * Runs {@code work} for {@code key}, or waits for the identical flight in progress.
     *
     * @param generation the writes ended before this call began
     * @throws RuntimeException what {@code work} threw, in the leader and in every waiter
     * @throws CallTimeoutException when a waiter waited {@code maxWait} or was interrupted
     */
    V run(K key, long generation, Supplier<V> work) {
        return run(key, generation, work, maxWaitNanos);
    }

    /**
     * As {@link #run(Object, long, Supplier)}, but a waiter waits at most {@code maxWait}, this
     * caller's own limit, rather than the one given at construction: callers with different call
     * timeouts share one flight, and each gives up at its own.
     *
     * @throws IllegalArgumentException when {@code maxWait} is not positive
     */
    V run(K key, long generation, Supplier<V> work, Duration maxWait) {
        return run(key, generation, work, positiveNanos(maxWait));
    }

    private V run(K key, long generation, Supplier<V> work, long maxWaitNanos) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(work, "work");
        if (!enabled) {
            return work.get();
        }
        Flight<V> mine = new Flight<>(generation);
        while (true) {
            Flight<V> current = flights.putIfAbsent(key, mine);
            if (current == null) {
                return lead(key, mine, work);
            }
            // A flight that already failed is over, though its leader may not have removed it yet:
            // a failure is never handed to a caller that came after it, who takes its place instead.
            if (current.generation >= generation && !current.outcome.isCompletedExceptionally()) {
                return current.await(maxWaitNanos, context);
            }
            if (flights.replace(key, current, mine)) {
                return lead(key, mine, work);
            }
        }
    }

    /** How many flights are in progress (for tests). */
    int inFlight() {
        return flights.size();
    }

    /** How many callers wait for the flight of {@code key} in progress (for tests). */
    int waiting(K key) {
        Flight<V> flight = flights.get(key);
        return flight == null ? 0 : flight.waiting.get();
    }

    private V lead(K key, Flight<V> flight, Supplier<V> work) {
        try {
            V value = work.get();
            flight.outcome.complete(value);
            return value;
        } catch (RuntimeException | Error e) {
            flight.outcome.completeExceptionally(e);
            throw e;
        } finally {
            flights.remove(key, flight);
        }
    }

    /** A waiter's own failure: it handed nothing to the wire (the flight it waited for may have). */
    private static ErrorContext notSent(ErrorContext context) {
        return context.withAttempts(0).withOutcome(RequestOutcome.NOT_SENT);
    }

    /** {@code maxWait} in nanoseconds, checked: a wait of zero would fail every waiter at once. */
    static long positiveNanos(Duration maxWait) {
        Objects.requireNonNull(maxWait, "maxWait");
        if (maxWait.isNegative() || maxWait.isZero()) {
            throw new IllegalArgumentException("maxWait must be positive, got " + maxWait);
        }
        return saturatedNanos(maxWait);
    }

    private static long saturatedNanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE;
        }
    }

    /** One execution in progress. */
    private static final class Flight<V> {
        private final long generation;
        private final CompletableFuture<V> outcome = new CompletableFuture<>();
        private final AtomicInteger waiting = new AtomicInteger();

        Flight(long generation) {
            this.generation = generation;
        }

        V await(long maxWaitNanos, ErrorContext context) {
            waiting.incrementAndGet();
            try {
                return outcome.get(maxWaitNanos, TimeUnit.NANOSECONDS);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException r) {
                    throw r;
                }
                if (cause instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException("the shared call failed", cause);
            } catch (TimeoutException e) {
                throw new CallTimeoutException("No answer in time from the identical call in progress that this "
                        + "call waited for; this call sent nothing", notSent(context), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CallTimeoutException("Interrupted while waiting for the identical call in progress; "
                        + "this call sent nothing", notSent(context), e);
            } finally {
                waiting.decrementAndGet();
            }
        }
    }
}
