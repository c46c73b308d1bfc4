package io.nekorekten4j.http;

import io.nekorekten4j.ports.Operation;
import java.time.Instant;
import java.util.Objects;

/**
 * A call to the client begins: what {@link NekorektenListener#callStarted} receives. Carries no
 * argument of the call — no phone, e-mail, name, report text or key.
 *
 * @param operation which operation
 * @param startedAt when, on the client's clock
 */
public record CallStart(Operation operation, Instant startedAt) {

    /** Requires both. */
    public CallStart {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(startedAt, "startedAt");
    }
}
