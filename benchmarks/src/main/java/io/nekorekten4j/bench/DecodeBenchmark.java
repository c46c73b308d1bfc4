package io.nekorekten4j.bench;

import io.nekorekten4j.domain.SearchCriteria;
import io.nekorekten4j.domain.SearchResult;
import io.nekorekten4j.http.NekorektenHttp;
import io.nekorekten4j.http.TransportRequest;
import io.nekorekten4j.ports.ServiceFacts;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The client without a network, from bytes in memory, for 0, 1 and 100 reports, through public API
 * only: {@link NekorektenHttp#search} over an {@link InMemoryTransport} that answers the same bytes
 * every time, against raw Yasson decoding those bytes into {@link HandWrittenSearchAnswer}. Run
 * with {@code -prof gc}.
 *
 * <p>What "ours" includes besides the decode (strict JSON into the adapter's wire DTOs, the mapping
 * to domain reports and hits with their attribution): the client's whole per-call path with the
 * settings of {@link BenchClients#unthrottled} — validation, the observation hook, the cache stage
 * (off: it passes), the circuit breaker, the retry step, a quota permit of a plan that never waits,
 * the call deadline, the request's URI and headers, the transport step's status and error mapping,
 * and the bounded body stream. What it excludes: sockets, HTTP parsing and the connection pool, which
 * {@link HttpSearchBenchmark} measures. The raw side does only the JSON binding, so the ratio is
 * the price of the client's layers and domain mapping over a bare decode, not of the decode alone.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DecodeBenchmark {

    /** The reports in the answer. */
    @Param({"0", "1", "100"})
    public int reports;

    private byte[] body;
    private InMemoryTransport transport;
    private NekorektenHttp client;
    private Jsonb jsonb;
    private SearchCriteria criteria;

    /** Builds the answer, a client over the in-memory transport, and a plain Yasson; checks both. */
    @Setup(Level.Trial)
    public void setUp() {
        body = Payloads.searchAnswer(reports);
        transport = new InMemoryTransport(body);
        // The key is a fresh one per trial, so that no quota gate is shared with another trial.
        client = BenchClients.unthrottled(URI.create("https://api.nekorekten.com"),
                "decode-" + Long.toHexString(System.nanoTime())).transport(transport).build();
        jsonb = JsonbBuilder.create();
        criteria = BenchClients.criteria();
        if (ours().hits().size() != reports || raw().items.size() != reports) {
            throw new IllegalStateException("the decoders did not read " + reports + " reports");
        }
        TransportRequest sent = transport.lastRequest().orElseThrow();
        String target = sent.uri().getRawPath() + '?' + sent.uri().getRawQuery();
        if (!target.equals(BenchClients.rawSearchTarget()) || !sent.headers().containsKey(ServiceFacts.API_KEY_HEADER)) {
            throw new IllegalStateException("the client did not send the search: " + sent);
        }
    }

    /** Closes the client (and with it the transport) and Yasson. */
    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        client.close();
        jsonb.close();
    }

    /** The client: one search, the answer from memory, mapped to a domain {@link SearchResult}. */
    @Benchmark
    public SearchResult ours() {
        return client.search(criteria);
    }

    /** The baseline: bytes to a hand-written DTO with Yasson's defaults. */
    @Benchmark
    public HandWrittenSearchAnswer raw() {
        return jsonb.fromJson(new ByteArrayInputStream(body), HandWrittenSearchAnswer.class);
    }
}
