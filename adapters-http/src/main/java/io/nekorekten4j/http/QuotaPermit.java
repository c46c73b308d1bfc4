package io.nekorekten4j.http;

import java.time.Instant;
import java.util.Objects;

/**
 * A permit a {@link QuotaStore} granted: what the store needs to confirm and release it.
 *
 * @param id   unique within its store and scope; never derived from the API key
 * @param slot the permit's send instant on the store's clock
 */
public record QuotaPermit(String id, Instant slot) {

    /** Checks the id. */
    public QuotaPermit {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(slot, "slot");
        if (id.isEmpty()) {
            throw new IllegalArgumentException("id must not be empty");
        }
    }
}
