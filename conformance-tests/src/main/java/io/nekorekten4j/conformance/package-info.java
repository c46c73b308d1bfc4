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
 *       {@link io.nekorekten4j.conformance.ScreeningContract},
 *       {@link io.nekorekten4j.conformance.SafetyContract},
 *       {@link io.nekorekten4j.conformance.CallOptionsContract} — with a class named {@code …Test}
 *       whose {@code createSubject()} returns a new subject, and run the build.</li>
 * </ol>
 *
 * <h2>The key, a hostile server, a silent one</h2>
 * {@link io.nekorekten4j.conformance.SafetyContract} holds an adapter to the secrets, bounded and
 * server-text lines of DESIGN.md. It needs the subject to say which key its client was configured
 * with ({@link io.nekorekten4j.conformance.ConformanceSubject#apiKey()}: an adapter configured with
 * none has nothing to leak) and to arrange the server's words
 * ({@link io.nekorekten4j.conformance.ConformanceSubject#arrangeServerText}, capability
 * {@link io.nekorekten4j.conformance.Capability#HOSTILE_SERVER_TEXT}: control characters, escapes,
 * 100 KB, the key echoed back) and its silence
 * ({@link io.nekorekten4j.conformance.ConformanceSubject#arrangeNoAnswer}, capability
 * {@link io.nekorekten4j.conformance.Capability#UNANSWERED_REQUESTS}). Its rules are
 * {@code optional_…}: without what they need they are listed as untested, never passed. An HTTP
 * adapter gets every hook by running against the fake server module's {@code FakeServer}
 * ({@code sayNext}, {@code leaveUnanswered}).
 *
 * <p>{@link io.nekorekten4j.conformance.CallOptionsContract} holds a view given by
 * {@code Nekorekten.withOptions} to the client's behaviour: {@code null} refused naming the
 * parameter, the same answers, the same writes, the same validation, closing a view harmless.
 *
 * <h2>What "conformant" means</h2>
 * An adapter is conformant when every rule <em>ran</em> and passed. An {@code optional_…} rule
 * that needs a capability the subject lacks is reported skipped — never passed — and each contract
 * class lists its skipped rules as <b>untested</b> after it runs (a JUnit report entry
 * {@code nekorekten4j.untested-rules} and a line on standard output): an adapter with untested
 * rules is conformant only as far as the rules that ran. The rules the library exists for cannot
 * be left untested by omission: never a false "clean" (failed searches of every shape, failed
 * screening, uploads, cities) and never twice (a create or upload not re-sent after a failure or a
 * lost answer) are {@code required_…} and <em>fail</em> on a subject without
 * {@link io.nekorekten4j.conformance.Capability#FAULT_INJECTION}, naming the hooks
 * ({@code arrangeFailures}, {@code arrangeLostAnswers}) to implement.
 */
package io.nekorekten4j.conformance;
