package io.nekorekten4j.fake;

import io.nekorekten4j.ports.ErrorContext;
import io.nekorekten4j.ports.NekorektenException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

/**
 * Injected faults: a queue of "fail the next n calls this way", used up in order. Faults belong to
 * the backend, not to a key: the next calls of any key fail. Thread safe (synchronized).
 */
final class InjectedFaults {

    private final Deque<Fault> pending = new ArrayDeque<>();

    /**
     * Makes the failure of one call from its context, its time and a function that blanks the
     * calling view's API key out of a text (for failures in the service's own words, which may echo it).
     */
    @FunctionalInterface
    interface Failure {
        NekorektenException make(ErrorContext request, Instant now, UnaryOperator<String> blankKey);
    }

    /** Queues {@code calls} failures made by {@code failure} from the call's context and time. */
    void add(int calls, BiFunction<ErrorContext, Instant, ? extends NekorektenException> failure) {
        Objects.requireNonNull(failure, "failure");
        add(calls, (request, now, blankKey) -> failure.apply(request, now));
    }

    /** Queues {@code calls} failures made by {@code failure}. */
    synchronized void add(int calls, Failure failure) {
        if (calls < 1) {
            throw new IllegalArgumentException("calls must be at least 1, got " + calls);
        }
        pending.addLast(new Fault(calls, Objects.requireNonNull(failure, "failure")));
    }

    /** The failure for the call now reaching the backend, if one is queued; uses it up. */
    Optional<NekorektenException> next(ErrorContext request, Instant now) {
        return next(request, now, UnaryOperator.identity());
    }

    /**
     * The failure for the call now reaching the backend through a view whose key {@code blankKey}
     * blanks out, if one is queued; uses it up.
     */
    Optional<NekorektenException> next(ErrorContext request, Instant now, UnaryOperator<String> blankKey) {
        Failure failure;
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
        NekorektenException e = failure.make(request, now, blankKey);
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
        private final Failure failure;

        Fault(int remaining, Failure failure) {
            this.remaining = remaining;
            this.failure = failure;
        }
    }
}
