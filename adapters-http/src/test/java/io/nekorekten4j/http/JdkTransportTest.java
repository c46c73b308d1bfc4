package io.nekorekten4j.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** The transport contract on {@link JdkTransport}, plus its builder. */
class JdkTransportTest extends TransportContract {

    @Override
    Transport newTransport() {
        return JdkTransport.builder().build();
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
    void aClosedTransportRefusesCalls() {
        transport.close();
        transport.close();

        assertThatThrownBy(() -> transport.execute(call("GET", "/api/v1/reports").build(), Got::read))
                .isInstanceOf(IllegalStateException.class);
    }
}
