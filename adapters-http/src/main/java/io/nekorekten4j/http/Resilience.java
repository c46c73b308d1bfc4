package io.nekorekten4j.http;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.core.functions.Either;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.nekorekten4j.ports.CallTimeoutException;
import io.nekorekten4j.ports.NekorektenException;
import io.nekorekten4j.ports.ServiceUnavailableException;
import io.nekorekten4j.ports.TransportException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Our retry and circuit-breaker rules, expressed as Resilience4j {@link Retry} and
 * {@link CircuitBreaker} instances (one of each per client). No Resilience4j type leaves this
 * package.
 *
 * <p>Retry: Resilience4j counts the attempts and decides through an explicit predicate; the
 * predicate is method-aware (see {@link #plannedWait}). The wait itself goes through the client's
 * {@link Sleeper} — Resilience4j's own sleep is global to the JVM — so the interval function
 * sleeps and hands Resilience4j a zero interval.
 *
 * <p>Circuit breaker: a count-based window of {@code failureThreshold} calls, all of which must
 * have failed for the service's side (5xx, timeouts, transport failures) to open it; every other
 * outcome (4xx, 429, the daily quota, local refusals, unusable answers) is ignored.
 */
final class Resilience {

    private static final Logger LOG = LoggerFactory.getLogger(NekorektenHttp.class);

    /** Calls are never "slow" for the breaker: the call timeout already bounds them. */
    private static final Duration NEVER_SLOW = Duration.ofDays(365);

    private Resilience() {
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
    static Optional<Duration> plannedWait(String method, Outcome outcome, Optional<Duration> retryAfter, int attempt,
                                          Duration remaining, IntervalFunction backoff) {
        if (!retryable(method, outcome) || (outcome == Outcome.RATE_LIMITED && retryAfter.isEmpty())) {
            return Optional.empty();
        }
        Duration wait = retryAfter.orElseGet(() -> Duration.ofMillis(backoff.apply(attempt)));
        return wait.compareTo(remaining) < 0 ? Optional.of(wait) : Optional.empty();
    }

    /** Whether {@code method} may be repeated after {@code outcome}. */
    static boolean retryable(String method, Outcome outcome) {
        return switch (method) {
            case "GET", "PATCH", "DELETE" -> outcome != Outcome.FINAL;
            default -> outcome == Outcome.NOT_SENT;
        };
    }

    /** The backoff of {@code options}: exponential, capped, with jitter. */
    static IntervalFunction backoff(RetryOptions options) {
        return options.jitter() > 0
                ? IntervalFunction.ofExponentialRandomBackoff(options.initialBackoff(), options.multiplier(),
                        options.jitter(), options.maxBackoff())
                : IntervalFunction.ofExponentialBackoff(options.initialBackoff(), options.multiplier(),
                        options.maxBackoff());
    }

    /**
     * The client's {@link Retry}: it retries exactly the {@link AttemptFailure}s that planned a wait,
     * up to {@code maxAttempts}, and waits through {@code sleeper}.
     */
    static Retry retry(RetryOptions options, Sleeper sleeper) {
        Objects.requireNonNull(sleeper, "sleeper");
        RetryConfig config = RetryConfig.<Object>custom()
                .maxAttempts(options.maxAttempts())
                .retryOnException(failure -> failure instanceof AttemptFailure f && f.plannedWait().isPresent())
                .intervalBiFunction((Integer attempt, Either<Throwable, Object> outcome) -> {
                    if (outcome.isLeft() && outcome.getLeft() instanceof AttemptFailure f) {
                        waitFor(f, attempt, sleeper);
                    }
                    // We slept already; Resilience4j's own sleep (Thread.sleep, JVM-wide) gets zero.
                    return 0L;
                })
                .build();
        return Retry.of("nekorekten", config);
    }

    private static void waitFor(AttemptFailure failure, int attempt, Sleeper sleeper) {
        Duration wait = failure.plannedWait().orElse(Duration.ZERO);
        if (LOG.isDebugEnabled()) {
            LOG.debug("{}: attempt {} failed ({}); retrying in {} ms", failure.failure().context().describe(),
                    attempt, failure.failure().code(), wait.toMillis());
        }
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            // Keep the flag: Resilience4j then sees it, stops retrying and rethrows the last failure.
            Thread.currentThread().interrupt();
        }
    }

    /** The client's circuit breaker, or {@code null} when {@code options} disable it. */
    static CircuitBreaker circuitBreaker(CircuitBreakerOptions options, Clock clock) {
        if (!options.enabled()) {
            return null;
        }
        CircuitBreakerConfig config = CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(options.failureThreshold())
                .minimumNumberOfCalls(options.failureThreshold())
                .failureRateThreshold(100f)
                .slowCallDurationThreshold(NEVER_SLOW)
                .waitDurationInOpenState(options.openDuration())
                .permittedNumberOfCallsInHalfOpenState(options.halfOpenTrialCalls())
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                .recordException(Resilience::countsAgainstService)
                .ignoreException(failure -> !countsAgainstService(failure))
                .clock(clock)
                .build();
        CircuitBreaker breaker = CircuitBreaker.of("nekorekten", config);
        breaker.getEventPublisher().onStateTransition(event ->
                LOG.warn("nekorekten circuit breaker: {}", event.getStateTransition()));
        return breaker;
    }

    /** A 5xx answer, a timeout or a transport failure: the failures that open the circuit. */
    static boolean countsAgainstService(Throwable failure) {
        return failure instanceof ServiceUnavailableException || failure instanceof CallTimeoutException
                || failure instanceof TransportException;
    }

    /**
     * The failure of one attempt, on its way through the {@link Retry}: the exception the caller
     * will see, and the wait before another attempt when one is allowed. Never leaves the chain.
     */
    static final class AttemptFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final transient NekorektenException failure;
        private final transient Optional<Duration> plannedWait;

        AttemptFailure(NekorektenException failure, Optional<Duration> plannedWait) {
            super(null, null, false, false);
            this.failure = failure;
            this.plannedWait = plannedWait;
        }

        /** The exception the caller sees if this was the last attempt. */
        NekorektenException failure() {
            return failure;
        }

        /** The wait before the next attempt; empty when no retry is allowed. */
        Optional<Duration> plannedWait() {
            return plannedWait;
        }
    }
}
