/**
 * The fake behind the wire: {@link io.nekorekten4j.fakeserver.FakeServer} serves the in-memory
 * {@link io.nekorekten4j.fake.NekorektenFake} over the real HTTP protocol of nekorekten.com on
 * {@code 127.0.0.1}, so that any client — the HTTP adapter, a shop plugin, {@code curl} — can be
 * tested offline, without a key.
 *
 * <ul>
 *   <li>{@link io.nekorekten4j.fakeserver.FakeServer}: the server and its builder;</li>
 *   <li>{@link io.nekorekten4j.fakeserver.FakeServerCommand}: the executable jar's command line
 *       ({@code java -jar nekorekten4j-fake-server.jar --help});</li>
 *   <li>{@link io.nekorekten4j.fakeserver.FakeServerExtension} and
 *       {@link io.nekorekten4j.fakeserver.FakeServerUri}: a JUnit 5 extension that starts a server
 *       per test class and injects its URI.</li>
 * </ul>
 *
 * <p>The JSON it writes and reads is JSON-P (Parsson), independent of the HTTP adapter's JSON-B
 * DTOs, so the two sides of the wire cannot share a mapping bug; an architecture test keeps this
 * package off {@code io.nekorekten4j.http}. This module is not an adapter: it wires the fake
 * adapter to a server, as a composition module may.
 */
package io.nekorekten4j.fakeserver;
