package io.nekorekten4j.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.nekorekten4j.http.NekorektenHttp;
import io.nekorekten4j.http.VirtualTime;
import io.nekorekten4j.ports.RateLimitedException;
import io.nekorekten4j.ports.ServiceUnavailableException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The presets do what they promise: one request per call, on virtual time, on either transport. */
class TestClientsTest {

    private WireMockServer server;

    @BeforeEach
    void start() {
        server = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @ParameterizedTest
    @EnumSource(TestClients.Wire.class)
    void aFailingCallIsOneRequestAndA429IsWaitedOnVirtualTime(TestClients.Wire wire) {
        server.stubFor(get(urlPathEqualTo("/api/v1/cities")).inScenario("s").whenScenarioStateIs("Started")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120")).willSetStateTo("ok"));
        server.stubFor(get(urlPathEqualTo("/api/v1/cities")).inScenario("s").whenScenarioStateIs("ok")
                .willReturn(aResponse().withStatus(503)));
        // Standing still, so the wait is exactly what the gate asked for, whatever real time passes.
        VirtualTime time = VirtualTime.startingAt(Instant.now());

        try (NekorektenHttp api = TestClients.oneRequestPerCall(URI.create(server.baseUrl()),
                TestClients.randomApiKey(), wire, time).build()) {
            assertThatThrownBy(api::cities).as("the 429").isInstanceOf(RateLimitedException.class);
            assertThatThrownBy(api::cities).as("the 503, not retried").isInstanceOf(ServiceUnavailableException.class);
        }

        server.verify(2, getRequestedFor(urlPathEqualTo("/api/v1/cities")));
        assertThat(time.slept()).as("the Retry-After waited on virtual time").isGreaterThanOrEqualTo(Duration.ofSeconds(120));
    }

    @Test
    void randomKeysDifferAndArgumentsAreChecked() {
        assertThat(TestClients.randomApiKey()).startsWith("k3y").hasSize(35).isNotEqualTo(TestClients.randomApiKey());
        assertThatThrownBy(() -> TestClients.oneRequestPerCall(null, "k", TestClients.Wire.JDK, VirtualTime.create()))
                .isInstanceOf(NullPointerException.class).hasMessage("baseUri");
        assertThatThrownBy(() -> TestClients.oneRequestPerCall(URI.create("http://127.0.0.1"), "k", null,
                VirtualTime.create())).isInstanceOf(NullPointerException.class).hasMessage("wire");
    }
}
