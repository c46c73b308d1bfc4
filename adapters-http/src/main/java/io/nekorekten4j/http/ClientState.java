package io.nekorekten4j.http;

import java.net.URI;
import java.util.Optional;

/**
 * A live, read-only view of what a {@link NekorektenHttp} client knows right now, for gauges and
 * health checks. Reading it never sends a request and never spends quota. Thread safe.
 */
public interface ClientState {

    /** The service's base URI the client talks to. */
    URI baseUri();

    /** The circuit breaker's state now. */
    CircuitState circuitState();

    /**
     * The local view of the quota of the key the client uses — the configured key, or with a key
     * supplier the key of the latest call; empty before a supplied key was first used.
     */
    Optional<RemainingQuota> quota();
}
