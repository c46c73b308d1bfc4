package io.nekorekten4j.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * When and how often {@link NekorektenHttp} repeats a failed request.
 *
 * <p>Which failures are retried is fixed, because it decides whether a write can be duplicated:
 * <ul>
 *   <li>{@code GET}, {@code PATCH} and {@code DELETE} are retried after a connection that failed,
 *       broke or timed out, after a 5xx answer (but 501 and 505, which no retry changes), and
 *       after a 429 whose {@code Retry-After} fits in what is left of the call timeout;</li>
 *   <li>no request is retried after a TLS failure (untrusted certificate, host name mismatch, no
 *       common protocol): it lasts until someone fixes it, and each try would spend a permit;</li>
 *   <li>{@code POST} (create a report, upload files) is retried only when the connection provably
 *       never opened, so the service cannot have seen it: a report filed twice would be seen by
 *       every merchant.</li>
 * </ul>
 * The wait before attempt {@code n + 1} is {@code initialBackoff × multiplier^(n-1)}, capped at
 * {@code maxBackoff} and then spread by ± {@code jitter} of itself; a {@code Retry-After} from the
 * service replaces it. When the wait would end after the call timeout, the call fails at once with
 * the last failure instead of waiting.
 *
 * <pre>{@code
 * RetryOptions.builder().maxAttempts(5).initialBackoff(Duration.ofSeconds(1)).build();
 * }</pre>
 *
 * @param maxAttempts    attempts in all, the first included; 1 disables retries
 * @param initialBackoff the wait before the second attempt
 * @param multiplier     how much each further wait grows
 * @param maxBackoff     the longest computed wait
 * @param jitter         the random spread of each wait, at least 0 (none) and below 1
 */
public record RetryOptions(int maxAttempts, Duration initialBackoff, double multiplier, Duration maxBackoff,
                           double jitter) {

    private static final RetryOptions DEFAULTS = builder().build();
    private static final RetryOptions DISABLED = builder().maxAttempts(1).build();

    /** Checks every figure and reports each bad one at once. */
    public RetryOptions {
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        List<String> problems = new ArrayList<>();
        if (maxAttempts < 1) {
            problems.add("maxAttempts must be at least 1, got " + maxAttempts);
        }
        if (initialBackoff.isNegative() || initialBackoff.isZero()) {
            problems.add("initialBackoff must be positive, got " + initialBackoff);
        }
        if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
            problems.add("multiplier must be a finite number of at least 1, got " + multiplier);
        }
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            problems.add("maxBackoff must not be shorter than initialBackoff, got " + maxBackoff);
        }
        if (!(jitter >= 0.0 && jitter < 1.0)) {
            problems.add("jitter must be at least 0 and below 1, got " + jitter);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Invalid retry options: " + String.join("; ", problems));
        }
    }

    /** 3 attempts, 500 ms initial backoff doubling up to 8 s, jitter 0.5. */
    public static RetryOptions defaults() {
        return DEFAULTS;
    }

    /** One attempt: no request is ever repeated. */
    public static RetryOptions disabled() {
        return DISABLED;
    }

    /** A builder starting from {@link #defaults()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** Whether a failed request may be attempted again at all. */
    public boolean enabled() {
        return maxAttempts > 1;
    }

    /** Builds {@link RetryOptions}; starts from the defaults. */
    public static final class Builder {
        private int maxAttempts = 3;
        private Duration initialBackoff = Duration.ofMillis(500);
        private double multiplier = 2.0;
        private Duration maxBackoff = Duration.ofSeconds(8);
        private double jitter = 0.5;

        private Builder() {
        }

        /** Attempts in all, the first included (default 3; 1 disables retries). */
        public Builder maxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
            return this;
        }

        /** The wait before the second attempt (default 500 ms). */
        public Builder initialBackoff(Duration initialBackoff) {
            this.initialBackoff = Objects.requireNonNull(initialBackoff, "initialBackoff");
            return this;
        }

        /** How much each further wait grows (default 2). */
        public Builder multiplier(double multiplier) {
            this.multiplier = multiplier;
            return this;
        }

        /** The longest computed wait (default 8 s); a {@code Retry-After} may ask for longer. */
        public Builder maxBackoff(Duration maxBackoff) {
            this.maxBackoff = Objects.requireNonNull(maxBackoff, "maxBackoff");
            return this;
        }

        /** The random spread of each wait, at least 0 and below 1 (default 0.5: ± half the wait). */
        public Builder jitter(double jitter) {
            this.jitter = jitter;
            return this;
        }

        /**
         * The options.
         *
         * @throws IllegalArgumentException listing every bad figure
         */
        public RetryOptions build() {
            return new RetryOptions(maxAttempts, initialBackoff, multiplier, maxBackoff, jitter);
        }
    }
}
