package io.nekorekten4j.http;

import io.nekorekten4j.ports.NekorektenException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The retry step, which both decides and waits: it runs the rest of the pipeline (quota and
 * transport) as attempt after attempt, until one answers, a failure may not be repeated, the
 * attempts of {@link RetryOptions} are spent (a call whose {@link CallLimits} forbid retries makes
 * one), or the wait would outlast the call timeout. The
 * rules are method-aware (see {@link #plannedWait}); waits go through the client's
 * {@link Sleeper}, so a {@link VirtualTime} runs them on virtual time.
 *
 * <p>The transport step judges each failure it throws ({@link CallRun#judged}); a failure it did not
 * judge — a refused quota permit, a user's policy's own exception — is never retried.
 */
final class RetryPolicy implements Pipeline.Step {

    private static final Logger LOG = LoggerFactory.getLogger(NekorektenHttp.class);

    private final RetryOptions options;
    private final Sleeper sleeper;

    RetryPolicy(RetryOptions options, Sleeper sleeper) {
        this.options = Objects.requireNonNull(options, "options");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    @Override
    public <T> T handle(Pipeline.Link<T> link) {
        CallRun<T> run = link.run();
        while (true) {
            try {
                return link.proceed();
            } catch (NekorektenException failure) {
                run.progress().failed(failure);
                int attempt = run.attempt();
                boolean spent = attempt >= options.maxAttempts() || !run.limits().retries();
                Optional<Duration> wait = spent ? Optional.empty()
                        : plannedWait(run.call().method(), run.verdictOn(failure), attempt, run.remaining());
                if (wait.isEmpty()) {
                    throw failure;
                }
                if (LOG.isDebugEnabled()) {
                    LOG.debug("{}: attempt {} failed ({}); retrying in {} ms", failure.context().describe(),
                            attempt, failure.code(), wait.get().toMillis());
                }
                try {
                    sleeper.sleep(wait.get());
                } catch (InterruptedException e) {
                    // Keep the flag for the caller; stop retrying and report the last failure.
                    Thread.currentThread().interrupt();
                    throw failure;
                }
            }
        }
    }

    /**
     * The wait before the next attempt, or empty when this failure must not be retried.
     *
     * <ul>
     *   <li>{@code GET}, {@code PATCH}, {@code DELETE}: after {@link Outcome#NOT_SENT},
     *       {@link Outcome#BROKEN}, {@link Outcome#TIMEOUT}, {@link Outcome#SERVER_ERROR}, and
     *       {@link Outcome#RATE_LIMITED} when the service named a {@code Retry-After};</li>
     *   <li>{@code POST} (and any other method): after {@link Outcome#NOT_SENT} only — a report
     *       filed twice would be seen by every merchant;</li>
     *   <li>the wait is the service's {@code Retry-After} when it gave one, else the backoff; when
     *       it would not end before the call's budget does, there is no retry.</li>
     * </ul>
     *
     * @param attempt the number of the attempt that failed, from 1
     */
    Optional<Duration> plannedWait(String method, Verdict verdict, int attempt, Duration remaining) {
        Outcome outcome = verdict.outcome();
        if (!retryable(method, outcome) || (outcome == Outcome.RATE_LIMITED && verdict.retryAfter().isEmpty())) {
            return Optional.empty();
        }
        Duration wait = verdict.retryAfter().orElseGet(() -> backoff(attempt));
        return wait.compareTo(remaining) < 0 ? Optional.of(wait) : Optional.empty();
    }

    /** Whether {@code method} may be repeated after {@code outcome}. */
    static boolean retryable(String method, Outcome outcome) {
        return switch (method) {
            case "GET", "PATCH", "DELETE" -> outcome != Outcome.FINAL;
            default -> outcome == Outcome.NOT_SENT;
        };
    }

    /**
     * The backoff after attempt {@code attempt}: {@code initialBackoff × multiplier^(attempt-1)},
     * capped at {@code maxBackoff}, then spread uniformly by ± {@code jitter} of itself.
     */
    Duration backoff(int attempt) {
        double base = options.initialBackoff().toMillis() * Math.pow(options.multiplier(), attempt - 1);
        double capped = Math.min(base, options.maxBackoff().toMillis());
        double spread = options.jitter() * capped;
        double wait = spread == 0 ? capped : capped - spread + ThreadLocalRandom.current().nextDouble() * 2 * spread;
        return Duration.ofMillis(Math.round(wait));
    }

    /** What an attempt's failure means for a retry. */
    enum Outcome {
        /** The connection never opened: the service saw nothing. */
        NOT_SENT,
        /** The connection broke after the request may have been sent. */
        BROKEN,
        /** No answer in time. */
        TIMEOUT,
        /** A 5xx answer. */
        SERVER_ERROR,
        /** A 429 answer. */
        RATE_LIMITED,
        /** Anything a retry cannot help with. */
        FINAL
    }

    /**
     * How the transport judged a failure: what it means for a retry, and the service's
     * {@code Retry-After}, if any.
     */
    record Verdict(NekorektenException failure, Outcome outcome, Optional<Duration> retryAfter) {
        Verdict {
            Objects.requireNonNull(failure, "failure");
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(retryAfter, "retryAfter");
        }
    }
}
