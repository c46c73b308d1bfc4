package io.nekorekten4j.http;

import io.nekorekten4j.bench.Payloads;
import io.nekorekten4j.domain.SearchCriteria;
import io.nekorekten4j.domain.SearchMode;
import io.nekorekten4j.domain.SearchResult;
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
 * The decode path alone, from bytes in memory: the adapter's {@link WireAnswers#search} (strict
 * JSON through {@link JsonCodec} into the wire DTOs, then the mapping to domain hits with their
 * attribution) against raw Yasson decoding the same bytes into the same DTOs. For 0, 1 and 100
 * reports. Run with {@code -prof gc}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DecodeBenchmark {

    /** The reports in the answer. */
    @Param({"0", "1", "100"})
    public int reports;

    private byte[] body;
    private JsonCodec codec;
    private WireAnswers wire;
    private Jsonb jsonb;
    private SearchCriteria criteria;

    /** Builds the answer, the adapter's codec and mapper, and a plain Yasson. */
    @Setup(Level.Trial)
    public void setUp() throws Exception {
        body = Payloads.searchAnswer(reports);
        codec = new JsonCodec();
        wire = new WireAnswers(codec, URI.create("https://api.nekorekten.com"));
        jsonb = JsonbBuilder.create();
        criteria = SearchCriteria.builder().phone("0888 123 456").email("ivan@example.bg")
                .mode(SearchMode.ONE_OF).build();
        if (ours().hits().size() != reports || raw().items.size() != reports) {
            throw new IllegalStateException("the decoders did not read " + reports + " reports");
        }
    }

    /** Releases both bindings. */
    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        codec.close();
        jsonb.close();
    }

    /** The adapter: bytes to a domain {@link SearchResult}. */
    @Benchmark
    public SearchResult ours() throws Exception {
        return wire.search(new JsonCodec.BodyCapture(new ByteArrayInputStream(body)), criteria);
    }

    /** The baseline: bytes to the wire DTO with Yasson's defaults. */
    @Benchmark
    public SearchResponseJson raw() {
        return jsonb.fromJson(new ByteArrayInputStream(body), SearchResponseJson.class);
    }
}
