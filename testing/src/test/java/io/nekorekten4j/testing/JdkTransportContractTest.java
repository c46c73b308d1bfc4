package io.nekorekten4j.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nekorekten4j.http.ApacheTransport;
import io.nekorekten4j.http.JdkTransport;
import io.nekorekten4j.http.Transport;
import io.nekorekten4j.http.TransportIOException;
import io.nekorekten4j.http.TransportRequest;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The transport contract on {@link JdkTransport}, plus its builder. (The tests that look at its
 * internals, threads and exchanges in flight, stay in adapters-http's {@code JdkTransportTest}.)
 */
class JdkTransportContractTest extends TransportContract {

    @Override
    protected Transport newTransport() {
        return JdkTransport.builder().build();
    }

    @Override
    protected Transport newTransportWithConnectionCap(int perRoute) {
        return JdkTransport.builder().maxConnections(perRoute).maxConnectionsPerRoute(perRoute).build();
    }

    @Test
    void theBuilderRefusesAMissingOrNonPositiveConnectTimeout() {
        assertThatThrownBy(() -> JdkTransport.builder().connectTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("connectTimeout");
        assertThatThrownBy(() -> JdkTransport.builder().connectTimeout(null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("connectTimeout");
        assertThatThrownBy(() -> JdkTransport.builder().executor(null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("executor");
    }

    @Test
    void aTransportWithItsOwnExecutorAndConnectTimeoutWorks() throws IOException {
        server.stubFor(get("/api/v1/cities").willReturn(aResponse().withStatus(200).withBody("[]")));
        ExecutorService executor = Executors.newFixedThreadPool(2);
        try (JdkTransport own = JdkTransport.builder().connectTimeout(Duration.ofSeconds(1)).executor(executor).build()) {
            assertThat(own.execute(call("GET", "/api/v1/cities").build(), Got::read).text()).isEqualTo("[]");
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void theBuilderRefusesImpossibleConnectionCaps() {
        assertThatThrownBy(() -> JdkTransport.builder().maxConnections(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxConnections");
        assertThatThrownBy(() -> JdkTransport.builder().maxConnectionsPerRoute(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxConnectionsPerRoute");
        assertThatThrownBy(() -> JdkTransport.builder().maxConnections(2).maxConnectionsPerRoute(3).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not exceed");
    }

    @Test
    void anExecutorGivenToTheBuilderIsLeftToItsOwner() throws IOException {
        server.stubFor(get("/api/v1/cities").willReturn(aResponse().withStatus(200).withBody("[]")));
        ExecutorService executor = Executors.newFixedThreadPool(2);
        try {
            JdkTransport own = JdkTransport.builder().executor(executor).build();
            own.execute(call("GET", "/api/v1/cities").build(), Got::read);

            own.close();

            assertThat(executor.isShutdown()).isFalse();
        } finally {
            executor.shutdownNow();
        }
    }
}
