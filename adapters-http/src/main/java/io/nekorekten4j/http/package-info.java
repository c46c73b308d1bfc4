/**
 * The HTTP adapter: {@link io.nekorekten4j.http.NekorektenHttp}, a
 * {@link io.nekorekten4j.ports.Nekorekten} over the live service's JSON API, with its quota gate,
 * retries, circuit breaker, cache and listeners; and the transport SPI
 * ({@link io.nekorekten4j.http.Transport} with {@link io.nekorekten4j.http.JdkTransport} and
 * {@link io.nekorekten4j.http.ApacheTransport}) for those who bring their own HTTP client.
 * Only this module declares classes in this package (an ArchUnit rule of the kit checks it).
 *
 * <h2>Nullness</h2>
 * Every parameter and every return value in this package is non-null unless its Javadoc says
 * otherwise; a value that may be absent is an {@link java.util.Optional} (or an empty collection),
 * never {@code null}. Exceptions' causes may be {@code null} as in {@link java.lang.Throwable}.
 * Builders refuse a {@code null} setting at once with a {@link java.lang.NullPointerException}
 * naming it, and an impossible one with an {@link java.lang.IllegalArgumentException}.
 */
package io.nekorekten4j.http;
