package io.nekorekten4j.redis;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;

/**
 * The service as the fleet sees it: a real HTTP server on a loopback port that notes the instant
 * every request arrives (on this one JVM's clock, whatever the instances' clocks say) and answers
 * every search with no reports.
 */
final class CountingServer implements AutoCloseable {

    private static final byte[] EMPTY_SEARCH = ("{\"message\":null,\"items\":[],\"count\":0,\"currentPage\":1,"
            + "\"itemsPerPage\":20,\"server\":{\"date\":\"2026-02-27 20:22:33\",\"httpCode\":200}}")
            .getBytes(StandardCharsets.UTF_8);

    private final HttpServer server;
    private final List<Instant> arrivals = new ArrayList<>();

    private CountingServer(HttpServer server) {
        this.server = server;
    }

    static CountingServer start() {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
            CountingServer counting = new CountingServer(http);
            http.createContext("/", counting::handle);
            http.setExecutor(Executors.newFixedThreadPool(16));
            http.start();
            return counting;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the counting server", e);
        }
    }

    String baseUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The arrival instants, in order. */
    synchronized List<Instant> arrivals() {
        return arrivals.stream().sorted().toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        synchronized (this) {
            arrivals.add(Instant.now());
        }
        exchange.getRequestBody().readAllBytes();
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(200, EMPTY_SEARCH.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(EMPTY_SEARCH);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
