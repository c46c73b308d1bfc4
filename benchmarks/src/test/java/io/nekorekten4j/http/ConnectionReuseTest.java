package io.nekorekten4j.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.nekorekten4j.bench.KeepAliveServer;
import io.nekorekten4j.bench.Payloads;
import io.nekorekten4j.domain.SearchCriteria;
import io.nekorekten4j.domain.SearchMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Connection reuse (issue 5, §3): 1,000 sequential searches of 100 reports through one client open
 * at most one connection to a keep-alive server — the body is read to its end and the connection
 * goes back to the pool every time.
 */
class ConnectionReuseTest {

    private static final int CALLS = 1_000;

    private KeepAliveServer server;

    @BeforeEach
    void startServer() throws Exception {
        server = KeepAliveServer.start(Payloads.searchAnswer(HttpSearchBenchmark.REPORTS));
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void theApacheTransportSendsAThousandSequentialSearchesOverOneConnection() {
        runThousandSearches(BenchClients.unthrottled(server.baseUri(), "reuse-apache-key"));
    }

    @Test
    void theJdkTransportSendsAThousandSequentialSearchesOverOneConnection() {
        runThousandSearches(BenchClients.unthrottled(server.baseUri(), "reuse-jdk-key")
                .transport(JdkTransport.builder().build()));
    }

    private void runThousandSearches(NekorektenHttp.Builder builder) {
        SearchCriteria criteria = SearchCriteria.builder().phone("0888 123 456").email("ivan@example.bg")
                .mode(SearchMode.ONE_OF).build();
        try (NekorektenHttp client = builder.build()) {
            for (int i = 0; i < CALLS; i++) {
                assertThat(client.search(criteria).hits()).hasSize(HttpSearchBenchmark.REPORTS);
            }
        }
        assertThat(server.requests()).as("requests the server answered").isEqualTo(CALLS);
        assertThat(server.acceptedConnections()).as("connections accepted for %d sequential calls", CALLS)
                .isLessThanOrEqualTo(1);
    }
}
