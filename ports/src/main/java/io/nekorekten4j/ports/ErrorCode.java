package io.nekorekten4j.ports;

/**
 * The stable, machine-readable code of each {@link NekorektenException} class. Codes never change
 * meaning between releases; log and alert on them rather than on messages.
 */
public enum ErrorCode {
    /** The connection failed or broke: no answer. */
    TRANSPORT_FAILURE(false),
    /** A timeout or the whole-call deadline passed before an answer. */
    TIMEOUT(false),
    /** An answer came but could not be used: unparsable, contradictory, too large, unexpected status. */
    UNEXPECTED_RESPONSE(false),
    /** The circuit breaker is open after repeated failures; nothing was sent. */
    CIRCUIT_OPEN(false),
    /** The local rate-limit gate would have made the caller wait longer than allowed; nothing was sent. */
    RATE_LIMIT_WAIT_EXCEEDED(false),
    /**
     * The shared quota store (e.g. Redis) did not answer within its timeout, so no permit could be
     * taken; nothing was sent.
     */
    QUOTA_STORE_UNAVAILABLE(false),
    /** The service rejected the request's content (400/422), with its field messages. */
    INVALID_REQUEST(true),
    /** The service does not accept the API key (401). */
    INVALID_API_KEY(true),
    /** The API key is used from an IP address not on its whitelist (403). */
    IP_NOT_WHITELISTED(true),
    /** The key may not do this, e.g. change a report filed with another key (403). */
    FORBIDDEN(true),
    /** No such report or resource (404). */
    NOT_FOUND(true),
    /** Too many requests: wait before the next one (429). */
    RATE_LIMITED(true),
    /** The plan's daily quota is spent until its reset time. */
    QUOTA_EXHAUSTED(true),
    /** The service failed or is down (5xx). */
    SERVICE_UNAVAILABLE(true);

    private final boolean serviceAnswered;

    ErrorCode(boolean serviceAnswered) {
        this.serviceAnswered = serviceAnswered;
    }

    /**
     * Whether this code means "the service said no" ({@link ServiceRefusedException}) rather than
     * "no usable answer" ({@link NoUsableAnswerException}).
     */
    public boolean serviceAnswered() {
        return serviceAnswered;
    }
}
