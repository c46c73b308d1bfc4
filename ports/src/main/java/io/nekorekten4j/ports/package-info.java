/**
 * The ports every adapter implements: {@link io.nekorekten4j.ports.Nekorekten} and its parts
 * ({@link io.nekorekten4j.ports.ReportsPort}, {@link io.nekorekten4j.ports.CitiesPort},
 * {@link io.nekorekten4j.ports.FilesPort}), the exceptions they throw (all
 * {@link io.nekorekten4j.ports.NekorektenException}s, told apart by
 * {@link io.nekorekten4j.ports.ErrorCode}), and {@link io.nekorekten4j.ports.QuotaPlan}. The JDK and
 * the domain only.
 *
 * <h2>Nullness</h2>
 * Every parameter and every return value in this package is non-null unless its Javadoc says
 * otherwise; a value that may be absent is an {@link java.util.Optional} (or an empty collection),
 * never {@code null}. The one documented exception is an exception's {@code cause}, which may be
 * {@code null} as in {@link java.lang.Throwable}. Adapters check arguments before any I/O and
 * throw {@link java.lang.NullPointerException} naming the parameter.
 */
package io.nekorekten4j.ports;
