package io.nekorekten4j.bench;

import io.nekorekten4j.domain.SearchCriteria;
import io.nekorekten4j.domain.SearchMode;
import io.nekorekten4j.domain.SearchResult;
import io.nekorekten4j.http.NekorektenHttp;
import io.nekorekten4j.ports.ServiceFacts;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cold start: in a fresh JVM, build a client and make its first search of 100 reports on loopback
 * — class loading, the JSON binding (Yasson's model of the DTOs), the connection pool and the
 * first connection included. One shot per fork; the p50 is the median over the forks (5 by
 * default). The raw HttpClient + Yasson baseline, decoding into {@link HandWrittenSearchAnswer}, is
 * measured the same way for scale. The criteria are built inside the measurement on purpose (their
 * parsing is part of a first search); the raw side's request target is the one
 * {@link HttpSearchBenchmark} checks against the client's.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@Fork(5)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ColdStartBenchmark {

    private KeepAliveServer server;

    /** Starts the server (its own classes load here, outside the measurement). */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        server = KeepAliveServer.start(Payloads.searchAnswer(BenchClients.REPORTS));
    }

    /** Stops the server. */
    @TearDown(Level.Trial)
    public void tearDown() {
        server.close();
    }

    /**
     * A new {@link NekorektenHttp} with every default (cache included) and its first search, the
     * parsing of the criteria included.
     */
    @Benchmark
    public SearchResult nekorekten4jNewClientFirstSearch() {
        try (NekorektenHttp client = NekorektenHttp.builder().baseUri(server.baseUri()).apiKey("cold-start-key")
                .build()) {
            return client.search(SearchCriteria.builder().phone("0888 123 456").email("ivan@example.bg")
                    .mode(SearchMode.ONE_OF).build());
        }
    }

    /** A new default HttpClient and Yasson, and their first GET and decode. */
    @Benchmark
    public HandWrittenSearchAnswer rawNewClientFirstGet() throws Exception {
        try (CloseableHttpClient raw = HttpClients.createDefault(); Jsonb jsonb = JsonbBuilder.create()) {
            HttpGet get = new HttpGet(server.baseUri().resolve(BenchClients.rawSearchTarget()));
            get.addHeader(ServiceFacts.API_KEY_HEADER, "cold-start-key");
            get.addHeader("Accept", "application/json");
            return raw.execute(get, response -> {
                try (InputStream body = response.getEntity().getContent()) {
                    return jsonb.fromJson(body, HandWrittenSearchAnswer.class);
                }
            });
        }
    }
}
