package io.nekorekten4j.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * When {@link NekorektenHttp} stops calling a failing service for a while.
 *
 * <p>After {@code failureThreshold} consecutive calls that failed for the service's side — a 5xx
 * answer, a timeout, a broken or refused connection — the circuit opens: for {@code openDuration}
 * every call fails at once with {@link io.nekorekten4j.ports.CircuitOpenException}, sending
 * nothing and spending no quota. Then {@code halfOpenTrialCalls} trial calls go through; if they
 * succeed the circuit closes, if one fails it opens again. Answers that are the caller's or the
 * key's business (4xx, 429, the daily quota, the local rate-limit gate) never open it. A call
 * counts once, however many times it was retried.
 *
 * @param enabled            whether there is a circuit breaker at all
 * @param failureThreshold   consecutive failed calls that open the circuit
 * @param openDuration       how long it stays open
 * @param halfOpenTrialCalls calls let through to test a service that was failing
 */
public record CircuitBreakerOptions(boolean enabled, int failureThreshold, Duration openDuration,
                                    int halfOpenTrialCalls) {

    private static final CircuitBreakerOptions DEFAULTS = builder().build();
    private static final CircuitBreakerOptions DISABLED =
            new CircuitBreakerOptions(false, 5, Duration.ofSeconds(30), 1);

    /** Checks every figure and reports each bad one at once. */
    public CircuitBreakerOptions {
        Objects.requireNonNull(openDuration, "openDuration");
        List<String> problems = new ArrayList<>();
        if (failureThreshold < 1) {
            problems.add("failureThreshold must be at least 1, got " + failureThreshold);
        }
        if (openDuration.isNegative() || openDuration.isZero()) {
            problems.add("openDuration must be positive, got " + openDuration);
        }
        if (halfOpenTrialCalls < 1) {
            problems.add("halfOpenTrialCalls must be at least 1, got " + halfOpenTrialCalls);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Invalid circuit-breaker options: " + String.join("; ", problems));
        }
    }

    /** Opens after 5 consecutive failures, stays open 30 s, then lets 1 trial call through. */
    public static CircuitBreakerOptions defaults() {
        return DEFAULTS;
    }

    /** No circuit breaker: every call is attempted. */
    public static CircuitBreakerOptions disabled() {
        return DISABLED;
    }

    /** A builder starting from {@link #defaults()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link CircuitBreakerOptions}; starts from the defaults. */
    public static final class Builder {
        private int failureThreshold = 5;
        private Duration openDuration = Duration.ofSeconds(30);
        private int halfOpenTrialCalls = 1;

        private Builder() {
        }

        /** Consecutive failed calls that open the circuit (default 5). */
        public Builder failureThreshold(int failureThreshold) {
            this.failureThreshold = failureThreshold;
            return this;
        }

        /** How long the circuit stays open (default 30 s). */
        public Builder openDuration(Duration openDuration) {
            this.openDuration = Objects.requireNonNull(openDuration, "openDuration");
            return this;
        }

        /** Calls let through to test a service that was failing (default 1). */
        public Builder halfOpenTrialCalls(int halfOpenTrialCalls) {
            this.halfOpenTrialCalls = halfOpenTrialCalls;
            return this;
        }

        /**
         * The options, enabled.
         *
         * @throws IllegalArgumentException listing every bad figure
         */
        public CircuitBreakerOptions build() {
            return new CircuitBreakerOptions(true, failureThreshold, openDuration, halfOpenTrialCalls);
        }
    }
}
