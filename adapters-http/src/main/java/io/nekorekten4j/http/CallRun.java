package io.nekorekten4j.http;

import io.nekorekten4j.ports.CallTimeoutException;
import io.nekorekten4j.ports.ErrorContext;
import io.nekorekten4j.ports.NekorektenException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The state of one call on its way through the {@link Pipeline}, shared by its built-in steps and
 * never shown to a user's policy: the call, its observation, its deadline, what its attempts did,
 * the current attempt and its key, and how the transport judged the last failure for a retry.
 * Used by the calling thread only (retries run on it too).
 *
 * @param <T> what the call yields
 */
final class CallRun<T> {

    private final Pipeline.Call<T> call;
    private final Clock clock;
    private CallLimits limits;
    private final Supplier<String> apiKey;
    private final ErrorContext context;
    private final CallProgress progress = new CallProgress();
    private CallTrace trace = CallTrace.NONE;
    private Instant deadline;
    private int attempt;
    private String attemptKey;
    private RetryPolicy.Verdict verdict;
    private Optional<RequestBody> body;

    CallRun(Pipeline.Call<T> call, Clock clock, CallLimits limits, Supplier<String> apiKey) {
        this.call = Objects.requireNonNull(call, "call");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
        this.context = ErrorContext.of(call.method(), call.path());
    }

    Pipeline.Call<T> call() {
        return call;
    }

    /** The call's observation; {@link CallTrace#NONE} until the observation step starts one. */
    CallTrace trace() {
        return trace;
    }

    void observedBy(CallTrace trace) {
        this.trace = Objects.requireNonNull(trace, "trace");
    }

    CallProgress progress() {
        return progress;
    }

    /** The call's error context stamped with what its attempts did so far. */
    ErrorContext stamped() {
        return progress.stamp(context);
    }

    /** What this call may spend: call timeout, permit wait, retries (a view's options over the client's). */
    CallLimits limits() {
        return limits;
    }

    /**
     * Runs the rest of the call under {@code limits} (the cache step's second try on the call's own
     * limits, see {@link OwnLimits}); only before the call's deadline has started.
     */
    void limitedTo(CallLimits limits) {
        if (deadline != null) {
            throw new IllegalStateException("the call's deadline has started: its limits are fixed");
        }
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /**
     * What is left of the call timeout. The clock starts when a step first asks — the retry step,
     * past the cache and the breaker — so a wait for a shared cache entry is not charged to it
     * (the cache bounds that wait itself).
     */
    Duration remaining() {
        if (deadline == null) {
            deadline = clock.instant().plus(limits.callTimeout());
        }
        return Duration.between(clock.instant(), deadline);
    }

    /** The current attempt, from 1; 0 before the first. */
    int attempt() {
        return attempt;
    }

    /**
     * The pipeline passes the retry stage: the next attempt begins. Every attempt, whoever
     * retries, starts inside the call's deadline and reads the key afresh (so rotation works).
     *
     * @throws CallTimeoutException when the call timeout has passed
     */
    void beginAttempt() {
        attempt++;
        attemptKey = null;
        trace.attempt(attempt);
        Duration left = remaining();
        if (left.isNegative() || left.isZero()) {
            throw new CallTimeoutException("The call timeout of " + limits.callTimeout() + " passed before attempt "
                    + attempt
                    + "; " + CallProgress.sentence(progress.outcome()), stamped(), null);
        }
    }

    /** The key of the current attempt, read once per attempt: the quota and the request use the same. */
    String key() {
        if (attemptKey == null) {
            attemptKey = apiKey.get();
        }
        return attemptKey;
    }

    /** The request body, built once for all attempts when the transport first needs it. */
    Optional<RequestBody> body() {
        if (body == null) {
            body = Objects.requireNonNull(call.body().get(), "body");
        }
        return body;
    }

    /** The transport's judgement of {@code failure}, which it is about to throw, for the retry step. */
    void judged(NekorektenException failure, RetryPolicy.Outcome outcome, Optional<Duration> retryAfter) {
        this.verdict = new RetryPolicy.Verdict(failure, outcome, retryAfter);
    }

    /**
     * How the transport judged {@code failure}; {@link RetryPolicy.Outcome#FINAL} for a failure it
     * did not judge (a refused permit, a user's policy's own exception): never retried.
     */
    RetryPolicy.Verdict verdictOn(NekorektenException failure) {
        RetryPolicy.Verdict last = verdict;
        return last != null && last.failure() == failure ? last
                : new RetryPolicy.Verdict(failure, RetryPolicy.Outcome.FINAL, Optional.empty());
    }
}
