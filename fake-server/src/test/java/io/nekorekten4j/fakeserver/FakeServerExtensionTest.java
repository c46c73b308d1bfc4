package io.nekorekten4j.fakeserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.EventConditions;
import org.junit.platform.testkit.engine.TestExecutionResultConditions;

/**
 * {@link FakeServerExtension}: one server per test class, its URI in {@link FakeServerUri} fields
 * and in {@code URI} and {@code FakeServer} parameters, shared with {@code @Nested} classes, and
 * stopped after the class.
 */
@ExtendWith(FakeServerExtension.class)
class FakeServerExtensionTest {

    @FakeServerUri
    static URI staticUri;
    private static URI seenInBeforeAll;

    @FakeServerUri
    URI uri;
    @FakeServerUri
    private String uriText;

    @BeforeAll
    static void beforeAll(URI parameter) {
        seenInBeforeAll = parameter;
    }

    @Test
    void fieldsAndParametersHoldTheUriOfOneRunningServer(URI parameter, FakeServer server) {
        assertThat(uri).isEqualTo(parameter).isEqualTo(staticUri).isEqualTo(seenInBeforeAll).isEqualTo(server.uri());
        assertThat(uriText).isEqualTo(uri.toString());
        assertThat(uri.toString()).startsWith("http://127.0.0.1:");
        assertThat(new RawHttp(uri).get("/api/v1/cities", "any-key").status()).isEqualTo(200);
    }

    @Test
    void theDefaultServerHasAnEmptyFake(FakeServer server) {
        assertThat(server.fake().reportCount()).isZero();
    }

    @Nested
    class NestedTests {

        @FakeServerUri
        URI nestedUri;

        @Test
        void aNestedClassSharesTheEnclosingClassesServer(URI parameter) {
            assertThat(nestedUri).isEqualTo(parameter).isEqualTo(staticUri);
        }
    }

    // ---- run through the JUnit engine, to see what happens after a class ----------------------------

    @Test
    void theServerStopsAfterItsClass() {
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(RecordsItsServer.class)).execute()
                .testEvents().assertStatistics(stats -> stats.succeeded(1).failed(0));

        int port = RecordsItsServer.SERVER.get().getPort();
        assertThatThrownBy(() -> {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            }
        }).isInstanceOf(ConnectException.class);
    }

    @Test
    void aRegisteredExtensionBuildsTheServerItIsGiven() {
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(SeededServer.class)).execute()
                .testEvents().assertStatistics(stats -> stats.succeeded(1).failed(0));
    }

    @Test
    void aFinalAnnotatedFieldIsAConfigurationError() {
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(FinalField.class)).execute()
                .testEvents().assertThatEvents().haveExactly(1, EventConditions.finishedWithFailure(
                        TestExecutionResultConditions.instanceOf(ExtensionConfigurationException.class),
                        TestExecutionResultConditions.message(m -> m.contains("must not be final"))));
    }

    @Test
    void aFieldOfAnotherTypeIsAConfigurationError() {
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(WrongType.class)).execute()
                .testEvents().assertThatEvents().haveExactly(1, EventConditions.finishedWithFailure(
                        TestExecutionResultConditions.message(m -> m.contains("must be a java.net.URI or a String"))));
    }

    /** Run by the engine above only (surefire leaves nested classes out). */
    @ExtendWith(FakeServerExtension.class)
    static class RecordsItsServer {
        static final AtomicReference<URI> SERVER = new AtomicReference<>();

        @Test
        void records(URI uri) {
            SERVER.set(uri);
        }
    }

    /** Run by the engine above only. */
    static class SeededServer {
        @RegisterExtension
        static final FakeServerExtension EXTENSION = FakeServerExtension.of(() -> FakeServer.builder().seedDemoData());

        @Test
        void hasTheDemoReports(FakeServer server) {
            assertThat(server.fake().reportCount()).isEqualTo(12);
        }
    }

    /** Run by the engine above only. */
    @ExtendWith(FakeServerExtension.class)
    static class FinalField {
        @FakeServerUri
        final URI uri = null;

        @Test
        void never() {
            assertThat(uri).isNull();
        }
    }

    /** Run by the engine above only. */
    @ExtendWith(FakeServerExtension.class)
    static class WrongType {
        @FakeServerUri
        Integer uri;

        @Test
        void never() {
            assertThat(uri).isNull();
        }
    }
}
