package io.nekorekten4j.redis;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;

/**
 * The three ways the service may count a minute (it does not say which), judging arrivals in time
 * order: the calendar minute, a sliding 60 s log and a token bucket of N refilled at N per 60 s.
 * The same models as the benchmarks' simulation.
 */
final class ServerModels {

    private ServerModels() {
    }

    /** The refusals (429s) of the calendar-minute, sliding-log and token-bucket models, in that order. */
    static List<Long> refusals(List<Instant> arrivals, int perMinute) {
        long calendar = 0;
        long sliding = 0;
        long bucket = 0;
        long minute = Long.MIN_VALUE;
        int inMinute = 0;
        ArrayDeque<Long> log = new ArrayDeque<>();
        long token = 60_000_000_000L;
        long capacity = token * perMinute;
        long level = capacity;
        long last = Long.MIN_VALUE;
        for (Instant at : arrivals) {
            long nanos = at.getEpochSecond() * 1_000_000_000L + at.getNano();
            long m = Math.floorDiv(nanos, 60_000_000_000L);
            if (m != minute) {
                minute = m;
                inMinute = 0;
            }
            if (inMinute >= perMinute) {
                calendar++;
            } else {
                inMinute++;
            }
            while (!log.isEmpty() && log.peekFirst() <= nanos - 60_000_000_000L) {
                log.removeFirst();
            }
            if (log.size() >= perMinute) {
                sliding++;
            } else {
                log.addLast(nanos);
            }
            if (last != Long.MIN_VALUE) {
                long elapsed = nanos - last;
                level = elapsed >= capacity / perMinute ? capacity : Math.min(capacity, level + elapsed * perMinute);
            }
            last = nanos;
            if (level < token) {
                bucket++;
            } else {
                level -= token;
            }
        }
        return List.of(calendar, sliding, bucket);
    }

    /** The most arrivals in any window {@code (t - length, t]}. */
    static int busiestWindow(List<Instant> sorted, Duration length) {
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
}
