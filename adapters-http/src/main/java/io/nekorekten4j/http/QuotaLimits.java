package io.nekorekten4j.http;

import io.nekorekten4j.ports.QuotaPlan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The figures a {@link QuotaStore} enforces for one scope.
 *
 * @param permits the requests admitted in any {@code window + margin}, at least 1
 * @param window  the plan's window (a minute for plans), positive
 * @param margin  added to the window, not negative: absorbs the server's clock granularity
 * @param perDay  the daily cap, when there is one (at least 1)
 */
public record QuotaLimits(int permits, Duration window, Duration margin, OptionalInt perDay) {

    /** The window of a plan's per-minute figure. */
    public static final Duration MINUTE = Duration.ofMinutes(1);
    /** The margin added to a plan's minute. */
    public static final Duration PLAN_MARGIN = Duration.ofSeconds(1);

    /** Checks every figure and names each bad one. */
    public QuotaLimits {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(margin, "margin");
        Objects.requireNonNull(perDay, "perDay");
        List<String> problems = new ArrayList<>();
        if (permits < 1) {
            problems.add("permits must be at least 1, got " + permits);
        }
        if (window.isNegative() || window.isZero()) {
            problems.add("window must be positive, got " + window);
        }
        if (margin.isNegative()) {
            problems.add("margin must not be negative, got " + margin);
        }
        if (perDay.isPresent() && perDay.getAsInt() < 1) {
            problems.add("perDay must be at least 1, got " + perDay.getAsInt());
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }

    /** A plan's figures: its per-minute count over a minute plus {@link #PLAN_MARGIN}, and its daily cap. */
    public static QuotaLimits of(QuotaPlan plan) {
        Objects.requireNonNull(plan, "plan");
        return new QuotaLimits(plan.perMinute(), MINUTE, PLAN_MARGIN, plan.perDay());
    }

    /** {@code window + margin}: how long after its anchor a permit stops holding back a slot. */
    public Duration spacing() {
        return window.plus(margin);
    }

    /** The stricter of these and {@code other}, figure by figure (a cap beats none). */
    public QuotaLimits stricter(QuotaLimits other) {
        Objects.requireNonNull(other, "other");
        OptionalInt day;
        if (perDay.isEmpty()) {
            day = other.perDay;
        } else if (other.perDay.isEmpty()) {
            day = perDay;
        } else {
            day = OptionalInt.of(Math.min(perDay.getAsInt(), other.perDay.getAsInt()));
        }
        return new QuotaLimits(Math.min(permits, other.permits), window.compareTo(other.window) >= 0 ? window
                : other.window, margin.compareTo(other.margin) >= 0 ? margin : other.margin, day);
    }

    /**
     * The conservative share of one of {@code instances} instances: each figure divided by the
     * count, rounded down, at least 1.
     */
    public QuotaLimits share(int instances) {
        if (instances < 1) {
            throw new IllegalArgumentException("instances must be at least 1, got " + instances);
        }
        return new QuotaLimits(Math.max(1, permits / instances), window, margin,
                perDay.isPresent() ? OptionalInt.of(Math.max(1, perDay.getAsInt() / instances)) : OptionalInt.empty());
    }
}
