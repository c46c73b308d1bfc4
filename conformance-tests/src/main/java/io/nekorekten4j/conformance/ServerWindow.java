package io.nekorekten4j.conformance;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntFunction;

/**
 * A model of the service's per-minute rule, judging arrivals in time order: an admitted arrival
 * is counted, a refused one (a 429) is not. The service does not say how it counts a minute, so
 * a client that must never be refused is checked against all three {@link Model}s: the calendar
 * minute, a sliding 60-second log and a token bucket. Simulations of the quota (the HTTP adapter's,
 * the benchmarks', the Redis store's) share these models.
 *
 * <pre>{@code
 * ServerWindow window = ServerWindow.Model.SLIDING_LOG.create(60);
 * for (Instant arrival : arrivalsAtTheServer) {
 *     window.admit(arrival);
 * }
 * assertThat(window.refused()).isZero();
 * }</pre>
 *
 * <p>Arrivals must come in time order; times are exact to the nanosecond. Not thread safe: one
 * simulation thread feeds a window.
 */
public abstract class ServerWindow {

    private static final long MINUTE_NANOS = 60_000_000_000L;

    /** The three models, each made for {@code N} arrivals a minute. */
    public enum Model {
        /** At most N arrivals in each minute of the clock ({@code hh:mm:00} to {@code hh:mm:59.999…}). */
        CALENDAR_MINUTE(CalendarMinute::new),
        /** At most N arrivals in any 60 s: the arrival and those in the 60 s before it. */
        SLIDING_LOG(SlidingLog::new),
        /** Capacity N, refilled continuously at N per 60 s, starting full. */
        TOKEN_BUCKET(TokenBucket::new);

        private final IntFunction<ServerWindow> factory;

        Model(IntFunction<ServerWindow> factory) {
            this.factory = factory;
        }

        /**
         * A fresh window of this model admitting {@code perMinute} arrivals a minute.
         *
         * @throws IllegalArgumentException when {@code perMinute} is less than 1
         */
        public ServerWindow create(int perMinute) {
            if (perMinute < 1) {
                throw new IllegalArgumentException("perMinute must be at least 1, got " + perMinute);
            }
            return factory.apply(perMinute);
        }

        /** The model's name in lower case words, e.g. {@code "sliding log"}, for tables. */
        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
    }

    private final Model model;
    private long refused;

    private ServerWindow(Model model) {
        this.model = model;
    }

    /** This window's model. */
    public final Model model() {
        return model;
    }

    /**
     * Judges an arrival at {@code epochNanos} (nanoseconds since the epoch), later than or at the
     * previous one; counts it when admitted and as {@link #refused() refused} otherwise.
     *
     * @return whether the arrival is admitted
     */
    public final boolean admit(long epochNanos) {
        boolean admitted = accepts(epochNanos);
        if (!admitted) {
            refused++;
        }
        return admitted;
    }

    /**
     * {@link #admit(long)} for an arrival at {@code arrival}.
     *
     * @throws NullPointerException when {@code arrival} is null
     * @throws ArithmeticException  when {@code arrival} is beyond the year 2262
     */
    public final boolean admit(Instant arrival) {
        Objects.requireNonNull(arrival, "arrival");
        return admit(Math.addExact(Math.multiplyExact(arrival.getEpochSecond(), 1_000_000_000L), arrival.getNano()));
    }

    /** How many arrivals this window refused so far: the 429s a server of this model would answer. */
    public final long refused() {
        return refused;
    }

    /**
     * The refusals of each model for {@code arrivals} (in time order) at {@code perMinute}.
     *
     * @throws NullPointerException     when {@code arrivals} or an element is null
     * @throws IllegalArgumentException when {@code perMinute} is less than 1
     */
    public static Map<Model, Long> refusals(List<Instant> arrivals, int perMinute) {
        Objects.requireNonNull(arrivals, "arrivals");
        Map<Model, Long> refusals = new EnumMap<>(Model.class);
        for (Model model : Model.values()) {
            ServerWindow window = model.create(perMinute);
            arrivals.forEach(window::admit);
            refusals.put(model, window.refused());
        }
        return refusals;
    }

    /**
     * The most arrivals in any window {@code (t - length, t]} ending at an arrival: what a sliding
     * window of that length would have to admit.
     *
     * @param sorted the arrivals, in time order
     * @throws NullPointerException     when an argument is null
     * @throws IllegalArgumentException when {@code length} is not positive
     */
    public static int busiestWindow(List<Instant> sorted, Duration length) {
        Objects.requireNonNull(sorted, "sorted");
        Objects.requireNonNull(length, "length");
        if (length.isNegative() || length.isZero()) {
            throw new IllegalArgumentException("length must be positive, got " + length);
        }
        int best = 0;
        int from = 0;
        for (int to = 0; to < sorted.size(); to++) {
            while (!sorted.get(from).isAfter(sorted.get(to).minus(length))) {
                from++;
            }
            best = Math.max(best, to - from + 1);
        }
        return best;
    }

    /** Whether the arrival at {@code nanos} is admitted; counts it when it is. */
    abstract boolean accepts(long nanos);

    /** {@link Model#CALENDAR_MINUTE}. */
    private static final class CalendarMinute extends ServerWindow {
        private final int permits;
        private long minute = Long.MIN_VALUE;
        private int count;

        CalendarMinute(int permits) {
            super(Model.CALENDAR_MINUTE);
            this.permits = permits;
        }

        @Override
        boolean accepts(long nanos) {
            long m = Math.floorDiv(nanos, MINUTE_NANOS);
            if (m != minute) {
                minute = m;
                count = 0;
            }
            if (count >= permits) {
                return false;
            }
            count++;
            return true;
        }
    }

    /** {@link Model#SLIDING_LOG}: the window is the 60 s up to and including the arrival, {@code (t - 60 s, t]}. */
    private static final class SlidingLog extends ServerWindow {
        private final int permits;
        private final ArrayDeque<Long> admitted = new ArrayDeque<>();

        SlidingLog(int permits) {
            super(Model.SLIDING_LOG);
            this.permits = permits;
        }

        @Override
        boolean accepts(long nanos) {
            while (!admitted.isEmpty() && admitted.peekFirst() <= nanos - MINUTE_NANOS) {
                admitted.removeFirst();
            }
            if (admitted.size() >= permits) {
                return false;
            }
            admitted.addLast(nanos);
            return true;
        }
    }

    /**
     * {@link Model#TOKEN_BUCKET}, in exact integer arithmetic: one token is 60e9 units and every
     * nanosecond adds N units.
     */
    private static final class TokenBucket extends ServerWindow {
        private final int permits;
        private final long capacity;
        private long level;
        private long last = Long.MIN_VALUE;

        TokenBucket(int permits) {
            super(Model.TOKEN_BUCKET);
            this.permits = permits;
            this.capacity = MINUTE_NANOS * permits;
            this.level = capacity;
        }

        @Override
        boolean accepts(long nanos) {
            if (last != Long.MIN_VALUE) {
                long elapsed = nanos - last;
                level = elapsed >= capacity / permits ? capacity : Math.min(capacity, level + elapsed * permits);
            }
            last = nanos;
            if (level < MINUTE_NANOS) {
                return false;
            }
            level -= MINUTE_NANOS;
            return true;
        }
    }
}
