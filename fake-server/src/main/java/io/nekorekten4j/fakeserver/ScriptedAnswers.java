package io.nekorekten4j.fakeserver;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Answers the server gives instead of the fake's, queued by the test: "answer the next n requests
 * this way" ({@link FakeServer#sayNext}, {@link FakeServer#leaveUnanswered}), used up in order. They
 * stand for what no {@code NekorektenFake} exception can carry — the service's words as they
 * came (an exception's context sanitises them) and an answer that never comes. Thread safe.
 */
final class ScriptedAnswers {

    private final Deque<Entry> pending = new ArrayDeque<>();

    /**
     * Queues {@code requests} answers made by {@code answer} from the request's time.
     *
     * @throws IllegalArgumentException when {@code requests} is below 1
     */
    synchronized void add(int requests, Function<Instant, Answer> answer) {
        if (requests < 1) {
            throw new IllegalArgumentException("requests must be at least 1, got " + requests);
        }
        pending.addLast(new Entry(requests, Objects.requireNonNull(answer, "answer")));
    }

    /** The answer for the request now arriving at {@code now}, if one is queued; uses it up. */
    Optional<Answer> next(Instant now) {
        Function<Instant, Answer> answer;
        synchronized (this) {
            Entry head = pending.peekFirst();
            if (head == null) {
                return Optional.empty();
            }
            if (--head.remaining == 0) {
                pending.pollFirst();
            }
            answer = head.answer;
        }
        return Optional.of(answer.apply(now));
    }

    private static final class Entry {
        private int remaining;
        private final Function<Instant, Answer> answer;

        Entry(int remaining, Function<Instant, Answer> answer) {
            this.remaining = remaining;
            this.answer = answer;
        }
    }
}
