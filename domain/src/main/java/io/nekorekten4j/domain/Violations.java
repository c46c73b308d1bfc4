package io.nekorekten4j.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Collects violations while a builder validates, so that {@code build()} reports all of them at
 * once. Not thread safe; one instance per validation.
 */
final class Violations {

    private final List<Violation> found = new ArrayList<>();

    void add(String field, String message) {
        found.add(new Violation(field, message));
    }

    /** Runs {@code parse}; a {@link ValidationException} it throws is recorded under {@code field}. */
    <T> T collect(String field, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (ValidationException e) {
            for (Violation v : e.violations()) {
                found.add(new Violation(field, v.message()));
            }
            return null;
        }
    }

    boolean isEmpty() {
        return found.isEmpty();
    }

    void throwIfAny() {
        if (!found.isEmpty()) {
            throw new ValidationException(found);
        }
    }
}
