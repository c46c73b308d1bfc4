package io.nekorekten4j.fake;

import io.nekorekten4j.ports.ErrorContext;
import io.nekorekten4j.ports.QuotaPlan;
import io.nekorekten4j.ports.ServiceFacts;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The simulated quota of the service, per account (that is, per API key):
 * <ul>
 *   <li><b>per minute — a sliding 60-second log</b>: a call at {@code t} is admitted when fewer than
 *       {@code perMinute} calls were admitted in {@code (t − 60 s, t]}; otherwise it is refused
 *       with {@code retryAfter} = the time until the oldest of them leaves the window, after which
 *       the same call is admitted. The strictest of the window models the service may use
 *       (calendar minute, sliding window, token bucket): a client that never trips it trips none.</li>
 *   <li><b>per day — the calendar day in Europe/Sofia</b>: at most {@code perDay} admitted calls
 *       between two Sofia midnights; otherwise refused with {@code resetsAt} = the next Sofia
 *       midnight. Checked before the minute: a spent day is the longer wait.</li>
 * </ul>
 * Every operation costs one call, a one-of search included. Refused calls take no slot.
 *
 * <p>Thread safe: each account's usage is guarded by its own monitor.
 */
final class SimulatedQuota {

    /** The service's time zone: the day of a daily quota. */
    private static final Duration WINDOW = Duration.ofSeconds(60);

    private final Optional<QuotaPlan> plan;
    private final Map<String, Usage> usage = new ConcurrentHashMap<>();

    /** A gate enforcing {@code plan}, or admitting everything when it is empty. */
    SimulatedQuota(Optional<QuotaPlan> plan) {
        this.plan = plan;
    }

    /** The plan, when quota simulation is on. */
    Optional<QuotaPlan> plan() {
        return plan;
    }

    /**
     * Admits a call of {@code account} at {@code now}, or throws.
     *
     * @throws io.nekorekten4j.ports.QuotaExhaustedException when the day's calls are spent
     * @throws io.nekorekten4j.ports.RateLimitedException    when the last 60 seconds' calls are spent
     */
    void admit(Account account, Instant now, ErrorContext request) {
        if (plan.isEmpty()) {
            return;
        }
        usage.computeIfAbsent(account.id(), id -> new Usage()).admit(plan.get(), now, request);
    }

    /** Forgets all usage. */
    void clear() {
        usage.clear();
    }

    /** One account's admitted calls. */
    private static final class Usage {
        private final ArrayDeque<Instant> lastMinute = new ArrayDeque<>();
        private LocalDate day;
        private int callsToday;

        synchronized void admit(QuotaPlan plan, Instant now, ErrorContext request) {
            LocalDate today = ServiceFacts.serviceDay(now);
            if (!today.equals(day)) {
                day = today;
                callsToday = 0;
            }
            if (plan.perDay().isPresent() && callsToday >= plan.perDay().getAsInt()) {
                throw ServiceExceptions.quotaExhausted(request, plan, ServiceFacts.nextDayStart(now));
            }
            Instant windowStart = now.minus(WINDOW);
            while (!lastMinute.isEmpty() && !lastMinute.peekFirst().isAfter(windowStart)) {
                lastMinute.pollFirst();
            }
            if (lastMinute.size() >= plan.perMinute()) {
                Duration retryAfter = Duration.between(now, lastMinute.peekFirst().plus(WINDOW));
                throw ServiceExceptions.rateLimited(request, plan, retryAfter);
            }
            lastMinute.addLast(now);
            callsToday++;
        }
    }
}
