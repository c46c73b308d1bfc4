package io.nekorekten4j.fakeserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nekorekten4j.fake.NekorektenFake;
import io.nekorekten4j.ports.QuotaPlan;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.junit.jupiter.api.Test;

/** Starting, addressing and stopping a server, and the builder's checks. */
class FakeServerLifecycleTest {

    @Test
    void itListensOnLoopbackAtAFreePortAndServesTheFakeItWasGiven() {
        NekorektenFake fake = NekorektenFake.create();
        try (FakeServer server = FakeServer.builder().fake(fake).build().start()) {
            assertThat(server.uri().toString()).startsWith("http://127.0.0.1:");
            assertThat(server.port()).isPositive();
            assertThat(server.uri().getPort()).isEqualTo(server.port());
            assertThat(server.fake()).isSameAs(fake);
        }
    }

    @Test
    void closeStopsListeningAndCanBeCalledTwice() throws Exception {
        FakeServer server = FakeServer.builder().build().start();
        int port = server.port();

        server.close();
        server.close();

        assertThatThrownBy(() -> {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            }
        }).isInstanceOf(ConnectException.class);
    }

    @Test
    void aServerStartsOnce() {
        try (FakeServer server = FakeServer.builder().build().start()) {
            assertThatThrownBy(server::start).isInstanceOf(IllegalStateException.class);
        }
        FakeServer closed = FakeServer.builder().build();
        closed.close();
        assertThatThrownBy(closed::start).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aServerNotStartedHasNoAddress() {
        FakeServer server = FakeServer.builder().build();

        assertThatThrownBy(server::uri).isInstanceOf(IllegalStateException.class);
        assertThat(server).hasToString("FakeServer[not started]");
    }

    @Test
    void aTakenPortIsAnUncheckedIoExceptionNamingIt() {
        try (FakeServer first = FakeServer.builder().build().start()) {
            FakeServer second = FakeServer.builder().port(first.port()).build();

            assertThatThrownBy(second::start).isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("127.0.0.1:" + first.port());
        }
    }

    @Test
    void theBuilderChecksItsArguments() {
        FakeServer.Builder b = FakeServer.builder();

        assertThatThrownBy(() -> b.port(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.port(65_536)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.acceptKey(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.acceptKey(null)).isInstanceOf(NullPointerException.class).hasMessage("key");
        assertThatThrownBy(() -> b.refuseFromIp("k", "999.1.1.1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.stallFor(java.time.Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FakeServer.builder().fake(NekorektenFake.create()).quota(QuotaPlan.FREE).build())
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void neitherTheServerNorItsBuilderNamesAKey() {
        FakeServer.Builder b = FakeServer.builder().acceptKey("secret-key-1").refuseKey("secret-key-2");
        try (FakeServer server = b.build().start()) {
            assertThat(b.toString()).doesNotContain("secret");
            assertThat(server.toString()).doesNotContain("secret").contains(server.uri().toString());
        }
    }
}
