package io.nekorekten4j.http;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** What a {@link QuotaStore} answered to a permit request. */
public sealed interface QuotaDecision {

    /**
     * A permit, whose request goes out {@code delay} from now (zero: at once).
     *
     * @param permit the permit, to confirm after a wait and release when the attempt ends
     * @param delay  how long until its slot, not negative
     */
    record Granted(QuotaPermit permit, Duration delay) implements QuotaDecision {
        /** Checks the arguments. */
        public Granted {
            Objects.requireNonNull(permit, "permit");
            requireNotNegative(delay, "delay");
        }
    }

    /**
     * No slot can be fixed yet: permits still in flight hold it back. Ask again after at least
     * {@code atLeast} (nothing can be free before).
     *
     * @param atLeast a lower bound of the wait, positive
     */
    record Wait(Duration atLeast) implements QuotaDecision {
        /** Checks the argument. */
        public Wait {
            requireNotNegative(atLeast, "atLeast");
            if (atLeast.isZero()) {
                throw new IllegalArgumentException("atLeast must be positive");
            }
        }
    }

    /**
     * The next slot is {@code waitNeeded} away (or at least that), longer than the caller allows.
     *
     * @param waitNeeded how long until a permit would be free
     */
    record TooFar(Duration waitNeeded) implements QuotaDecision {
        /** Checks the argument. */
        public TooFar {
            requireNotNegative(waitNeeded, "waitNeeded");
        }
    }

    /**
     * The daily cap is spent.
     *
     * @param resumesAt the earliest instant (store's clock) at which a slot is allowed again
     */
    record Exhausted(Instant resumesAt) implements QuotaDecision {
        /** Checks the argument. */
        public Exhausted {
            Objects.requireNonNull(resumesAt, "resumesAt");
        }
    }

    private static void requireNotNegative(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, got " + d);
        }
    }
}
