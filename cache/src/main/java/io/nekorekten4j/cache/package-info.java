/**
 * The result cache as a decorator of the ports: {@link io.nekorekten4j.cache.CachingNekorekten}
 * puts it in front of any {@link io.nekorekten4j.ports.Nekorekten};
 * {@link io.nekorekten4j.cache.ResultCache} is the same cache for clients that run it inside their
 * calls (the HTTP adapter does, by default); {@link io.nekorekten4j.cache.CacheOptions} says exactly
 * what is cached, shared, derived and invalidated; {@link io.nekorekten4j.cache.ResultStore} is the
 * SPI of where answers are kept. Only this module declares classes in this package.
 *
 * <h2>Nullness</h2>
 * Every parameter and every return value in this package is non-null unless its Javadoc says
 * otherwise; a value that may be absent is an {@link java.util.Optional} (or an empty collection),
 * never {@code null}. Builders refuse a {@code null} setting at once with a
 * {@link java.lang.NullPointerException} naming it, and an impossible one with an
 * {@link java.lang.IllegalArgumentException}.
 */
package io.nekorekten4j.cache;
