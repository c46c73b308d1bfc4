package io.nekorekten4j.http;

import io.nekorekten4j.ports.ServiceFacts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The default {@link QuotaStore}: counts in this JVM, on the client's clock. It enforces the rule
 * stated in {@link QuotaStore} exactly, with a short lock per scope; the Redis store enforces the
 * same rule, in one Lua script, for all instances.
 *
 * <p>When clients of one scope name different plans, the stricter figures hold (the lower
 * per-minute count, the lower daily cap; a cap beats none): a key has one plan at the service.
 * Ledgers are kept for the life of the store: a client rebuilt with the same key must not forget
 * the sends of the last minute and of the day. Thread safe.
 */
public final class LocalQuotaStore implements QuotaStore {

    /** The rolling day, counted as well as the calendar day. */
    public static final Duration ROLLING_DAY = Duration.ofHours(24);

    private final Clock clock;
    private final ConcurrentMap<QuotaScope, Ledger> ledgers = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    private LocalQuotaStore(Clock clock) {
        this.clock = clock;
    }

    /** The store every client on the system clock in this JVM shares unless told otherwise. */
    public static LocalQuotaStore jvm() {
        return QuotaRegistry.JVM.storeFor(Clock.systemUTC());
    }

    /** A store of its own, shared with nobody, on {@code clock}. */
    public static LocalQuotaStore create(Clock clock) {
        return new LocalQuotaStore(Objects.requireNonNull(clock, "clock"));
    }

    /** The clock this store decides on. */
    public Clock clock() {
        return clock;
    }

    @Override
    public QuotaDecision acquire(QuotaScope scope, QuotaLimits limits, Duration maxWait, Duration lease) {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(limits, "limits");
        requireNotNegative(maxWait, "maxWait");
        requireNotNegative(lease, "lease");
        Ledger ledger = ledgers.computeIfAbsent(scope, s -> new Ledger());
        ledger.lock.lock();
        try {
            return ledger.acquire(clock.instant(), limits, maxWait, lease, "p" + ids.incrementAndGet());
        } finally {
            ledger.lock.unlock();
        }
    }

    @Override
    public boolean confirm(QuotaScope scope, QuotaPermit permit) {
        Objects.requireNonNull(permit, "permit");
        Ledger ledger = ledgers.get(Objects.requireNonNull(scope, "scope"));
        if (ledger == null) {
            return true;
        }
        ledger.lock.lock();
        try {
            return ledger.confirm(permit.id());
        } finally {
            ledger.lock.unlock();
        }
    }

    @Override
    public void release(QuotaScope scope, QuotaPermit permit, boolean sent) {
        Objects.requireNonNull(permit, "permit");
        Ledger ledger = ledgers.get(Objects.requireNonNull(scope, "scope"));
        if (ledger == null) {
            return;
        }
        ledger.lock.lock();
        try {
            ledger.release(permit.id(), sent, clock.instant());
        } finally {
            ledger.lock.unlock();
        }
    }

    @Override
    public void penalise(QuotaScope scope, Duration retryAfter) {
        requireNotNegative(retryAfter, "retryAfter");
        Ledger ledger = ledgers.computeIfAbsent(Objects.requireNonNull(scope, "scope"), s -> new Ledger());
        ledger.lock.lock();
        try {
            Instant until = clock.instant().plus(retryAfter);
            if (until.isAfter(ledger.penaltyUntil)) {
                ledger.penaltyUntil = until;
            }
        } finally {
            ledger.lock.unlock();
        }
    }

    /**
     * What {@code scope}'s ledger would still admit now under {@code asked} (or the stricter figures
     * in force): permits free in the current window without waiting (none while a 429's pause lasts,
     * permits in flight counting as used) and requests left under the daily cap.
     */
    RemainingQuota remaining(QuotaScope scope, QuotaLimits asked) {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(asked, "asked");
        Ledger ledger = ledgers.computeIfAbsent(scope, s -> new Ledger());
        ledger.lock.lock();
        try {
            return ledger.remaining(clock.instant(), asked);
        } finally {
            ledger.lock.unlock();
        }
    }

    /** The figures in force for {@code scope} (the stricter of all asked with), when it was used. */
    QuotaLimits limits(QuotaScope scope) {
        Ledger ledger = ledgers.get(scope);
        if (ledger == null) {
            return null;
        }
        ledger.lock.lock();
        try {
            return ledger.limits;
        } finally {
            ledger.lock.unlock();
        }
    }

    /** The figures only, never a scope. */
    @Override
    public String toString() {
        return "LocalQuotaStore[" + ledgers.size() + " scopes]";
    }

    private static void requireNotNegative(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, got " + d);
        }
    }

    /** The state of one scope. Every method is called with {@link #lock} held. */
    private static final class Ledger {
        final ReentrantLock lock = new ReentrantLock();
        QuotaLimits limits;
        /** Permits in flight: id → slot and lease end. */
        final Map<String, Open> open = new HashMap<>();
        /** Anchors of answered permits, ascending. */
        final List<Instant> anchors = new ArrayList<>();
        /** Slots of every permit that counts for the day (in flight or answered), ascending. */
        final List<Instant> daily = new ArrayList<>();
        Instant penaltyUntil = Instant.MIN;

        QuotaDecision acquire(Instant now, QuotaLimits asked, Duration maxWait, Duration lease, String id) {
            limits = limits == null ? asked : limits.stricter(asked);
            expireLeases(now);
            prune(now, limits.spacing());
            Earliest earliest = earliest(now, limits);
            Instant slot = earliest.slot;
            if (limits.perDay().isPresent()) {
                Instant resumes = dailyResume(slot, limits.perDay().getAsInt());
                if (resumes.isAfter(slot)) {
                    return new QuotaDecision.Exhausted(resumes);
                }
            }
            Duration wait = Duration.between(now, slot);
            if (wait.compareTo(maxWait) > 0) {
                return new QuotaDecision.TooFar(wait);
            }
            if (earliest.blockedInFlight) {
                return new QuotaDecision.Wait(wait);
            }
            open.put(id, new Open(slot, slot.plus(lease)));
            insertSorted(daily, slot);
            return new QuotaDecision.Granted(new QuotaPermit(id, slot), wait);
        }

        /**
         * The earliest slot the pause, the permits in flight and the answered ones allow, daily cap
         * aside; whether a permit still in flight holds it back (then it is a lower bound).
         * Expired leases and pruned logs first.
         */
        private Earliest earliest(Instant now, QuotaLimits limits) {
            Duration spacing = limits.spacing();
            Instant slot = now;
            if (penaltyUntil.isAfter(slot)) {
                slot = penaltyUntil;
            }
            for (Open o : open.values()) {
                if (o.slot.isAfter(slot)) {
                    slot = o.slot; // first come, first served: never ahead of an earlier permit
                }
            }
            int permits = limits.permits();
            boolean blockedInFlight = false;
            if (open.size() + anchors.size() >= permits) {
                Instant free;
                if (open.size() >= permits) {
                    // The permits-th newest is still in flight: its anchor is unknown but no earlier
                    // than its slot, nor than now.
                    List<Instant> lowerBounds = new ArrayList<>(open.size());
                    for (Open o : open.values()) {
                        lowerBounds.add(o.slot.isAfter(now) ? o.slot : now);
                    }
                    lowerBounds.sort(Collections.reverseOrder());
                    free = lowerBounds.get(permits - 1).plus(spacing);
                    blockedInFlight = true;
                } else {
                    free = anchors.get(anchors.size() - (permits - open.size())).plus(spacing);
                }
                if (free.isAfter(slot)) {
                    slot = free;
                }
            }
            return new Earliest(slot, blockedInFlight);
        }

        RemainingQuota remaining(Instant now, QuotaLimits asked) {
            QuotaLimits in = limits == null ? asked : limits.stricter(asked);
            expireLeases(now);
            prune(now, in.spacing());
            boolean paused = penaltyUntil.isAfter(now);
            int permits = in.permits();
            int leftNow = paused ? 0 : Math.max(0, permits - open.size() - anchors.size());
            OptionalInt leftToday = OptionalInt.empty();
            if (in.perDay().isPresent()) {
                Instant dayStart = ServiceFacts.dayStart(now);
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
                leftToday = OptionalInt.of(Math.max(0, in.perDay().getAsInt() - Math.max(inDay, inRolling)));
            }
            // The wait a call made now would face: until the earliest slot, or until a spent daily cap
            // allows requests again (a lower bound while permits in flight hold the slot back).
            Instant next = earliest(now, in).slot;
            if (in.perDay().isPresent()) {
                Instant resumes = dailyResume(next, in.perDay().getAsInt());
                if (resumes.isAfter(next)) {
                    next = resumes;
                }
            }
            return new RemainingQuota(permits, leftNow, in.perDay(), leftToday,
                    paused ? Optional.of(penaltyUntil) : Optional.empty(), Duration.between(now, next));
        }

        boolean confirm(String id) {
            Open o = open.get(id);
            if (o == null || !penaltyUntil.isAfter(o.slot)) {
                return true;
            }
            open.remove(id);
            daily.remove(o.slot);
            return false;
        }

        void release(String id, boolean sent, Instant now) {
            Open o = open.remove(id);
            if (o == null) {
                return; // released before, or its lease ended and it was anchored then
            }
            if (sent && limits.permits() == Integer.MAX_VALUE) {
                return; // no plan (a loopback origin): only the service's pauses count, no log is kept
            }
            if (sent) {
                insertSorted(anchors, now.isAfter(o.slot) ? now : o.slot);
            } else {
                daily.remove(o.slot);
            }
        }

        /** Permits whose lease ended count as answered at the lease's end. */
        private void expireLeases(Instant now) {
            open.entrySet().removeIf(e -> {
                if (e.getValue().leaseUntil.isAfter(now)) {
                    return false;
                }
                insertSorted(anchors, e.getValue().leaseUntil);
                return true;
            });
        }

        /** Drops what can no longer hold back a slot at {@code now} or later. */
        private void prune(Instant now, Duration spacing) {
            Instant horizon = now.minus(spacing);
            int drop = 0;
            while (drop < anchors.size() && !anchors.get(drop).isAfter(horizon)) {
                drop++;
            }
            anchors.subList(0, drop).clear();
            Instant rollingHorizon = now.minus(ROLLING_DAY);
            Instant dayStart = ServiceFacts.dayStart(now);
            drop = 0;
            while (drop < daily.size() && !daily.get(drop).isAfter(rollingHorizon)
                    && daily.get(drop).isBefore(dayStart)) {
                drop++;
            }
            daily.subList(0, drop).clear();
        }

        /**
         * The earliest instant at or after {@code at} when fewer than {@code cap} counted slots
         * fall both in that instant's Sofia day and in the 24 hours before it.
         */
        private Instant dailyResume(Instant at, int cap) {
            Instant candidate = at;
            while (true) {
                Instant dayStart = ServiceFacts.dayStart(candidate);
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
                    candidate = ServiceFacts.nextDayStart(candidate);
                } else if (inRolling >= cap) {
                    // The slot that must leave the rolling day, counted from its oldest member.
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
            throw new IllegalStateException("the daily log holds fewer than " + n + " slots after " + after);
        }

        private static void insertSorted(List<Instant> list, Instant value) {
            int at = Collections.binarySearch(list, value);
            list.add(at >= 0 ? at : -at - 1, value);
        }
    }

    private record Open(Instant slot, Instant leaseUntil) {
    }

    private record Earliest(Instant slot, boolean blockedInFlight) {
    }
}
