package io.nekorekten4j.bench;

import io.nekorekten4j.domain.SearchCriteria;
import io.nekorekten4j.domain.SearchResult;
import io.nekorekten4j.fake.NekorektenFake;
import java.util.SplittableRandom;
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

/**
 * A screening search ({@code ONE_OF} phone and e-mail) on the in-memory fake holding 10,000 and
 * 1,000,000 reports ({@link FakeData}), in {@code SampleTime} mode for the p50 and p99: a buyer
 * who has a report (one hit, masked and rendered) and a buyer who has none. The data set is built
 * once per trial; the queries are built in advance and taken in a seeded random order, so that
 * parsing the criteria is not measured and the caches see scattered reports.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class FakeSearchBenchmark {

    private static final int QUERIES = 1 << 14;

    /** The reports stored. */
    @Param({"10000", "1000000"})
    public int reports;

    private NekorektenFake fake;
    private SearchCriteria[] known;
    private SearchCriteria[] unknown;
    private int next;

    /** Fills the fake and prepares the queries. */
    @Setup(Level.Trial)
    public void setUp() {
        fake = NekorektenFake.builder().seed(7).build();
        FakeData.fill(fake, reports);
        SplittableRandom random = new SplittableRandom(11);
        known = new SearchCriteria[QUERIES];
        unknown = new SearchCriteria[QUERIES];
        for (int q = 0; q < QUERIES; q++) {
            known[q] = FakeData.knownBuyer(random.nextInt(reports));
            unknown[q] = FakeData.unknownBuyer(q);
        }
        if (fake.search(known[0]).totalCount().orElse(-1) != 1 || fake.search(unknown[0]).totalCount().orElse(-1) != 0) {
            throw new IllegalStateException("the fake does not hold the expected reports");
        }
    }

    /** A buyer with one report. */
    @Benchmark
    public SearchResult knownBuyer() {
        return fake.search(known[next++ & (QUERIES - 1)]);
    }

    /** A buyer with none. */
    @Benchmark
    public SearchResult unknownBuyer() {
        return fake.search(unknown[next++ & (QUERIES - 1)]);
    }
}
