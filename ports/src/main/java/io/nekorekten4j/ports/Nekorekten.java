package io.nekorekten4j.ports;

/**
 * The nekorekten.com API: the one interface applications hold. Get one from
 * {@code NekorektenHttp.builder()} (the real service) or {@code NekorektenFake.create()}
 * (in memory, for tests); both behave the same, which the conformance kit proves.
 *
 * <p>Thread safe. {@link #close()} releases what the adapter holds (connections, threads); it is
 * idempotent.
 */
public interface Nekorekten extends ReportsPort, FilesPort, CitiesPort, AutoCloseable {

    /** Releases the adapter's resources; a no-op for adapters that hold none. */
    @Override
    default void close() {
    }
}
