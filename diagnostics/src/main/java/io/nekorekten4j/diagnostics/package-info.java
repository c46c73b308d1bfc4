/**
 * {@code nekorekten doctor} as a library: {@link io.nekorekten4j.diagnostics.Diagnostics} checks a
 * real key against the live service with at most two requests — reachability (DNS, TCP, TLS, time to
 * first byte), the key and its IP whitelist, and the raw answers against the written contract
 * ({@code openapi/nekorekten-api.yaml}) — and says of every difference what the library does with it.
 *
 * <p>Nullness: no parameter or return value is {@code null}; absence is {@link java.util.Optional}.
 */
package io.nekorekten4j.diagnostics;
