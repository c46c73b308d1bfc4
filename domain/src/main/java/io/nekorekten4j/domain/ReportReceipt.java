package io.nekorekten4j.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * What the service said when a report was created or changed.
 *
 * <p>The live service is not known to return the id of a created report (no public integration
 * reads one), so {@link #id()} is optional: present only when the answer carried it.
 *
 * @param id      the report's id, when the service returned it
 * @param message the service's human message, possibly empty
 */
public record ReportReceipt(Optional<ReportId> id, String message) {

    /** Requires both parts (the message may be empty). */
    public ReportReceipt {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(message, "message");
    }
}
