package io.nekorekten4j.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * The account that filed a report (the service's {@code user}), not the reported person. Its
 * e-mail may come back masked.
 *
 * @param id        the account's id
 * @param firstName first name
 * @param lastName  last name
 * @param email     e-mail, possibly masked
 */
public record Reporter(Optional<String> id, Optional<String> firstName, Optional<String> lastName,
                       Optional<String> email) {

    /** Requires the optionals themselves. */
    public Reporter {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(firstName, "firstName");
        Objects.requireNonNull(lastName, "lastName");
        Objects.requireNonNull(email, "email");
    }

    @Override
    public String toString() {
        return "Reporter[id=" + id.map(i -> ServerText.sanitise(i, 50)).orElse("?") + "]";
    }
}
