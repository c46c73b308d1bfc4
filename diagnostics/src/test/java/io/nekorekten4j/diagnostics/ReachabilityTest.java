package io.nekorekten4j.diagnostics;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** The checks that cost nothing: each failure stops the run before any request is sent. */
class ReachabilityTest {

    @Test
    void aNameThatDoesNotResolveFailsDnsAndSendsNothing() {
        DiagnosticsReport report = Diagnostics.builder().apiKey("k-dns")
                .baseUri("https://nekorekten4j-doctor.invalid").build().run();

        assertThat(report.check("dns").orElseThrow().status()).isEqualTo(Status.FAILURE);
        assertThat(report.check("key").orElseThrow().status()).isEqualTo(Status.SKIPPED);
        assertThat(report.requestsSent()).isZero();
        assertThat(report.overall()).isEqualTo(Status.FAILURE);
    }

    @Test
    void aClosedPortFailsTcp() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }

        DiagnosticsReport report = Diagnostics.builder().apiKey("k-tcp").baseUri("http://127.0.0.1:" + port).build().run();

        assertThat(report.check("tcp").orElseThrow().status()).isEqualTo(Status.FAILURE);
        assertThat(report.check("tls").orElseThrow().status()).isEqualTo(Status.SKIPPED);
        assertThat(report.requestsSent()).isZero();
    }

    @Test
    void anUntrustedCertificateFailsTlsBeforeTheKeyIsSent() {
        WireMockServer https = new WireMockServer(wireMockConfig().httpDisabled(true).dynamicHttpsPort()
                .bindAddress("127.0.0.1"));
        https.start();
        try {
            DiagnosticsReport report = Diagnostics.builder().apiKey("k-tls")
                    .baseUri("https://localhost:" + https.httpsPort()).build().run();

            Check tls = report.check("tls").orElseThrow();
            assertThat(tls.status()).isEqualTo(Status.FAILURE);
            assertThat(tls.fix().orElseThrow()).contains("trustStore");
            assertThat(report.requestsSent()).isZero();
            assertThat(https.getAllServeEvents()).isEmpty();
        } finally {
            https.stop();
        }
    }
}
