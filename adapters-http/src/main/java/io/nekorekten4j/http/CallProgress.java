package io.nekorekten4j.http;

import io.nekorekten4j.ports.ErrorContext;
import io.nekorekten4j.ports.NekorektenException;
import io.nekorekten4j.ports.RequestOutcome;

/**
 * What the attempts of one call did so far: how many were handed to the wire, and the
 * {@link RequestOutcome} over all of them. Every failure of the call is stamped with both, so the
 * failure the caller sees speaks for the whole call: once any attempt may have reached the
 * service, no later failure claims that the request was not sent.
 *
 * <p>One per call; used only by the thread running the call (retries run on it too).
 */
final class CallProgress {

    private int attempts;
    private RequestOutcome outcome = RequestOutcome.NOT_SENT;

    /** An attempt is about to be handed to the wire: it counts from here on, whatever happens to it. */
    void sending() {
        attempts++;
    }

    /** Folds the outcome of a failed attempt into the call's. */
    void failed(NekorektenException failure) {
        outcome = outcome.then(failure.outcome());
    }

    /** How many attempts were handed to the wire. */
    int attempts() {
        return attempts;
    }

    /** The outcome over the attempts that failed so far ({@link RequestOutcome#NOT_SENT} before any). */
    RequestOutcome outcome() {
        return outcome;
    }

    /**
     * {@code context} stamped with the attempts so far and the outcome so far; a failure of the
     * current attempt folds its own outcome into it with {@link #after}.
     */
    ErrorContext stamp(ErrorContext context) {
        return context.withAttempts(attempts).withOutcome(outcome);
    }

    /**
     * {@code context} after an attempt that ended in {@code attempt}: its outcome so far (none
     * recorded: not sent) followed by that one.
     */
    static ErrorContext after(ErrorContext context, RequestOutcome attempt) {
        return context.withOutcome(context.outcome().orElse(RequestOutcome.NOT_SENT).then(attempt));
    }

    /** What {@code outcome} means, as the end of a sentence for a message. */
    static String sentence(RequestOutcome outcome) {
        return switch (outcome) {
            case NOT_SENT -> "the request was not sent";
            case REFUSED -> "the service refused an earlier attempt and nothing was applied";
            case MAY_HAVE_BEEN_APPLIED -> "the request may have reached the service";
        };
    }
}
