package io.nekorekten4j.http;

import io.nekorekten4j.ports.ErrorContext;
import io.nekorekten4j.ports.QuotaExhaustedException;
import io.nekorekten4j.ports.QuotaPlan;
import io.nekorekten4j.ports.QuotaStoreUnavailableException;
import io.nekorekten4j.ports.RateLimitWaitExceededException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client-side quota of one {@link QuotaScope} (an API key at an origin): asks its
 * {@link QuotaStore} for a permit before every attempt, waits for the permit's slot, and releases it
 * when the attempt ends.
 *
 * <h2>Why a sliding log, anchored on the answer</h2>
 * The service's window is unknown: a calendar minute, a sliding 60 seconds or a token bucket.
 * Fixed cycles (Resilience4j's {@code RateLimiter}) can admit twice the limit across a cycle
 * boundary. A log of the last {@code permits} permits admits a new send only when the oldest of
 * them is more than {@code window + margin} behind, so no window of that length ever holds more
 * than {@code permits} requests — which satisfies every one of the three server models — while a
 * burst of {@code permits} is still allowed at once.
 * <br>The service counts a request somewhere between its send and its answer. So a permit's
 * window is anchored on when its answer came back (or its attempt was abandoned), not on its send:
 * then the gap between the counting instants of a request and of the {@code permits}-th one before
 * it is at least the window, whatever the network delay (a retransmitted SYN, a 10 s stall). The
 * one-second margin is kept for the server's clock granularity. The cost: each permit is held for
 * its round trip longer than a send-anchored log would hold it; {@code QuotaSimulationTest} and the
 * benchmarks' simulation give the figures (over 95 % of the plan used at ordinary latencies).
 *
 * <h2>How callers wait</h2>
 * The store fixes the earliest free slot and records the permit at once; the caller then sleeps
 * <em>outside</em> any lock until that slot, so waiting threads never block each other, and slots
 * are handed out in order. While the slot cannot be fixed yet (the permits holding it back are
 * still in flight), the caller sleeps for the store's lower bound and asks again. A permit that
 * would need a longer wait than the caller allows is never taken.
 *
 * <h2>The daily cap</h2>
 * A send is admitted only while fewer than {@code perDay} sends fall both in its calendar day in
 * {@code Europe/Sofia} <em>and</em> in the 24 hours before it. Once the cap is spent,
 * {@link #acquire} fails at once, without waiting, with the earliest instant at which both counts
 * allow a send again (normally the next Sofia midnight).
 *
 * <h2>Sharing</h2>
 * {@link #shared} returns a gate on the JVM's {@link LocalQuotaStore} for the key at the service's
 * origin (see {@link QuotaRegistry}): two clients built with the same key and origin count in one
 * ledger; the same key at another origin (a fake server, a second stub) has a ledger of its own.
 * With another store (Redis) every instance of the application counts in one ledger. The gate
 * never holds the key, not even its hash.
 *
 * <h2>The service's pauses</h2>
 * A 429 with {@code Retry-After} pauses the scope ({@link #penalise}); no pause outlives
 * {@link RetryAfter#MAX_WAIT}, and {@link #remaining} shows the wait a new call would face.
 *
 * <p>Durations are measured on the injected {@link Clock} and waits go through the injected
 * {@link Sleeper}, so a simulation drives the gate on virtual time. Thread safe.
 */
final class QuotaGate {

    /** The window of a plan's per-minute figure. */
    static final Duration MINUTE = QuotaLimits.MINUTE;
    /** The safety margin added to a plan's minute: see the class comment and QuotaSimulationTest. */
    static final Duration PLAN_MARGIN = QuotaLimits.PLAN_MARGIN;
    /** The rolling day, counted as well as the calendar day. */
    static final Duration ROLLING_DAY = LocalQuotaStore.ROLLING_DAY;
    /** The lease of a permit taken without one: longer than any attempt of the client's defaults. */
    static final Duration DEFAULT_LEASE = Duration.ofMinutes(10);
    /** The per-window figure of a gate without a plan: only the service's pauses hold it back. */
    static final int UNLIMITED = Integer.MAX_VALUE;
    /**
     * No plan: what a client of a loopback origin (a fake server, a stub) gets when it names none.
     * Only the service's own 429 pauses hold it back.
     */
    static final QuotaPlan NO_PLAN = new QuotaPlan("none (loopback origin)", UNLIMITED, OptionalInt.empty());

    private static final Logger LOG = LoggerFactory.getLogger(QuotaGate.class);
    private static final URI PRIVATE_ORIGIN = URI.create("http://gate.invalid");
    private static final AtomicLong PRIVATE_SCOPES = new AtomicLong();

    private final QuotaStore store;
    private final QuotaScope scope;
    private final Clock clock;
    private final Sleeper sleeper;
    private volatile QuotaLimits limits;

    QuotaGate(QuotaStore store, QuotaScope scope, QuotaLimits limits, Clock clock, Sleeper sleeper) {
        this.store = Objects.requireNonNull(store, "store");
        this.scope = Objects.requireNonNull(scope, "scope");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    /**
     * The gate of {@code apiKey} at {@code baseUri}'s origin on the JVM's store for {@code clock}
     * (see {@link QuotaRegistry}): every client of the key and origin on that time source shares
     * its ledger.
     */
    static QuotaGate shared(URI baseUri, String apiKey, QuotaPlan plan, Clock clock, Sleeper sleeper) {
        return on(QuotaRegistry.JVM.storeFor(clock), baseUri, apiKey, plan, clock, sleeper);
    }

    /** The gate of {@code apiKey} at {@code baseUri}'s origin on {@code store}. */
    static QuotaGate on(QuotaStore store, URI baseUri, String apiKey, QuotaPlan plan, Clock clock, Sleeper sleeper) {
        Objects.requireNonNull(plan, "plan");
        return new QuotaGate(store, QuotaScope.of(baseUri, apiKey), QuotaLimits.of(plan), clock, sleeper);
    }

    /**
     * A gate of its own, on a store shared with nobody: at most {@code permits} sends in any
     * {@code window + margin}, and at most {@code perDay} a day when given.
     *
     * @throws IllegalArgumentException when a figure is not positive or the margin is negative
     */
    static QuotaGate create(int permits, Duration window, OptionalInt perDay, Duration margin, Clock clock,
                            Sleeper sleeper) {
        Objects.requireNonNull(clock, "clock");
        QuotaLimits limits = new QuotaLimits(permits, window, margin, perDay);
        return new QuotaGate(LocalQuotaStore.create(clock),
                QuotaScope.of(PRIVATE_ORIGIN, "gate-" + PRIVATE_SCOPES.incrementAndGet()), limits, clock, sleeper);
    }

    /** As {@link #acquire(Duration, Duration)} with the {@link #DEFAULT_LEASE}. */
    Permit acquire(Duration maxWait) {
        return acquire(maxWait, DEFAULT_LEASE);
    }

    /**
     * Takes a permit for one request, waiting for its slot when needed. Release it with
     * {@link Permit#answered()} when the attempt ends, or {@link Permit#unsent()} when nothing was
     * sent after all.
     *
     * @param maxWait the longest the caller will wait
     * @param lease   how long after its slot the attempt may still be running
     * @throws QuotaExhaustedException        at once, when the daily cap is spent; nothing is recorded
     * @throws RateLimitWaitExceededException at once, when the next permit is further away than
     *                                        {@code maxWait} (with the wait needed), or when the
     *                                        thread is interrupted while waiting (its interrupt flag
     *                                        is set again); nothing is recorded
     * @throws io.nekorekten4j.ports.QuotaStoreUnavailableException when the store cannot be reached;
     *                                        nothing is sent
     */
    Permit acquire(Duration maxWait, Duration lease) {
        requireNotNegative(maxWait, "maxWait");
        requireNotNegative(lease, "lease");
        long start = 0;
        boolean first = true;
        Duration waited = Duration.ZERO;
        while (true) {
            // One reading per pass, the first one also the start: with maxWait zero a free permit is
            // taken, never refused because the clock moved between two readings; the budget left is
            // never negative (a sleeper that overslept still gets the slot it woke for).
            long now = nanos();
            if (first) {
                start = now;
                first = false;
            }
            Duration left = maxWait.minusNanos(now - start);
            if (left.isNegative()) {
                left = Duration.ZERO;
            }
            QuotaDecision decision = store.acquire(scope, limits, left, lease);
            if (decision instanceof QuotaDecision.Exhausted exhausted) {
                int cap = limits.perDay().orElse(0);
                throw new QuotaExhaustedException("the plan's daily quota of " + cap
                        + " requests is spent; it allows requests again at " + exhausted.resumesAt(),
                        ErrorContext.none(), exhausted.resumesAt());
            }
            if (decision instanceof QuotaDecision.TooFar tooFar) {
                throw new RateLimitWaitExceededException("the next request permit is " + tooFar.waitNeeded()
                        + " away, longer than the permit-wait timeout allows; nothing was sent",
                        ErrorContext.none(), tooFar.waitNeeded());
            }
            if (decision instanceof QuotaDecision.Wait wait) {
                sleepOrGiveUp(wait.atLeast(), null);
                waited = waited.plus(wait.atLeast());
                continue;
            }
            QuotaDecision.Granted granted = (QuotaDecision.Granted) decision;
            if (granted.delay().isZero()) {
                return new Permit(granted.permit(), waited);
            }
            sleepOrGiveUp(granted.delay(), granted.permit());
            waited = waited.plus(granted.delay());
            if (store.confirm(scope, granted.permit())) {
                return new Permit(granted.permit(), waited);
            }
            // A 429's pause began while we slept and covers the slot: the store dropped it; ask again.
        }
    }

    /**
     * Admits nothing until {@code retryAfter} from now, but never longer than
     * {@link RetryAfter#MAX_WAIT}: the service answered 429. Threads already waiting for a permit
     * inside that pause wait again when they wake.
     *
     * @param retryAfter how long the service asked to wait (already capped by {@link RetryAfter});
     *                   zero changes nothing
     */
    void penalise(Duration retryAfter) {
        requireNotNegative(retryAfter, "retryAfter");
        // A last guard for any caller: no pause, however it was computed, outlives a day.
        Duration pause = retryAfter.compareTo(RetryAfter.MAX_WAIT) > 0 ? RetryAfter.MAX_WAIT : retryAfter;
        try {
            store.penalise(scope, pause);
        } catch (QuotaStoreUnavailableException e) {
            // The caller is already on its way out with the 429; a store that cannot take the pause
            // now also cannot grant the next permit, which then fails typed.
            LOG.warn("could not record a {} pause in the quota store ({})", retryAfter, e.getMessage());
        }
    }

    /** Lowers the figures to {@code plan}'s where they are stricter; never raises them. */
    void tighten(QuotaPlan plan) {
        Objects.requireNonNull(plan, "plan");
        QuotaLimits asked = QuotaLimits.of(plan);
        synchronized (this) {
            limits = new QuotaLimits(Math.min(limits.permits(), asked.permits()), limits.window(), limits.margin(),
                    limits.stricter(asked).perDay());
        }
    }

    /**
     * What this gate would still admit now, as this JVM knows it: permits in the current window (none
     * while a 429's pause lasts), with a daily cap the requests left under it, and the wait a call
     * made now would face for its permit. Takes nothing. Empty for a store that
     * does not live in this JVM (Redis): reading its figures would cost a round trip per read.
     */
    Optional<RemainingQuota> remaining() {
        if (store instanceof LocalQuotaStore local) {
            return Optional.of(local.remaining(scope, limits));
        }
        return Optional.empty();
    }

    /** The store and scope this gate asks. */
    QuotaStore store() {
        return store;
    }

    /** The scope (origin and a hash of the key) this gate counts for. */
    QuotaScope scope() {
        return scope;
    }

    /** The figures, never anything about the key. */
    @Override
    public String toString() {
        QuotaLimits l = limits;
        return "QuotaGate[" + (l.permits() == UNLIMITED ? "no plan"
                : l.permits() + " per " + l.window() + " + " + l.margin() + " margin")
                + (l.perDay().isPresent() ? ", " + l.perDay().getAsInt()
                        + " per day (Sofia calendar day and rolling 24 h)" : "")
                + ", anchored on answers, store " + store.getClass().getSimpleName() + "]";
    }

    private void sleepOrGiveUp(Duration wait, QuotaPermit held) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            if (held != null) {
                forget(held);
            }
            Thread.currentThread().interrupt();
            throw new RateLimitWaitExceededException(
                    "interrupted while waiting for a request permit; nothing was sent", ErrorContext.none(), wait);
        } catch (RuntimeException | Error e) {
            if (held != null) {
                forget(held); // the caller will not send: the slot must not count
            }
            throw e;
        }
    }

    /** Gives back a permit that will not be used; a store that cannot take it back lets its lease end. */
    private void forget(QuotaPermit held) {
        try {
            store.release(scope, held, false);
        } catch (QuotaStoreUnavailableException e) {
            LOG.warn("could not give back an unused quota permit ({}); it counts until its lease ends",
                    e.getMessage());
        }
    }

    private long nanos() {
        java.time.Instant now = clock.instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    private static void requireNotNegative(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, got " + d);
        }
    }

    /**
     * A permit taken: release it exactly once when the attempt ends. Releasing twice does nothing.
     */
    final class Permit {
        private final QuotaPermit permit;
        private final Duration waited;
        private final AtomicBoolean released = new AtomicBoolean();

        private Permit(QuotaPermit permit, Duration waited) {
            this.permit = permit;
            this.waited = waited;
        }

        /**
         * How long the caller was made to wait: the sleeps planned for it, {@link Duration#ZERO}
         * when the permit was free (never the time spent asking the store).
         */
        Duration waited() {
            return waited;
        }

        /**
         * The attempt ended — its answer came back, or it failed or was abandoned after the request
         * may have gone out: the permit's window is anchored now.
         */
        void answered() {
            end(true);
        }

        /** Nothing was sent after all: the permit is forgotten. */
        void unsent() {
            end(false);
        }

        /** The store's permit. */
        QuotaPermit token() {
            return permit;
        }

        private void end(boolean sent) {
            if (!released.compareAndSet(false, true)) {
                return;
            }
            try {
                store.release(scope, permit, sent);
            } catch (RuntimeException e) {
                // The answer is already here: failing the call now would lose it. The store still
                // counts the permit as in flight, and as answered when its lease ends — the safe side.
                LOG.warn("could not release a quota permit ({}); it counts until its lease ends", e.toString());
            }
        }
    }
}
