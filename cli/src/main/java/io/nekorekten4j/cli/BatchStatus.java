package io.nekorekten4j.cli;

import io.nekorekten4j.ports.QuotaPlan;
import java.time.Duration;
import java.util.Optional;

/**
 * How far a CSV screening has got.
 *
 * @param done       rows written (decided, invalid or kept)
 * @param total      rows in the file
 * @param requests   search requests sent
 * @param found      rows FOUND
 * @param notChecked rows NOT_CHECKED
 * @param invalid    rows INVALID
 * @param eta        when the last request may go, from the quota plan; empty when the rows left
 *                   need more than the plan's daily quota
 */
record BatchStatus(int done, int total, int requests, int found, int notChecked, int invalid, Optional<Duration> eta) {

    /** Whether every row is written. */
    boolean isComplete() {
        return done >= total;
    }

    /**
     * The ETA of the requests still to send, from the plan alone, as {@code Screening} computes it:
     * the {@code k}-th request of a run may go {@code ⌊(k−1)/N⌋} minutes after the first, for
     * {@code N} a minute. Every row left is counted as a request: repeated buyers make it shorter.
     *
     * @param plan the key's plan
     * @param sent requests sent so far
     * @param left rows not yet written
     */
    static Optional<Duration> eta(QuotaPlan plan, int sent, int left) {
        if (left <= 0) {
            return Optional.of(Duration.ZERO);
        }
        long needed = (long) sent + left;
        if (plan.perDay().isPresent() && needed > plan.perDay().getAsInt()) {
            return Optional.empty();
        }
        long windows = (needed - 1) / plan.perMinute() - (Math.max(sent, 1) - 1L) / plan.perMinute();
        return Optional.of(Duration.ofMinutes(windows));
    }
}
