package io.nekorekten4j.ports.screening;

import io.nekorekten4j.ports.QuotaPlan;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The ETA of a screening run, from its quota plan alone (no clock: the figure is the quota's, so
 * it is the same on every machine). The formula is stated in {@link Screening}'s class comment.
 */
final class QuotaEta {

    /** The window a plan's per-minute limit is counted in. */
    static final Duration WINDOW = Duration.ofMinutes(1);

    private QuotaEta() {
    }

    /**
     * The time until the last of {@code needed} requests may be sent, once {@code sent} of them
     * were sent under {@code plan}.
     *
     * @return {@link Duration#ZERO} when nothing is left to send; empty when the plan's daily cap
     *         is below {@code needed}
     */
    static Optional<Duration> after(QuotaPlan plan, int needed, int sent) {
        Objects.requireNonNull(plan, "plan");
        if (needed < 0 || sent < 0) {
            throw new IllegalArgumentException("needed and sent must not be negative, got " + needed + " and " + sent);
        }
        if (sent >= needed) {
            return Optional.of(Duration.ZERO);
        }
        if (plan.perDay().isPresent() && needed > plan.perDay().getAsInt()) {
            return Optional.empty();
        }
        // Before the first request, "now" is the moment the first may go: window 0.
        long windows = windowOf(needed, plan.perMinute()) - windowOf(Math.max(sent, 1), plan.perMinute());
        return Optional.of(WINDOW.multipliedBy(windows));
    }

    /** The window, from 0, in which the {@code k}-th request (from 1) of a run may go: ⌊(k−1)/N⌋. */
    private static long windowOf(int k, int perMinute) {
        return (k - 1L) / perMinute;
    }
}
