/**
 * Screening buyers before shipping, written only against the ports so that every adapter serves
 * it: {@link io.nekorekten4j.ports.screening.Screening} asks one {@code ONE_OF} search per distinct
 * {@link io.nekorekten4j.ports.screening.Buyer} and answers a
 * {@link io.nekorekten4j.ports.screening.ScreeningResult} whose
 * {@link io.nekorekten4j.ports.screening.Verdict} is found, not found or not checked — never a
 * false "clean" — with the reports and the fields each matched as evidence, and no score.
 *
 * <p>Nullness as in {@link io.nekorekten4j.ports}: every parameter and return value is
 * non-null unless its Javadoc says otherwise; absent values are {@link java.util.Optional} or
 * empty collections.
 */
package io.nekorekten4j.ports.screening;
