package io.nekorekten4j.ports;

import java.util.Objects;

/**
 * The nekorekten.com API: the one interface applications hold. Get one from
 * {@code NekorektenHttp.builder()} (the real service) or {@code NekorektenFake.create()}
 * (in memory, for tests); both behave the same, which the conformance kit proves.
 *
 * <p>Thread safe. {@link #close()} releases what the adapter holds (connections, threads); it is
 * idempotent. {@link #withOptions(CallOptions)} gives a view of the same API whose calls wait and
 * time out differently.
 */
public interface Nekorekten extends ReportsPort, FilesPort, CitiesPort, AutoCloseable {

    /**
     * This API with other {@link CallOptions} for the calls made through the returned view: e.g. a
     * checkout that must not wait ({@link CallOptions#interactive()}) and a nightly batch that may
     * wait minutes for a quota permit ({@link CallOptions#batch()}) on one client. Options left unset
     * are inherited from this object.
     *
     * <p>A view shares everything but its options with this object — the quota, the cache and
     * identical calls in flight, the circuit breaker, listeners, connections — so permits spent
     * through one are seen by all. Closing a view never closes what it shares; closing the client
     * ends its views too. This object is unchanged.
     *
     * <p>The default returns {@code this}: right for an adapter that never waits and times nothing
     * (the in-memory fake answers at once, and its simulated quota refuses at once, as the service
     * does), where no option has anything to change. An adapter that waits for permits, retries or
     * times calls overrides it; a decorator passes the options on to its delegate's view.
     *
     * @throws NullPointerException when {@code options} is null
     */
    default Nekorekten withOptions(CallOptions options) {
        Objects.requireNonNull(options, "options");
        return this;
    }

    /** Releases the adapter's resources; a no-op for adapters that hold none. */
    @Override
    default void close() {
    }
}
