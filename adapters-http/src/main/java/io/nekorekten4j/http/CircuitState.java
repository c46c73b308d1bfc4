package io.nekorekten4j.http;

import java.util.Locale;

/** The state of the client's circuit breaker (see {@link CircuitBreakerOptions}). */
public enum CircuitState {
    /** Calls pass. */
    CLOSED,
    /** Calls fail at once with {@code CircuitOpenException}, without a request. */
    OPEN,
    /** A few trial calls pass; their outcome closes or reopens the circuit. */
    HALF_OPEN,
    /** The client has no circuit breaker ({@link CircuitBreakerOptions#disabled()}). */
    DISABLED;

    private final String tagValue = name().toLowerCase(Locale.ROOT);

    /** The lowercase name, e.g. {@code half_open}. */
    public String tagValue() {
        return tagValue;
    }
}
