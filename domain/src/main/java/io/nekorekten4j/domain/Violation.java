package io.nekorekten4j.domain;

import java.util.Objects;

/**
 * One broken rule: the field it concerns and a message a merchant understands.
 *
 * @param field   the name of the offending field, as the API names it (e.g. {@code phone}, {@code text})
 * @param message what is wrong with it
 */
public record Violation(String field, String message) {

    /** Validates that both parts are present. */
    public Violation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        // A violation may carry the service's text (a 422's errors): one safe line, whatever came.
        return ServerText.sanitise(field, 100) + ": " + ServerText.sanitise(message, 300);
    }
}
