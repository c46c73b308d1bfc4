package io.nekorekten4j.http;

import io.nekorekten4j.bench.KeepAliveServer;
import io.nekorekten4j.bench.Payloads;
import io.nekorekten4j.domain.SearchCriteria;
import io.nekorekten4j.domain.SearchMode;
import io.nekorekten4j.domain.SearchResult;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.io.CloseMode;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One search of 100 reports on loopback: {@link NekorektenHttp} against the baseline a user would
 * write by hand — an Apache HttpClient 5 {@code GET} ({@link HttpClients#createDefault()}) whose
 * body Yasson decodes into the adapter's own wire DTO, {@link SearchResponseJson}. Each talks to
 * its own {@link KeepAliveServer}; both servers answer the same bytes.
 *
 * <p>The client runs with its defaults (Apache transport, retry and circuit breaker on) except a
 * quota plan too high to ever wait and the result cache off: what is measured is the price of the
 * client's layers (validation, quota gate, retry, circuit breaker, bounded stream, strict JSON,
 * mapping to the domain) over the raw exchange. Run with {@code -prof gc}: compare
 * {@code gc.alloc.rate.norm} (bytes per call) and the times of the two methods in the same run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class HttpSearchBenchmark {

    /** The reports in the answer. */
    static final int REPORTS = 100;

    private KeepAliveServer server;
    private KeepAliveServer rawServer;
    private NekorektenHttp client;
    private CloseableHttpClient raw;
    private Jsonb jsonb;
    private SearchCriteria criteria;
    private URI rawUri;
    private String key;

    /** Starts the server and builds both clients. */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        // One server per client, so that each one's accepted connections are counted apart.
        server = KeepAliveServer.start(Payloads.searchAnswer(REPORTS));
        rawServer = KeepAliveServer.start(Payloads.searchAnswer(REPORTS));
        // A key of its own per trial, so that no quota gate is shared with another trial.
        key = "bench-" + Long.toHexString(System.nanoTime());
        client = BenchClients.unthrottled(server.baseUri(), key).build();
        criteria = SearchCriteria.builder().phone("0888 123 456").email("ivan@example.bg")
                .mode(SearchMode.ONE_OF).build();
        raw = HttpClients.createDefault();
        jsonb = JsonbBuilder.create();
        // The same request line the client sends.
        try (JsonCodec codec = new JsonCodec()) {
            rawUri = new WireRequests(codec, rawServer.baseUri()).searchUri(criteria);
        }
        // Both must work before anything is measured.
        if (client.search(criteria).hits().size() != REPORTS || rawSearch().items.size() != REPORTS) {
            throw new IllegalStateException("the benchmark server did not answer " + REPORTS + " reports");
        }
    }

    /** Prints the connections each server accepted, then closes everything. */
    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        System.out.println();
        System.out.println("[connection reuse] nekorekten4j: " + server.acceptedConnections()
                + " connections accepted for " + server.requests() + " requests; raw: "
                + rawServer.acceptedConnections() + " for " + rawServer.requests());
        client.close();
        raw.close(CloseMode.IMMEDIATE);
        jsonb.close();
        server.close();
        rawServer.close();
    }

    /** The client: one search, 100 hits mapped to the domain. */
    @Benchmark
    public SearchResult nekorekten4j() {
        return client.search(criteria);
    }

    /** The baseline: a raw GET and a Yasson decode into the wire DTO. */
    @Benchmark
    public SearchResponseJson rawHttpClientYasson() throws IOException {
        return rawSearch();
    }

    private SearchResponseJson rawSearch() throws IOException {
        HttpGet get = new HttpGet(rawUri);
        get.addHeader(TransportPolicy.API_KEY_HEADER, key);
        get.addHeader("Accept", "application/json");
        return raw.execute(get, response -> {
            if (response.getCode() != 200) {
                throw new IOException("status " + response.getCode());
            }
            try (InputStream body = response.getEntity().getContent()) {
                return jsonb.fromJson(body, SearchResponseJson.class);
            }
        });
    }
}
