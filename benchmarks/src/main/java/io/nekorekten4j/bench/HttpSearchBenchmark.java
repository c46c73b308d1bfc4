package io.nekorekten4j.bench;

import io.nekorekten4j.domain.SearchCriteria;
import io.nekorekten4j.domain.SearchResult;
import io.nekorekten4j.http.NekorektenHttp;
import io.nekorekten4j.ports.ServiceFacts;
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
 * body Yasson decodes into a hand-written DTO, {@link HandWrittenSearchAnswer}. Each talks to its
 * own {@link KeepAliveServer}; both servers answer the same bytes, and the setup checks that both
 * clients sent the same request target.
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

    private static final int REPORTS = BenchClients.REPORTS;

    private KeepAliveServer server;
    private KeepAliveServer rawServer;
    private NekorektenHttp client;
    private CloseableHttpClient raw;
    private Jsonb jsonb;
    private SearchCriteria criteria;
    private URI rawUri;
    private String key;

    /** Starts the servers, builds both clients, and checks that both ask the same question. */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        // One server per client, so that each one's accepted connections are counted apart.
        server = KeepAliveServer.start(Payloads.searchAnswer(REPORTS));
        rawServer = KeepAliveServer.start(Payloads.searchAnswer(REPORTS));
        // A key of its own per trial, so that no quota gate is shared with another trial.
        key = "bench-" + Long.toHexString(System.nanoTime());
        client = BenchClients.unthrottled(server.baseUri(), key).build();
        criteria = BenchClients.criteria();
        raw = HttpClients.createDefault();
        jsonb = JsonbBuilder.create();
        rawUri = rawServer.baseUri().resolve(BenchClients.rawSearchTarget());
        // Both must work before anything is measured, and ask the same question.
        if (client.search(criteria).hits().size() != REPORTS || rawSearch().items.size() != REPORTS) {
            throw new IllegalStateException("the benchmark server did not answer " + REPORTS + " reports");
        }
        String sent = server.lastRequestTarget().orElseThrow();
        String rawSent = rawServer.lastRequestTarget().orElseThrow();
        if (!sent.equals(rawSent)) {
            throw new IllegalStateException("the raw baseline asked " + rawSent + ", the client " + sent);
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

    /** The baseline: a raw GET and a Yasson decode into a hand-written DTO. */
    @Benchmark
    public HandWrittenSearchAnswer rawHttpClientYasson() throws IOException {
        return rawSearch();
    }

    private HandWrittenSearchAnswer rawSearch() throws IOException {
        HttpGet get = new HttpGet(rawUri);
        get.addHeader(ServiceFacts.API_KEY_HEADER, key);
        get.addHeader("Accept", "application/json");
        return raw.execute(get, response -> {
            if (response.getCode() != 200) {
                throw new IOException("status " + response.getCode());
            }
            try (InputStream body = response.getEntity().getContent()) {
                return jsonb.fromJson(body, HandWrittenSearchAnswer.class);
            }
        });
    }
}
