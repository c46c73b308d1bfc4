/**
 * The conformance kit: contract tests every {@code Nekorekten} implementation must pass, and the
 * architecture rules as reusable ArchUnit rules ({@link io.nekorekten4j.conformance.ArchitectureRules}).
 * It depends on no adapter; each adapter module runs it from its own test sources, in three steps:
 *
 * <ol>
 *   <li>Add {@code nekorekten4j-conformance-tests} to the adapter module in test scope.</li>
 *   <li>Implement {@link io.nekorekten4j.conformance.ConformanceSubject} in the test sources: it
 *       hands out the adapter under test (and clients with another key, a bad key, a refused IP),
 *       arranges reports and failures in the adapter's backend (a map, a stub server), counts the
 *       requests that reach that backend, and declares its
 *       {@link io.nekorekten4j.conformance.Capability capabilities}.</li>
 *   <li>Subclass every contract — {@link io.nekorekten4j.conformance.ReportsSearchContract},
 *       {@link io.nekorekten4j.conformance.ReportsWriteContract},
 *       {@link io.nekorekten4j.conformance.FilesContract},
 *       {@link io.nekorekten4j.conformance.CitiesContract},
 *       {@link io.nekorekten4j.conformance.ValidationContract},
 *       {@link io.nekorekten4j.conformance.FailureContract},
 *       {@link io.nekorekten4j.conformance.ScreeningContract} — with a class named {@code …Test}
 *       whose {@code createSubject()} returns a new subject, and run the build. A rule needing a
 *       capability the subject lacks is reported skipped, never passed.</li>
 * </ol>
 */
package io.nekorekten4j.conformance;
