package io.nekorekten4j.domain;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Input that breaks the rules of the domain. Thrown before any request is sent, so no quota is
 * spent. Lists <em>every</em> violation found, not only the first.
 */
public class ValidationException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient List<Violation> violations;

    /**
     * @param violations every violated rule; must not be empty
     */
    public ValidationException(List<Violation> violations) {
        super(describe(violations));
        this.violations = List.copyOf(violations);
    }

    /** One violation. */
    public ValidationException(String field, String message) {
        this(List.of(new Violation(field, message)));
    }

    /** Every violated rule, in the order they were found. */
    public List<Violation> violations() {
        return violations;
    }

    /** The violations of one field. */
    public List<Violation> violationsOf(String field) {
        return violations.stream().filter(v -> v.field().equals(field)).toList();
    }

    private static String describe(List<Violation> violations) {
        Objects.requireNonNull(violations, "violations");
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("a ValidationException needs at least one violation");
        }
        return violations.size() == 1
                ? "Invalid input: " + violations.get(0)
                : "Invalid input (" + violations.size() + " problems): "
                        + violations.stream().map(Violation::toString).collect(Collectors.joining("; "));
    }
}
