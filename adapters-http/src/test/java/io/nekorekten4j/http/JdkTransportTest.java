package io.nekorekten4j.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@link JdkTransport}'s internals: its threads and its exchanges in flight. The public transport
 * contract and the builder's rules run in the testing module ({@code JdkTransportContractTest});
 * these two tests need the package-private counters.
 */
class JdkTransportTest {

    private static final Map<String, String> HEADERS = Map.of("Api-Key", "jdk-transport-test-key", "Accept",
            "application/json");

    @Test
    void closeStopsTheThreadsOfTheTransport() throws Exception {
        WireMockServer server = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        try {
            server.stubFor(get("/api/v1/cities").willReturn(aResponse().withStatus(200).withBody("[]")));
            JdkTransport jdk = JdkTransport.builder().build();
            jdk.execute(request("GET", URI.create(server.baseUrl() + "/api/v1/cities"), Duration.ofSeconds(5)),
                    response -> response.body().readAllBytes());
            assertThat(liveThreadsNamed(jdk.threadNamePrefix())).as("threads while open").isPositive();

            jdk.close();

            // Threads end on their own schedule after shutdownNow(); wait for it, never for long.
            long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (liveThreadsNamed(jdk.threadNamePrefix()) > 0 && System.nanoTime() < end) {
                Thread.sleep(20);
            }
            assertThat(liveThreadsNamed(jdk.threadNamePrefix())).as("threads after close").isZero();
        } finally {
            server.stop();
        }
    }

    @Test
    void closeFailsACallWaitingForAConnectionAsNotSentAndTheCallHoldingItAsBroken() throws Exception {
        try (SilentServer silent = new SilentServer()) {
            JdkTransport one = JdkTransport.builder().maxConnections(1).maxConnectionsPerRoute(1).build();
            TransportRequest request = request("POST", silent.uri(), Duration.ofSeconds(30));
            ExecutorService callers = Executors.newFixedThreadPool(2);
            try {
                Future<Throwable> holding = callers.submit(() -> failureOf(one, request));
                assertThat(silent.firstRequest.await(10, TimeUnit.SECONDS)).as("the first request arrived").isTrue();
                Future<Throwable> waiting = callers.submit(() -> failureOf(one, request));
                awaitWaiters(one);

                one.close();

                Throwable held = holding.get(10, TimeUnit.SECONDS);
                Throwable waited = waiting.get(10, TimeUnit.SECONDS);
                assertThat(held).isInstanceOf(TransportIOException.class);
                assertThat(((TransportIOException) held).kind()).isEqualTo(TransportIOException.Kind.BROKEN);
                assertThat(waited).isInstanceOf(TransportIOException.class);
                assertThat(((TransportIOException) waited).kind()).isEqualTo(TransportIOException.Kind.NOT_SENT);
                assertThat(silent.requests.get()).as("only the call holding the connection was sent").isEqualTo(1);
            } finally {
                callers.shutdownNow();
            }
        }
    }

    private static TransportRequest request(String method, URI uri, Duration responseTimeout) {
        Optional<RequestBody> body = method.equals("POST")
                ? Optional.of(new RequestBody.Json("{\"text\":\"once\"}".getBytes(StandardCharsets.UTF_8)))
                : Optional.empty();
        return new TransportRequest(method, uri, HEADERS, List.of("Api-Key"), body, Duration.ofSeconds(2),
                responseTimeout, Instant.now().plusSeconds(60), 1024 * 1024);
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

    private static Throwable failureOf(JdkTransport transport, TransportRequest request) {
        try {
            transport.execute(request, response -> response.body().readAllBytes());
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

    /**
     * A server on 127.0.0.1 that reads each request head, counts it and never answers (the testing
     * module's raw-socket server does more; this test needs only a request held forever).
     */
    private static final class SilentServer implements AutoCloseable {
        final AtomicInteger requests = new AtomicInteger();
        final CountDownLatch firstRequest = new CountDownLatch(1);
        private final ServerSocket socket;
        private final List<Socket> connections = new CopyOnWriteArrayList<>();

        SilentServer() throws IOException {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread acceptor = new Thread(this::accept, "silent-server");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        URI uri() {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/api/v1/reports");
        }

        private void accept() {
            while (!socket.isClosed()) {
                try {
                    Socket connection = socket.accept();
                    connections.add(connection);
                    Thread reader = new Thread(() -> readHeads(connection), "silent-server-reader");
                    reader.setDaemon(true);
                    reader.start();
                } catch (IOException closed) {
                    return; // close() closed the socket: the server is done
                }
            }
        }

        /** Counts each request head (up to its blank line), then keeps reading until the client goes. */
        private void readHeads(Socket connection) {
            try (InputStream in = connection.getInputStream()) {
                int matched = 0;
                byte[] end = {'\r', '\n', '\r', '\n'};
                for (int b = in.read(); b >= 0; b = in.read()) {
                    matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
                    if (matched == end.length) {
                        matched = 0;
                        requests.incrementAndGet();
                        firstRequest.countDown();
                    }
                }
            } catch (IOException goneAway) {
                // The client closed or reset the connection: nothing more to count.
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
            for (Socket connection : connections) {
                connection.close();
            }
        }
    }
}
