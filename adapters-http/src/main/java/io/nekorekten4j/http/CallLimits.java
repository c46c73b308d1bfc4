package io.nekorekten4j.http;

import io.nekorekten4j.ports.CallOptions;
import java.time.Duration;
import java.util.Objects;

/**
 * What one call may spend, as the {@link Pipeline} runs it: the client's builder settings with a
 * view's {@link CallOptions} over them. Everything else a call uses (quota gate, breaker, cache,
 * transport) is shared by the client and all its views; only these travel with the call.
 *
 * @param callTimeout       the whole call: permit waits, attempts, backoffs and the wait for an
 *                          identical call in flight
 * @param permitWaitTimeout the longest wait for a quota permit, per attempt (never past the call's deadline)
 * @param retries           whether failed attempts may be retried by the client's retry options
 */
record CallLimits(Duration callTimeout, Duration permitWaitTimeout, boolean retries) {

    CallLimits {
        Objects.requireNonNull(callTimeout, "callTimeout");
        Objects.requireNonNull(permitWaitTimeout, "permitWaitTimeout");
    }

    /** The limits of a client's own calls: its builder's settings. */
    static CallLimits of(Pipeline.Settings settings) {
        return new CallLimits(settings.callTimeout(), settings.permitWaitTimeout(), true);
    }

    /** These limits with {@code callTimeout} in place of this call timeout (what is left of a call, say). */
    CallLimits withCallTimeout(Duration callTimeout) {
        return new CallLimits(callTimeout, permitWaitTimeout, retries);
    }

    /** These limits with each option {@code options} sets in its place; unset options keep these. */
    CallLimits with(CallOptions options) {
        Objects.requireNonNull(options, "options");
        return new CallLimits(options.callTimeout().orElse(callTimeout),
                options.permitWaitTimeout().orElse(permitWaitTimeout), options.retries().orElse(retries));
    }
}
