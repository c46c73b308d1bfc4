package io.nekorekten4j.http;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Receives the events of one call, from the {@link NekorektenListener#callStarted} that returned it
 * to {@link #callEnded}, which is always called last, exactly once, on the calling thread. Every
 * method has a default that does nothing. The events carry no argument of the call: no phone,
 * e-mail, name, report text or key.
 *
 * <p>The client calls a listener synchronously on the calling thread: keep it fast. An exception a
 * listener throws is logged (WARN) and never changes the call.
 */
public interface CallListener {

    /** A listener that ignores every event. */
    CallListener NONE = new CallListener() {
    };

    /**
     * The quota gate granted a permit for attempt {@code attempt} (from 1) after {@code waited}
     * (zero when none was needed).
     */
    default void permitGranted(int attempt, Duration waited) {
    }

    /** The quota gate refused a permit for attempt {@code attempt} locally: nothing was sent. */
    default void permitRefused(int attempt, PermitRefusal reason) {
    }

    /** The service answered attempt {@code attempt} with 429, with the {@code Retry-After} it named. */
    default void rateLimited(int attempt, Optional<Duration> retryAfter) {
    }

    /**
     * Extra headers for attempt {@code attempt}'s request, e.g. W3C trace context when the user
     * opted in to propagating it. Only for this purpose: a header the client sets itself (the key,
     * {@code User-Agent}, {@code Accept}, {@code Content-Type}) is never replaced, and a header
     * whose name is not an HTTP token or whose value holds a control character is dropped (logged).
     * Default: none — nothing about the caller's traces reaches the service, a third party.
     */
    default Map<String, String> requestHeaders(int attempt) {
        return Map.of();
    }

    /** The call ended: its outcome, attempts, permit wait and cache result. */
    default void callEnded(CallEnd end) {
    }
}
