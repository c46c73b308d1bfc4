package io.nekorekten4j.http;

import io.nekorekten4j.ports.ErrorContext;
import io.nekorekten4j.ports.QuotaExhaustedException;
import io.nekorekten4j.ports.QuotaStoreUnavailableException;
import io.nekorekten4j.ports.RateLimitWaitExceededException;
import io.nekorekten4j.ports.RateLimitedException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * The quota step: each attempt, retries included, takes a permit of the key's plan from its
 * {@link QuotaGate}, waiting up to the call's permit wait (and never past its deadline), or fails
 * at once with the rate-limit error. The permit's window starts when the attempt ends; a 429's
 * {@code Retry-After} pauses the key's gate for every caller.
 */
final class QuotaPolicy implements Pipeline.Step {

    /** Added to a permit's lease beyond the call's deadline: the watchdog may end the exchange a little late. */
    private static final Duration LEASE_SLACK = Duration.ofSeconds(5);

    private final Function<String, QuotaGate> gates;
    private final Pipeline.Settings settings;
    private final AtomicReference<QuotaGate> lastGate = new AtomicReference<>();

    /**
     * @param gates    the quota gate of a key
     * @param settings the plan, for messages
     */
    QuotaPolicy(Function<String, QuotaGate> gates, Pipeline.Settings settings) {
        this.gates = Objects.requireNonNull(gates, "gates");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public <T> T handle(Pipeline.Link<T> link) {
        CallRun<T> run = link.run();
        ErrorContext before = run.stamped();
        Duration remaining = run.remaining();
        QuotaGate gate = gates.apply(run.key());
        // The permit's lease: the attempt cannot outlive the call's deadline (plus slack for the watchdog).
        QuotaGate.Permit permit = take(gate, run, before, min(run.limits().permitWaitTimeout(), remaining),
                remaining.plus(LEASE_SLACK));
        try {
            return link.proceed();
        } catch (RateLimitedException e) {
            e.retryAfter().ifPresent(gate::penalise);
            throw e;
        } finally {
            // The answer came back, or the attempt ended without one: the permit's window starts now.
            permit.answered();
        }
    }

    /** Tells the step the gate of a fixed key before its first call, so its quota can be read at once. */
    void knownGate(QuotaGate gate) {
        lastGate.compareAndSet(null, Objects.requireNonNull(gate, "gate"));
    }

    /** The local view of the quota of the key used last. */
    Optional<RemainingQuota> remaining() {
        return Optional.ofNullable(lastGate.get()).flatMap(QuotaGate::remaining);
    }

    private QuotaGate.Permit take(QuotaGate gate, CallRun<?> run, ErrorContext context, Duration maxWait,
                                  Duration lease) {
        int attempt = run.attempt();
        CallTrace trace = run.trace();
        try {
            lastGate.set(gate);
            QuotaGate.Permit permit = gate.acquire(maxWait, lease);
            trace.permitGranted(attempt, permit.waited());
            return permit;
        } catch (QuotaStoreUnavailableException e) {
            trace.permitRefused(attempt, PermitRefusal.STORE_UNAVAILABLE);
            throw new QuotaStoreUnavailableException("The shared quota store could not grant a request permit; "
                    + CallProgress.sentence(run.progress().outcome()), context, e);
        } catch (RateLimitWaitExceededException e) {
            trace.permitRefused(attempt, PermitRefusal.WAIT_EXCEEDED);
            throw new RateLimitWaitExceededException("No request permit within " + maxWait
                    + " under the quota plan " + settings.quota().name() + "; "
                    + CallProgress.sentence(run.progress().outcome()), context, e.waitNeeded());
        } catch (QuotaExhaustedException e) {
            trace.permitRefused(attempt, PermitRefusal.DAILY_CAP);
            throw new QuotaExhaustedException("The plan's daily quota is spent; "
                    + CallProgress.sentence(run.progress().outcome()), context, e.resetsAt().orElse(null));
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
