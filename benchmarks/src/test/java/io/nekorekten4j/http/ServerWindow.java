package io.nekorekten4j.http;

import java.util.ArrayDeque;
import java.util.function.IntFunction;

/**
 * A server's per-minute rule, judging each arrival (nanoseconds since the epoch) in time order;
 * an admitted arrival is counted, a refused one is not. The three models of adapters-http's
 * {@code QuotaSimulationTest}: the service does not say which one it uses.
 */
abstract class ServerWindow {

    /** The three models, by name, each made for {@code N} a minute. */
    enum Model {
        CALENDAR_MINUTE(CalendarMinute::new),
        SLIDING_LOG(SlidingLog::new),
        TOKEN_BUCKET(TokenBucket::new);

        private final IntFunction<ServerWindow> factory;

        Model(IntFunction<ServerWindow> factory) {
            this.factory = factory;
        }

        ServerWindow create(int perMinute) {
            return factory.apply(perMinute);
        }
    }

    /** Whether the arrival at {@code nanos} is admitted. */
    abstract boolean admit(long nanos);

    /** At most N arrivals in each minute of the clock ({@code hh:mm:00} to {@code hh:mm:59.999…}). */
    static final class CalendarMinute extends ServerWindow {
        private static final long MINUTE_NANOS = 60_000_000_000L;
        private final int permits;
        private long minute = Long.MIN_VALUE;
        private int count;

        CalendarMinute(int permits) {
            this.permits = permits;
        }

        @Override
        boolean admit(long nanos) {
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

    /** At most N arrivals in any 60 s: the arrival and those in the 60 s before it. */
    static final class SlidingLog extends ServerWindow {
        private static final long WINDOW_NANOS = 60_000_000_000L;
        private final int permits;
        private final ArrayDeque<Long> admitted = new ArrayDeque<>();

        SlidingLog(int permits) {
            this.permits = permits;
        }

        @Override
        boolean admit(long nanos) {
            while (!admitted.isEmpty() && admitted.peekFirst() <= nanos - WINDOW_NANOS) {
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
     * Capacity N, refilled continuously at N per 60 s, starting full, in exact integer arithmetic:
     * one token is 60e9 units and every nanosecond adds N units.
     */
    static final class TokenBucket extends ServerWindow {
        private static final long TOKEN = 60_000_000_000L;
        private final int permits;
        private final long capacity;
        private long level;
        private long last = Long.MIN_VALUE;

        TokenBucket(int permits) {
            this.permits = permits;
            this.capacity = TOKEN * permits;
            this.level = capacity;
        }

        @Override
        boolean admit(long nanos) {
            if (last != Long.MIN_VALUE) {
                long elapsed = nanos - last;
                level = elapsed >= capacity / permits ? capacity : Math.min(capacity, level + elapsed * permits);
            }
            last = nanos;
            if (level < TOKEN) {
                return false;
            }
            level -= TOKEN;
            return true;
        }
    }
}
