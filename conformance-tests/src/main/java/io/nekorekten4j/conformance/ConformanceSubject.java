package io.nekorekten4j.conformance;

import io.nekorekten4j.domain.ReportDraft;
import io.nekorekten4j.domain.ReportId;
import io.nekorekten4j.ports.ErrorCode;
import io.nekorekten4j.ports.Nekorekten;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * What a contract class needs from the adapter under test: the client, a way to arrange state in
 * its backend without going through the client, and a count of what reached that backend.
 *
 * <p>One subject serves one test: the kit creates a fresh one before each test (through
 * {@link NekorektenContract#createSubject()}) and closes it after. A subject starts with an empty
 * backend that knows no reports and no files, but does know its cities.
 */
public interface ConformanceSubject extends AutoCloseable {

    /** The adapter under test, using the subject's own API key. */
    Nekorekten client();

    /** A second client on the same backend with another valid API key (for ownership rules). */
    Nekorekten clientWithOtherKey();

    /**
     * A client on the same backend whose key the service does not accept (401). Needs
     * {@link Capability#INVALID_KEY}.
     */
    default Nekorekten clientWithInvalidKey() {
        throw new UnsupportedOperationException("this subject lacks Capability.INVALID_KEY");
    }

    /**
     * A client on the same backend whose key is valid but used from an IP the key does not allow
     * (403 naming {@code ipAddress}). Needs {@link Capability#IP_WHITELIST}.
     */
    default Nekorekten clientRefusedFromIp(String ipAddress) {
        throw new UnsupportedOperationException("this subject lacks Capability.IP_WHITELIST");
    }

    /**
     * Stores a report directly in the backend, as filed by a third key at {@code createdAt}, and
     * returns its id. No request of the client is spent and {@link #backendRequestCount()} does
     * not change.
     */
    ReportId arrangeReport(ReportDraft draft, Instant createdAt);

    /**
     * Makes the backend answer the next requests "too many requests" with {@code retryAfter}, until
     * {@code requests} requests were refused. Needs {@link Capability#QUOTA_SIMULATION}.
     */
    default void arrangeRateLimit(Duration retryAfter, int requests) {
        throw new UnsupportedOperationException("this subject lacks Capability.QUOTA_SIMULATION");
    }

    /**
     * Makes the backend answer every request "daily quota spent, resets at {@code resetsAt}".
     * Needs {@link Capability#QUOTA_SIMULATION}.
     */
    default void arrangeQuotaExhausted(Instant resetsAt) {
        throw new UnsupportedOperationException("this subject lacks Capability.QUOTA_SIMULATION");
    }

    /**
     * Makes the next {@code requests} requests fail with the failure {@code code} stands for
     * (for HTTP backends: the status and body the service would send, or a broken connection for
     * {@link ErrorCode#TRANSPORT_FAILURE}). Needs {@link Capability#FAULT_INJECTION}.
     */
    default void arrangeFailures(ErrorCode code, int requests) {
        throw new UnsupportedOperationException("this subject lacks Capability.FAULT_INJECTION");
    }

    /**
     * Makes the backend <em>process</em> the next {@code requests} requests — a create files its
     * report, an upload stores its files — and then lose their answers {@code how}:
     * <ul>
     *   <li>{@link ErrorCode#TRANSPORT_FAILURE}: the connection resets after the request arrived;</li>
     *   <li>{@link ErrorCode#TIMEOUT}: the answer comes later than the client waits;</li>
     *   <li>{@link ErrorCode#UNEXPECTED_RESPONSE}: the answer is cut off in the middle of its body.</li>
     * </ul>
     * Needs {@link Capability#FAULT_INJECTION}. This is what the never-twice rules need: an
     * adapter that sends a create again after such a loss files the report twice.
     *
     * @throws IllegalArgumentException when {@code how} is another code
     */
    default void arrangeLostAnswers(ErrorCode how, int requests) {
        throw new UnsupportedOperationException("this subject lacks Capability.FAULT_INJECTION");
    }

    /**
     * Makes the backend answer the next {@code requests} requests with the failure {@code code}
     * stands for, <em>in its own words</em>: the service's message is {@code text}, sent as it is —
     * control characters, ANSI escapes, forged log lines, any length, the API key echoed back — as
     * a hostile or broken service might (for HTTP backends: the JSON {@code message} of the answer,
     * and the message of a field error of a 400). {@code code} is one of the service's refusals
     * {@link ErrorCode#INVALID_REQUEST}, {@link ErrorCode#INVALID_API_KEY}, {@link ErrorCode#FORBIDDEN},
     * {@link ErrorCode#NOT_FOUND} and {@link ErrorCode#SERVICE_UNAVAILABLE}. Needs
     * {@link Capability#HOSTILE_SERVER_TEXT}.
     *
     * @throws IllegalArgumentException when {@code code} is another code
     */
    default void arrangeServerText(ErrorCode code, String text, int requests) {
        throw new UnsupportedOperationException("this subject lacks Capability.HOSTILE_SERVER_TEXT");
    }

    /**
     * Makes the backend take the next {@code requests} requests and <em>never answer</em> them: no
     * status, no byte, the connection held open until the subject closes. An adapter must end such
     * a call by its own timeouts with a {@link ErrorCode#TIMEOUT} failure; an adapter that times
     * nothing (an in-memory one) ends it at once the same way. Needs
     * {@link Capability#UNANSWERED_REQUESTS}.
     */
    default void arrangeNoAnswer(int requests) {
        throw new UnsupportedOperationException("this subject lacks Capability.UNANSWERED_REQUESTS");
    }

    /**
     * The API key {@link #client()} was configured with, so that the kit can check it never shows
     * — in a message, a {@code toString()}, a context, a cause — even when the server echoes it.
     * Empty (the default) for an adapter configured with no key (one behind a gateway that adds
     * it): it has nothing to leak, and the kit lists its secrets rules as untested.
     */
    default Optional<String> apiKey() {
        return Optional.empty();
    }

    /** How many requests reached the backend so far (refused ones included). */
    long backendRequestCount();

    /** The optional behaviour this subject supports. */
    Set<Capability> capabilities();

    /** Releases the clients and the backend. */
    @Override
    void close();
}
