package io.nekorekten4j.http;

import java.util.Locale;

/**
 * How a call ended, in the four words callers and dashboards decide by; a failure's is its
 * {@link io.nekorekten4j.ports.NekorektenException#outcome()} (not sent, refused, may have been
 * applied → no usable answer). {@link #tagValue()} is the
 * low-cardinality form ({@code success}, {@code refused}, {@code no_usable_answer},
 * {@code not_sent}).
 */
public enum CallOutcome {
    /** The call returned an answer (from the service, the cache or an identical call in flight). */
    SUCCESS,
    /**
     * The service answered that it did not carry the request out: a 4xx (invalid, bad key, IP not
     * allowed, forbidden, not found, 429, daily quota spent).
     */
    REFUSED,
    /**
     * No usable answer: the request reached (or may have reached) the service, but nothing proves it
     * was not applied — a broken connection, a timeout, a 5xx, an unreadable body.
     */
    NO_USABLE_ANSWER,
    /**
     * Nothing reached the service: the circuit was open, the quota gate refused locally (permit wait
     * exceeded or daily cap spent), or the connection never opened.
     */
    NOT_SENT;

    private final String tagValue = name().toLowerCase(Locale.ROOT);

    /** The lowercase name, e.g. {@code no_usable_answer}. */
    public String tagValue() {
        return tagValue;
    }
}
