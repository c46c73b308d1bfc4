package io.nekorekten4j.apicontract;

import java.util.Objects;

/**
 * One way a body breaks the API contract.
 *
 * @param location where in the body, as a JSON path ({@code $} is the whole body, {@code $.items[0].city} a field)
 * @param message  what is wrong there, in the validator's words
 */
public record ContractViolation(String location, String message) {

    /** Rejects null parts. */
    public ContractViolation {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
    }

    /** {@code location: message}, as a test failure shows it. */
    @Override
    public String toString() {
        return location + ": " + message;
    }
}
