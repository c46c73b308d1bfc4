package io.nekorekten4j.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The transport contract on {@link JdkTransport}, plus its builder. */
class JdkTransportTest extends TransportContract {

    @Override
    Transport newTransport() {
        return JdkTransport.builder().build();
    }

    @Override
    Transport newTransportWithConnectionCap(int perRoute) {
        return JdkTransport.builder().maxConnections(perRoute).maxConnectionsPerRoute(perRoute).build();
    }

    @Test
    void theBuilderRefusesAMissingOrNonPositiveConnectTimeout() {
        assertThatThrownBy(() -> JdkTransport.builder().connectTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("connectTimeout");
        assertThatThrownBy(() -> JdkTransport.builder().connectTimeout(null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("connectTimeout");
        assertThatThrownBy(() -> JdkTransport.builder().executor(null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("executor");
    }

    @Test
    void aTransportWithItsOwnExecutorAndConnectTimeoutWorks() throws IOException {
        server.stubFor(get("/api/v1/cities").willReturn(aResponse().withStatus(200).withBody("[]")));
        ExecutorService executor = Executors.newFixedThreadPool(2);
        try (JdkTransport own = JdkTransport.builder().connectTimeout(Duration.ofSeconds(1)).executor(executor).build()) {
            assertThat(own.execute(call("GET", "/api/v1/cities").build(), Got::read).text()).isEqualTo("[]");
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void theBuilderRefusesImpossibleConnectionCaps() {
        assertThatThrownBy(() -> JdkTransport.builder().maxConnections(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxConnections");
        assertThatThrownBy(() -> JdkTransport.builder().maxConnectionsPerRoute(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxConnectionsPerRoute");
        assertThatThrownBy(() -> JdkTransport.builder().maxConnections(2).maxConnectionsPerRoute(3).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not exceed");
    }

    @Test
    void closeStopsTheThreadsOfTheTransport() throws Exception {
        server.stubFor(get("/api/v1/cities").willReturn(aResponse().withStatus(200).withBody("[]")));
        JdkTransport jdk = (JdkTransport) transport;
        jdk.execute(call("GET", "/api/v1/cities").build(), Got::read);
        assertThat(liveThreadsNamed(jdk.threadNamePrefix())).as("threads while open").isPositive();

        jdk.close();

        // Threads end on their own schedule after shutdownNow(); wait for it, never for long.
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (liveThreadsNamed(jdk.threadNamePrefix()) > 0 && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        assertThat(liveThreadsNamed(jdk.threadNamePrefix())).as("threads after close").isZero();
    }

    @Test
    void anExecutorGivenToTheBuilderIsLeftToItsOwner() throws IOException {
        server.stubFor(get("/api/v1/cities").willReturn(aResponse().withStatus(200).withBody("[]")));
        ExecutorService executor = Executors.newFixedThreadPool(2);
        try {
            JdkTransport own = JdkTransport.builder().executor(executor).build();
            own.execute(call("GET", "/api/v1/cities").build(), Got::read);

            own.close();

            assertThat(executor.isShutdown()).isFalse();
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void closeFailsACallWaitingForAConnectionAsNotSentAndTheCallHoldingItAsBroken() throws Exception {
        try (RawSocketServer raw = RawSocketServer.always(RawSocketServer.Behaviour.HANG)) {
            JdkTransport one = JdkTransport.builder().maxConnections(1).maxConnectionsPerRoute(1).build();
            TransportRequest request = rawCall(raw, "POST").responseTimeout(Duration.ofSeconds(30))
                    .deadline(Instant.now().plusSeconds(60)).build();
            ExecutorService callers = Executors.newFixedThreadPool(2);
            try {
                Future<Throwable> holding = callers.submit(() -> failureOf(() -> one.execute(request, Got::read)));
                assertThat(raw.awaitRequest(Duration.ofSeconds(10))).isTrue();
                Future<Throwable> waiting = callers.submit(() -> failureOf(() -> one.execute(request, Got::read)));
                awaitWaiters(one);

                one.close();

                Throwable held = holding.get(10, TimeUnit.SECONDS);
                Throwable waited = waiting.get(10, TimeUnit.SECONDS);
                assertThat(held).isInstanceOf(TransportException.class);
                assertThat(((TransportException) held).kind()).as(chain(held)).isEqualTo(TransportException.Kind.BROKEN);
                assertThat(waited).isInstanceOf(TransportException.class);
                assertThat(((TransportException) waited).kind()).as(chain(waited))
                        .isEqualTo(TransportException.Kind.NOT_SENT);
                assertThat(raw.requests()).as("only the call holding the connection was sent").isEqualTo(1);
            } finally {
                callers.shutdownNow();
            }
        }
    }

    /** Waits (briefly) until a second call is queued behind the cap: it shows as a second exchange in flight. */
    private static void awaitWaiters(JdkTransport transport) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (transport.exchangesInFlight() < 2 && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        assertThat(transport.exchangesInFlight()).as("calls in flight").isEqualTo(2);
        assertThat(transport.exchangesInUse()).as("calls holding a connection").isEqualTo(1);
    }

    private static Throwable failureOf(ThrowingCall call) {
        try {
            call.run();
            return null;
        } catch (Throwable t) {
            return t;
        }
    }

    private static long liveThreadsNamed(String prefix) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.isAlive() && thread.getName().startsWith(prefix))
                .count();
    }
}
