package io.nekorekten4j.http;

import io.nekorekten4j.ports.ErrorContext;
import io.nekorekten4j.ports.QuotaExhaustedException;
import io.nekorekten4j.ports.QuotaPlan;
import io.nekorekten4j.ports.RateLimitWaitExceededException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The client-side quota of one API key: a sliding log of send instants that admits at most
 * {@code permits} requests in any {@code window + margin}, and an exact daily cap.
 *
 * <h2>Why a sliding log</h2>
 * The service's window is unknown: a calendar minute, a sliding 60 seconds or a token bucket.
 * Fixed cycles (Resilience4j's {@code RateLimiter}) can admit twice the limit across a cycle
 * boundary. A log of the last {@code permits} send instants admits a new send only when the oldest
 * of them is more than {@code window + margin} ago, so <em>no</em> window of that length ever
 * holds more than {@code permits} sends — which satisfies every one of the three server models —
 * while a burst of {@code permits} is still allowed at once. The margin (one second for plans)
 * absorbs what the client cannot see: differences in network latency between two sends, and the
 * server's clock granularity. {@code QuotaSimulationTest} shows that no margin gives 429s under
 * latency jitter and that one second gives none while using over 95 % of the allowed rate.
 *
 * <h2>How callers wait</h2>
 * {@link #acquire} reserves the earliest free slot under a short lock and then sleeps <em>outside</em>
 * the lock until that slot, so waiting threads never block each other; slots are handed out in
 * arrival order (first come, first served). A reservation counts as a send at once. A reservation
 * that would need a longer wait than the caller allows is never made.
 *
 * <h2>The daily cap</h2>
 * Sources disagree whether the plan's day is the calendar day in Sofia or a rolling 24 hours. To be
 * safe against both, a send is admitted only while fewer than {@code perDay} sends fall both in its
 * calendar day in {@code Europe/Sofia} <em>and</em> in the 24 hours before it. Once the cap is
 * spent, {@link #acquire} fails at once, without waiting and without I/O, with the earliest instant
 * at which both counts allow a send again (normally the next Sofia midnight).
 *
 * <h2>Sharing</h2>
 * {@link #shared} returns the one gate of an API key at a service origin in this JVM (see
 * {@link QuotaRegistry}): two clients built with the same key and origin share it; the same key
 * at another origin (a fake server, a second stub) has a gate of its own. The gate never holds
 * the key, not even its hash.
 *
 * <h2>The service's pauses</h2>
 * A 429 with {@code Retry-After} pauses the gate ({@link #penalise}); no pause outlives
 * {@link RetryAfter#MAX_WAIT}, and {@link #remaining} shows the wait a new call would face.
 *
 * <p>Everything reads the injected {@link Clock} and waits through the injected {@link Sleeper},
 * so a simulation drives the gate on virtual time. Thread safe.
 */
final class QuotaGate {

    /** The window of a plan's per-minute figure. */
    static final Duration MINUTE = Duration.ofMinutes(1);
    /** The safety margin added to a plan's minute: see the class comment and QuotaSimulationTest. */
    static final Duration PLAN_MARGIN = Duration.ofSeconds(1);
    /** The zone of the service, whose calendar day the daily cap is counted in. */
    static final ZoneId SOFIA = ZoneId.of("Europe/Sofia");
    /** The rolling day, counted as well as the calendar day. */
    static final Duration ROLLING_DAY = Duration.ofHours(24);
    /** The per-window figure of a gate without a plan: it keeps no log and only honours the service's pauses. */
    static final int UNLIMITED = Integer.MAX_VALUE;
    /**
     * No plan: what a client of a loopback origin (a fake server, a stub) gets when it names none.
     * Only the service's own 429 pauses hold it back.
     */
    static final QuotaPlan NO_PLAN = new QuotaPlan("none (loopback origin)", UNLIMITED, OptionalInt.empty());

    private final Duration window;
    private final Duration margin;
    private final Duration spacing;
    private final Clock clock;
    private final Sleeper sleeper;
    private final ReentrantLock lock = new ReentrantLock();

    // Guarded by lock. Both logs hold send instants (reservations included) in ascending order.
    private int permits;
    private OptionalInt perDay;
    private final ArrayDeque<Instant> recent = new ArrayDeque<>();
    private final ArrayDeque<Instant> daily = new ArrayDeque<>();
    private Instant penaltyUntil = Instant.MIN;

    private QuotaGate(int permits, Duration window, OptionalInt perDay, Duration margin, Clock clock,
                      Sleeper sleeper) {
        this.permits = permits;
        this.window = window;
        this.perDay = perDay;
        this.margin = margin;
        this.spacing = window.plus(margin);
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /**
     * The gate of {@code apiKey} at {@code origin} in this JVM, created with {@code plan} (its
     * per-minute figure over a minute plus {@link #PLAN_MARGIN}) on first use. When clients of one
     * key and origin name different plans, the gate keeps the stricter figures of all of them.
     *
     * @param origin  the service's origin ({@link QuotaRegistry#origin}): the same key at another
     *                origin has another gate
     * @param apiKey  the API key; only its SHA-256 is kept, by the registry
     * @param plan    the key's plan
     * @param clock   the time source
     * @param sleeper how waiting threads sleep
     */
    static QuotaGate shared(String origin, String apiKey, QuotaPlan plan, Clock clock, Sleeper sleeper) {
        return QuotaRegistry.JVM.gateFor(origin, apiKey, plan, clock, sleeper);
    }

    /**
     * A gate of its own, shared with nobody: at most {@code permits} sends in any
     * {@code window + margin}, and at most {@code perDay} a day when given.
     *
     * @throws IllegalArgumentException when a figure is not positive or the margin is negative
     */
    static QuotaGate create(int permits, Duration window, OptionalInt perDay, Duration margin, Clock clock,
                            Sleeper sleeper) {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(perDay, "perDay");
        Objects.requireNonNull(margin, "margin");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(sleeper, "sleeper");
        if (permits < 1) {
            throw new IllegalArgumentException("permits must be at least 1, got " + permits);
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive, got " + window);
        }
        if (perDay.isPresent() && perDay.getAsInt() < 1) {
            throw new IllegalArgumentException("perDay must be at least 1, got " + perDay.getAsInt());
        }
        if (margin.isNegative()) {
            throw new IllegalArgumentException("margin must not be negative, got " + margin);
        }
        return new QuotaGate(permits, window, perDay, margin, clock, sleeper);
    }

    /**
     * Takes a permit for one request, waiting for it when needed; the send counts from the instant
     * the permit is granted.
     *
     * @param maxWait the longest the caller will wait
     * @return how long the caller was made to wait: the sleeps planned for it, {@link Duration#ZERO}
     *         when the permit was free (never the time spent taking the lock or reading the clock)
     * @throws QuotaExhaustedException        at once, when the daily cap is spent; nothing is recorded
     * @throws RateLimitWaitExceededException at once, when the next permit is further away than
     *                                        {@code maxWait} (with the wait needed), or when the
     *                                        thread is interrupted while waiting (its interrupt flag
     *                                        is set again); nothing is recorded
     */
    Duration acquire(Duration maxWait) {
        Objects.requireNonNull(maxWait, "maxWait");
        if (maxWait.isNegative()) {
            throw new IllegalArgumentException("maxWait must not be negative, got " + maxWait);
        }
        Instant start = null;
        Duration waited = Duration.ZERO;
        while (true) {
            Instant now;
            Instant slot;
            lock.lock();
            try {
                // One reading per pass, the first one also the start: with maxWait zero a free permit
                // is taken, never refused because the clock moved between two readings.
                now = clock.instant();
                if (start == null) {
                    start = now;
                }
                Duration left = maxWait.minus(Duration.between(start, now));
                slot = reserve(now, left.isNegative() ? Duration.ZERO : left);
            } finally {
                lock.unlock();
            }
            if (!slot.isAfter(now)) {
                return waited;
            }
            try {
                sleeper.sleep(Duration.between(now, slot));
                waited = waited.plus(Duration.between(now, slot));
            } catch (InterruptedException e) {
                cancel(slot);
                Thread.currentThread().interrupt();
                throw new RateLimitWaitExceededException(
                        "interrupted while waiting for a request permit; nothing was sent", ErrorContext.none(),
                        Duration.between(now, slot));
            } catch (RuntimeException | Error e) {
                cancel(slot); // the caller will not send: the slot must not count
                throw e;
            }
            if (stillValid(slot)) {
                return waited;
            }
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
        Objects.requireNonNull(retryAfter, "retryAfter");
        if (retryAfter.isNegative()) {
            throw new IllegalArgumentException("retryAfter must not be negative, got " + retryAfter);
        }
        // A last guard for any caller: no pause, however it was computed, outlives a day.
        Duration pause = retryAfter.compareTo(RetryAfter.MAX_WAIT) > 0 ? RetryAfter.MAX_WAIT : retryAfter;
        lock.lock();
        try {
            Instant until = clock.instant().plus(pause);
            if (until.isAfter(penaltyUntil)) {
                penaltyUntil = until;
            }
        } finally {
            lock.unlock();
        }
    }

    /** Lowers the figures to {@code plan}'s where they are stricter; never raises them. */
    void tighten(QuotaPlan plan) {
        Objects.requireNonNull(plan, "plan");
        lock.lock();
        try {
            permits = Math.min(permits, plan.perMinute());
            if (plan.perDay().isPresent()
                    && (perDay.isEmpty() || plan.perDay().getAsInt() < perDay.getAsInt())) {
                perDay = plan.perDay();
            }
        } finally {
            lock.unlock();
        }
    }

    /** The sends admitted in any {@code window + margin}. */
    int permits() {
        lock.lock();
        try {
            return permits;
        } finally {
            lock.unlock();
        }
    }

    /** The daily cap, when there is one. */
    OptionalInt perDay() {
        lock.lock();
        try {
            return perDay;
        } finally {
            lock.unlock();
        }
    }

    /**
     * What this gate would still admit now: permits in the current window (none while a 429's pause
     * lasts) and, with a daily cap, requests left under it (the stricter of the Sofia day and the
     * rolling 24 hours). Reads only local state.
     */
    RemainingQuota remaining() {
        lock.lock();
        try {
            Instant now = clock.instant();
            prune(now);
            boolean paused = penaltyUntil.isAfter(now);
            int leftNow = paused ? 0 : Math.max(0, permits - recent.size());
            OptionalInt leftToday = OptionalInt.empty();
            if (perDay.isPresent()) {
                Instant dayStart = dayStart(now);
                Instant rollingStart = now.minus(ROLLING_DAY);
                int inDay = 0;
                int inRolling = 0;
                for (Instant sent : daily) {
                    if (!sent.isBefore(dayStart)) {
                        inDay++;
                    }
                    if (sent.isAfter(rollingStart)) {
                        inRolling++;
                    }
                }
                leftToday = OptionalInt.of(Math.max(0, perDay.getAsInt() - Math.max(inDay, inRolling)));
            }
            return new RemainingQuota(permits, leftNow, perDay, leftToday,
                    paused ? Optional.of(penaltyUntil) : Optional.empty(), Duration.between(now, nextSlot(now)));
        } finally {
            lock.unlock();
        }
    }

    /** The clock this gate reads. */
    Clock clock() {
        return clock;
    }

    /** The figures, never anything about the key. */
    @Override
    public String toString() {
        int p = permits();
        OptionalInt d = perDay();
        return "QuotaGate[" + (p == UNLIMITED ? "no plan" : p + " per " + window + " + " + margin + " margin")
                + (d.isPresent() ? ", " + d.getAsInt() + " per day (Sofia calendar day and rolling 24 h)" : "")
                + "]";
    }

    /** The earliest send a call made now could get, daily cap included; caller holds the lock and pruned. */
    private Instant nextSlot(Instant now) {
        Instant slot = earliestSlot(now);
        if (perDay.isPresent()) {
            Instant resumes = dailyResume(slot, perDay.getAsInt());
            if (resumes.isAfter(slot)) {
                return resumes;
            }
        }
        return slot;
    }

    /** Finds, checks and records the earliest slot; caller holds the lock. */
    private Instant reserve(Instant now, Duration budget) {
        prune(now);
        Instant slot = earliestSlot(now);
        if (perDay.isPresent()) {
            Instant resumes = dailyResume(slot, perDay.getAsInt());
            if (resumes.isAfter(slot)) {
                throw new QuotaExhaustedException("the plan's daily quota of " + perDay.getAsInt()
                        + " requests is spent; it allows requests again at " + resumes, ErrorContext.none(), resumes);
            }
        }
        Duration wait = Duration.between(now, slot);
        // The budget can be a hair below zero when the clock moved between the caller's two readings
        // (a zero permit wait on a real clock): a permit free now is still granted.
        if (wait.compareTo(budget.isNegative() ? Duration.ZERO : budget) > 0) {
            throw new RateLimitWaitExceededException("the next request permit is " + wait
                    + " away, longer than the permit-wait timeout allows; nothing was sent",
                    ErrorContext.none(), wait);
        }
        if (permits != UNLIMITED) {
            recent.addLast(slot);
        }
        if (perDay.isPresent()) {
            daily.addLast(slot);
        }
        return slot;
    }

    /** The earliest slot the pause and the sliding log allow, daily cap aside; caller holds the lock and pruned. */
    private Instant earliestSlot(Instant now) {
        Instant slot = now;
        if (penaltyUntil.isAfter(slot)) {
            slot = penaltyUntil;
        }
        if (!recent.isEmpty() && recent.peekLast().isAfter(slot)) {
            slot = recent.peekLast(); // first come, first served: never ahead of an earlier reservation
        }
        if (recent.size() >= permits) {
            Instant free = nthNewest(recent, permits).plus(spacing);
            if (free.isAfter(slot)) {
                slot = free;
            }
        }
        return slot;
    }

    /** Whether the slot survived the sleep; a penalty imposed meanwhile cancels it. */
    private boolean stillValid(Instant slot) {
        lock.lock();
        try {
            if (penaltyUntil.isAfter(slot)) {
                recent.removeLastOccurrence(slot);
                daily.removeLastOccurrence(slot);
                return false;
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    private void cancel(Instant slot) {
        lock.lock();
        try {
            recent.removeLastOccurrence(slot);
            daily.removeLastOccurrence(slot);
        } finally {
            lock.unlock();
        }
    }

    /** Drops sends that can no longer hold back a slot at {@code now} or later. */
    private void prune(Instant now) {
        Instant minuteHorizon = now.minus(spacing);
        while (!recent.isEmpty() && !recent.peekFirst().isAfter(minuteHorizon)) {
            recent.removeFirst();
        }
        Instant rollingHorizon = now.minus(ROLLING_DAY);
        Instant dayStart = dayStart(now);
        while (!daily.isEmpty() && !daily.peekFirst().isAfter(rollingHorizon)
                && daily.peekFirst().isBefore(dayStart)) {
            daily.removeFirst();
        }
    }

    /**
     * The earliest instant at or after {@code at} when fewer than {@code cap} logged sends fall both
     * in that instant's Sofia day and in the 24 hours before it ({@code at} itself when the cap
     * allows a send there).
     */
    private Instant dailyResume(Instant at, int cap) {
        Instant candidate = at;
        while (true) {
            Instant dayStart = dayStart(candidate);
            Instant rollingStart = candidate.minus(ROLLING_DAY);
            int inDay = 0;
            int inRolling = 0;
            for (Instant sent : daily) {
                if (!sent.isBefore(dayStart)) {
                    inDay++;
                }
                if (sent.isAfter(rollingStart)) {
                    inRolling++;
                }
            }
            if (inDay >= cap) {
                candidate = nextDayStart(candidate);
            } else if (inRolling >= cap) {
                // The send that must leave the rolling day, counted from its oldest member.
                candidate = nthOldestAfter(rollingStart, inRolling - cap + 1).plus(ROLLING_DAY);
            } else {
                return candidate;
            }
        }
    }

    private Instant nthOldestAfter(Instant after, int n) {
        int seen = 0;
        for (Instant sent : daily) {
            if (sent.isAfter(after) && ++seen == n) {
                return sent;
            }
        }
        throw new IllegalStateException("the daily log holds fewer than " + n + " sends after " + after);
    }

    private static Instant nthNewest(ArrayDeque<Instant> log, int n) {
        Iterator<Instant> newestFirst = log.descendingIterator();
        Instant sent = null;
        for (int i = 0; i < n; i++) {
            sent = newestFirst.next();
        }
        return sent;
    }

    static Instant dayStart(Instant at) {
        return at.atZone(SOFIA).toLocalDate().atStartOfDay(SOFIA).toInstant();
    }

    static Instant nextDayStart(Instant at) {
        return at.atZone(SOFIA).toLocalDate().plusDays(1).atStartOfDay(SOFIA).toInstant();
    }
}
