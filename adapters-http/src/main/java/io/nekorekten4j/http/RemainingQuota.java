package io.nekorekten4j.http;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The client's local view of a key's quota at one instant: what its quota gate would still admit.
 * The service may count differently (other processes, its own window); this is what this JVM knows.
 *
 * @param perMinute         the plan's requests per minute
 * @param leftThisMinute    permits the gate would grant now without waiting (0 while a 429's
 *                          {@code Retry-After} pause lasts)
 * @param perDay            the plan's daily cap, when it has one
 * @param leftToday         requests left under the daily cap, when there is one
 * @param pausedUntil       the end of a pause the service asked for with a 429, while it lasts
 *                          (honoured up to the next Sofia midnight, never more than 24 h ahead)
 * @param waitForPermit     how long a call made now would wait for its permit: zero when one is
 *                          free; the pause, the sliding window and a spent daily cap (until it
 *                          allows requests again) all count
 */
public record RemainingQuota(int perMinute, int leftThisMinute, OptionalInt perDay, OptionalInt leftToday,
                             Optional<Instant> pausedUntil, Duration waitForPermit) {

    /** Checks the figures. */
    public RemainingQuota {
        Objects.requireNonNull(perDay, "perDay");
        Objects.requireNonNull(leftToday, "leftToday");
        Objects.requireNonNull(pausedUntil, "pausedUntil");
        Objects.requireNonNull(waitForPermit, "waitForPermit");
        if (waitForPermit.isNegative()) {
            throw new IllegalArgumentException("waitForPermit must not be negative, got " + waitForPermit);
        }
        if (perMinute < 1) {
            throw new IllegalArgumentException("perMinute must be at least 1, got " + perMinute);
        }
        if (leftThisMinute < 0 || leftThisMinute > perMinute) {
            throw new IllegalArgumentException("leftThisMinute must be 0 to " + perMinute + ", got " + leftThisMinute);
        }
        if (perDay.isPresent() != leftToday.isPresent()) {
            throw new IllegalArgumentException("perDay and leftToday must both be present or both be empty");
        }
        if (leftToday.isPresent() && (leftToday.getAsInt() < 0 || leftToday.getAsInt() > perDay.getAsInt())) {
            throw new IllegalArgumentException("leftToday must be 0 to " + perDay.getAsInt() + ", got "
                    + leftToday.getAsInt());
        }
    }

    /** Whether a call made now would get its permit without waiting. */
    public boolean permitFreeNow() {
        return waitForPermit.isZero();
    }

    /** Whether the daily cap is spent: no request can be sent until it resets. */
    public boolean dailyCapSpent() {
        return leftToday.isPresent() && leftToday.getAsInt() == 0;
    }
}
