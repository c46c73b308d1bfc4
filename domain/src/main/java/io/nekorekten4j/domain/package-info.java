/**
 * The domain of nekorekten.com: reports, people, phones, e-mails, web addresses, search criteria
 * and results, and the rules that match, mask and validate them. Pure Java on the JDK only, with
 * no I/O: every adapter and every caller share these value objects.
 *
 * <h2>Nullness</h2>
 * Every parameter and every return value in this package is non-null unless its Javadoc says
 * otherwise; a value that may be absent is an {@link java.util.Optional} (or an empty collection,
 * an {@code OptionalInt}/{@code OptionalLong}), never {@code null}. A {@code null} argument fails
 * at once with a {@link java.lang.NullPointerException} naming the parameter; invalid text fails
 * with a {@link io.nekorekten4j.domain.ValidationException} naming the field.
 */
package io.nekorekten4j.domain;
