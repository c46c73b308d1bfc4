package io.nekorekten4j.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The JMH benchmarks are not run by the build, but their setups are: each checks that both sides
 * work and ask the same question (the raw request target equal to the client's, the in-memory
 * transport reached with the key), so a change of the client that breaks a benchmark fails here.
 */
class BenchmarkSetupTest {

    @Test
    void theHttpSearchBenchmarkSetsUpWithBothClientsAskingTheSameQuestion() throws Exception {
        HttpSearchBenchmark benchmark = new HttpSearchBenchmark();
        benchmark.setUp();
        try {
            assertThat(benchmark.nekorekten4j().hits()).hasSize(BenchClients.REPORTS);
            assertThat(benchmark.rawHttpClientYasson().items).hasSize(BenchClients.REPORTS);
        } finally {
            benchmark.tearDown();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 100})
    void theDecodeBenchmarkSetsUpAndBothSidesReadEveryReport(int reports) throws Exception {
        DecodeBenchmark benchmark = new DecodeBenchmark();
        benchmark.reports = reports;
        benchmark.setUp();
        try {
            assertThat(benchmark.ours().hits()).hasSize(reports);
            assertThat(benchmark.raw().items).hasSize(reports);
        } finally {
            benchmark.tearDown();
        }
    }
}
