package io.nekorekten4j.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.nekorekten4j.domain.SearchCriteria;
import io.nekorekten4j.http.JdkTransport;
import io.nekorekten4j.http.NekorektenHttp;
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
        server = KeepAliveServer.start(Payloads.searchAnswer(BenchClients.REPORTS));
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
        SearchCriteria criteria = BenchClients.criteria();
        try (NekorektenHttp client = builder.build()) {
            for (int i = 0; i < CALLS; i++) {
                assertThat(client.search(criteria).hits()).hasSize(BenchClients.REPORTS);
            }
        }
        assertThat(server.requests()).as("requests the server answered").isEqualTo(CALLS);
        assertThat(server.lastRequestTarget()).as("the client's request target, which the raw baselines send too")
                .contains(BenchClients.rawSearchTarget());
        assertThat(server.acceptedConnections()).as("connections accepted for %d sequential calls", CALLS)
                .isLessThanOrEqualTo(1);
    }
}
