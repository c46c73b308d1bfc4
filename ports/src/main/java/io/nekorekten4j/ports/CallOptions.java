package io.nekorekten4j.ports;

import io.nekorekten4j.domain.ValidationException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How long calls made through a view of a client may wait, and whether they are retried: what
 * {@link Nekorekten#withOptions(CallOptions)} takes. A checkout that must answer at once and a
 * nightly batch that may wait minutes for a quota permit share one client — one quota, one cache,
 * one circuit breaker — each through its own view:
 *
 * <pre>{@code
 * Nekorekten checkout = api.withOptions(CallOptions.interactive());
 * Nekorekten nightly = api.withOptions(CallOptions.batch());
 * }</pre>
 *
 * <p>Every option is either set here or <em>inherited</em>: an option left unset takes the value
 * of the client (or view) {@code withOptions} is called on, which for a client is its builder's
 * setting. {@link #fromClient()} sets nothing; the withers return a copy with one option set, so a
 * preset can be tuned: {@code CallOptions.interactive().withCallTimeout(Duration.ofSeconds(3))}.
 *
 * <table>
 *   <caption>The options and the presets</caption>
 *   <tr><th>option</th><th>{@link #interactive()}</th><th>{@link #batch()}</th><th>meaning</th></tr>
 *   <tr><td>{@link #permitWaitTimeout()}</td><td>zero</td><td>10 min</td>
 *       <td>the longest wait for a quota permit (per attempt); zero: a free permit now, or
 *       {@link RateLimitWaitExceededException} at once. A wait never outlasts the call timeout.</td></tr>
 *   <tr><td>{@link #callTimeout()}</td><td>5 s</td><td>15 min</td>
 *       <td>the whole call — permit waits, attempts, backoffs, and the wait for an identical
 *       search already in flight; past it {@link CallTimeoutException}</td></tr>
 *   <tr><td>{@link #retries()}</td><td>inherited</td><td>inherited</td>
 *       <td>{@code false}: one attempt only, whatever the client's retry options; {@code true}: the
 *       client's retry options</td></tr>
 * </table>
 *
 * <p>Immutable and thread safe; equal when every option is equal (set or unset alike).
 */
public final class CallOptions {

    private static final CallOptions FROM_CLIENT = new CallOptions(null, null, null);
    private static final CallOptions INTERACTIVE = new CallOptions(Duration.ZERO, Duration.ofSeconds(5), null);
    private static final CallOptions BATCH = new CallOptions(Duration.ofMinutes(10), Duration.ofMinutes(15), null);

    private final Duration permitWaitTimeout; // null: inherited
    private final Duration callTimeout; // null: inherited
    private final Boolean retries; // null: inherited

    private CallOptions(Duration permitWaitTimeout, Duration callTimeout, Boolean retries) {
        this.permitWaitTimeout = permitWaitTimeout;
        this.callTimeout = callTimeout;
        this.retries = retries;
    }

    /** Options that set nothing: every call runs with the settings of the client it is made on. */
    public static CallOptions fromClient() {
        return FROM_CLIENT;
    }

    /**
     * For a caller that must not wait, e.g. a checkout page: no wait for a quota permit (a free one
     * now, or {@link RateLimitWaitExceededException} at once — decide then, e.g. to ship without
     * the check, rather than keep a buyer waiting) and a call timeout of 5 seconds. Retries are
     * inherited, and only happen inside those 5 seconds.
     */
    public static CallOptions interactive() {
        return INTERACTIVE;
    }

    /**
     * For a caller that may wait, e.g. a nightly batch screening thousands of orders: up to
     * 10 minutes for a quota permit and a call timeout of 15 minutes, so a backlog queues at the
     * quota's pace instead of failing. Retries are inherited. A spent daily quota still fails at
     * once ({@link QuotaExhaustedException}): no wait would help.
     */
    public static CallOptions batch() {
        return BATCH;
    }

    /** The longest wait for a quota permit, if set; empty: inherited. */
    public Optional<Duration> permitWaitTimeout() {
        return Optional.ofNullable(permitWaitTimeout);
    }

    /** The whole call's time limit, if set; empty: inherited. */
    public Optional<Duration> callTimeout() {
        return Optional.ofNullable(callTimeout);
    }

    /** Whether failed attempts may be retried (by the client's retry options), if set; empty: inherited. */
    public Optional<Boolean> retries() {
        return Optional.ofNullable(retries);
    }

    /**
     * A copy with the longest wait for a quota permit set: zero means a free permit now or a
     * {@link RateLimitWaitExceededException} at once.
     *
     * @throws NullPointerException when {@code permitWaitTimeout} is null
     * @throws ValidationException  (field {@code permitWaitTimeout}) when it is negative
     */
    public CallOptions withPermitWaitTimeout(Duration permitWaitTimeout) {
        Objects.requireNonNull(permitWaitTimeout, "permitWaitTimeout");
        if (permitWaitTimeout.isNegative()) {
            throw new ValidationException("permitWaitTimeout", "must not be negative, got " + permitWaitTimeout);
        }
        return new CallOptions(permitWaitTimeout, callTimeout, retries);
    }

    /**
     * A copy with the whole call's time limit set.
     *
     * @throws NullPointerException when {@code callTimeout} is null
     * @throws ValidationException  (field {@code callTimeout}) when it is zero or negative
     */
    public CallOptions withCallTimeout(Duration callTimeout) {
        Objects.requireNonNull(callTimeout, "callTimeout");
        if (callTimeout.isNegative() || callTimeout.isZero()) {
            throw new ValidationException("callTimeout", "must be positive, got " + callTimeout);
        }
        return new CallOptions(permitWaitTimeout, callTimeout, retries);
    }

    /**
     * A copy that allows ({@code true}: as the client's retry options say) or forbids
     * ({@code false}: one attempt only) retries.
     */
    public CallOptions withRetries(boolean retries) {
        return new CallOptions(permitWaitTimeout, callTimeout, retries);
    }

    /**
     * These options over {@code base}: each option set here, else {@code base}'s. What a view of a
     * view runs with.
     *
     * @throws NullPointerException when {@code base} is null
     */
    public CallOptions over(CallOptions base) {
        Objects.requireNonNull(base, "base");
        return new CallOptions(permitWaitTimeout != null ? permitWaitTimeout : base.permitWaitTimeout,
                callTimeout != null ? callTimeout : base.callTimeout, retries != null ? retries : base.retries);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CallOptions other && Objects.equals(permitWaitTimeout, other.permitWaitTimeout)
                && Objects.equals(callTimeout, other.callTimeout) && Objects.equals(retries, other.retries);
    }

    @Override
    public int hashCode() {
        return Objects.hash(permitWaitTimeout, callTimeout, retries);
    }

    /** Each option's value, or {@code inherited}. */
    @Override
    public String toString() {
        return "CallOptions[permitWaitTimeout=" + text(permitWaitTimeout) + ", callTimeout=" + text(callTimeout)
                + ", retries=" + text(retries) + "]";
    }

    private static String text(Object value) {
        return value == null ? "inherited" : value.toString();
    }
}
