package io.nekorekten4j.fake;

import java.util.ArrayDeque;
import java.util.List;

/**
 * The fake's call log, bounded: it keeps the most recent {@code capacity} calls and drops the
 * oldest beyond that, so that a long-running fake (a fake server up for days, a soak test) holds a
 * fixed amount of memory. The count of all calls is kept apart and never drops. Thread safe
 * (synchronized).
 */
final class CallLog {

    private final int capacity;
    private final ArrayDeque<FakeCall> recent;
    private long total;

    /** A log keeping the last {@code capacity} calls (at least 1). */
    CallLog(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("callLogCapacity must be at least 1, got " + capacity);
        }
        this.capacity = capacity;
        this.recent = new ArrayDeque<>(Math.min(capacity, 1024));
    }

    /** Logs {@code call}, dropping the oldest call when the log is full. */
    synchronized void add(FakeCall call) {
        if (recent.size() == capacity) {
            recent.pollFirst();
        }
        recent.addLast(call);
        total++;
    }

    /** The calls kept, oldest first. */
    synchronized List<FakeCall> recent() {
        return List.copyOf(recent);
    }

    /** How many calls were logged since the log was made or cleared, dropped ones included. */
    synchronized long total() {
        return total;
    }

    /** Forgets every call and the count. */
    synchronized void clear() {
        recent.clear();
        total = 0;
    }
}
