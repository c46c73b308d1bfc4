package io.nekorekten4j.fake;

import io.nekorekten4j.ports.ErrorContext;
import io.nekorekten4j.ports.NekorektenException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Injected faults: a queue of "fail the next n calls this way", used up in order. Faults belong to
 * the backend, not to a key: the next calls of any key fail. Thread safe (synchronized).
 */
final class InjectedFaults {

    private final Deque<Fault> pending = new ArrayDeque<>();

    /** Queues {@code calls} failures made by {@code failure} from the call's context and time. */
    synchronized void add(int calls, BiFunction<ErrorContext, Instant, ? extends NekorektenException> failure) {
        if (calls < 1) {
            throw new IllegalArgumentException("calls must be at least 1, got " + calls);
        }
        pending.addLast(new Fault(calls, Objects.requireNonNull(failure, "failure")));
    }

    /** The failure for the call now reaching the backend, if one is queued; uses it up. */
    Optional<NekorektenException> next(ErrorContext request, Instant now) {
        BiFunction<ErrorContext, Instant, ? extends NekorektenException> failure;
        synchronized (this) {
            Fault head = pending.peekFirst();
            if (head == null) {
                return Optional.empty();
            }
            head.remaining--;
            if (head.remaining == 0) {
                pending.pollFirst();
            }
            failure = head.failure;
        }
        NekorektenException e = failure.apply(request, now);
        if (e == null) {
            throw new NullPointerException("the injected failure supplier returned null");
        }
        return Optional.of(e);
    }

    /** Drops every queued fault. */
    synchronized void clear() {
        pending.clear();
    }

    private static final class Fault {
        private int remaining;
        private final BiFunction<ErrorContext, Instant, ? extends NekorektenException> failure;

        Fault(int remaining, BiFunction<ErrorContext, Instant, ? extends NekorektenException> failure) {
            this.remaining = remaining;
            this.failure = failure;
        }
    }
}
