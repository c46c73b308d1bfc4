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
 * @param message the service's human message, possibly empty, exactly as it came (sanitise it
 *                with {@link ServerText} before printing it where control characters matter)
 */
public record ReportReceipt(Optional<ReportId> id, String message) {

    /** Requires both parts (the message may be empty). */
    public ReportReceipt {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(message, "message");
    }

    /** The id and the service's message, {@linkplain ServerText sanitised} and shortened: it is the server's text. */
    @Override
    public String toString() {
        return "ReportReceipt[id=" + id.map(ReportId::value).orElse("none") + ", message="
                + ServerText.sanitise(message, 200) + "]";
    }
}
