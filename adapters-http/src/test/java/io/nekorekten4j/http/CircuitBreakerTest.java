package io.nekorekten4j.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.nekorekten4j.http.NekorektenHttpTestSupport.client;
import static io.nekorekten4j.http.NekorektenHttpTestSupport.fixture;
import static io.nekorekten4j.http.NekorektenHttpTestSupport.randomKey;
import static io.nekorekten4j.http.NekorektenHttpTestSupport.transport;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.nekorekten4j.domain.SearchCriteria;
import io.nekorekten4j.ports.CircuitOpenException;
import io.nekorekten4j.ports.ErrorCode;
import io.nekorekten4j.ports.NekorektenException;
import io.nekorekten4j.ports.NotFoundException;
import io.nekorekten4j.ports.RateLimitedException;
import io.nekorekten4j.ports.ServiceUnavailableException;
import io.nekorekten4j.ports.TransportException;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The circuit opens on consecutive failures of the service's side, fails fast while open, and recovers. */
@Timeout(60)
class CircuitBreakerTest {

    @RegisterExtension
    static WireMockExtension service = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
            .build();

    private static final SearchCriteria CRITERIA = SearchCriteria.builder().phone("0888 123 456").build();

    private final VirtualTime sleeper = VirtualTime.startingAt(Instant.now());
    private NekorektenHttp api;

    @AfterEach
    void close() {
        if (api != null) {
            api.close();
        }
    }

    /** A client without retries, so that one call is one request. */
    private NekorektenHttp api(Function<NekorektenHttp.Builder, NekorektenHttp.Builder> settings) {
        api = settings.apply(client(service.baseUrl(), randomKey(), transport("apache"), sleeper)
                .retry(RetryOptions.disabled())).build();
        return api;
    }

    private NekorektenHttp api() {
        return api(b -> b);
    }

    private static int requests() {
        return service.findAll(anyRequestedFor(anyUrl())).size();
    }

    private static void answer(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder response) {
        service.stubFor(get(urlPathEqualTo("/api/v1/reports")).willReturn(response));
    }

    @Test
    void fiveConsecutive503sOpenItAndTheNextCallFailsFastWithoutARequest() {
        answer(aResponse().withStatus(503));
        NekorektenHttp client = api();
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> client.search(CRITERIA)).isInstanceOf(ServiceUnavailableException.class);
        }
        assertThat(requests()).isEqualTo(5);

        assertThatThrownBy(() -> client.search(CRITERIA)).isInstanceOfSatisfying(CircuitOpenException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.CIRCUIT_OPEN);
            assertThat(e.context().method()).contains("GET");
            assertThat(e.context().path()).contains("/api/v1/reports");
        });
        assertThat(requests()).isEqualTo(5);
    }

    @Test
    void fourFailuresDoNotOpenIt() {
        answer(aResponse().withStatus(503));
        NekorektenHttp client = api();
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> client.search(CRITERIA)).isInstanceOf(ServiceUnavailableException.class);
        }
        answer(okJson(fixture("search-live.json")));

        assertThat(client.search(CRITERIA).reports()).hasSize(1);
        assertThat(requests()).isEqualTo(5);
    }

    @Test
    void clientErrorsAndRateLimitsNeverOpenIt() {
        NekorektenHttp client = api();
        answer(aResponse().withStatus(404).withBody(fixture("error-404.json")));
        for (int i = 0; i < 6; i++) {
            assertThatThrownBy(() -> client.search(CRITERIA)).isInstanceOf(NotFoundException.class);
        }
        answer(aResponse().withStatus(429).withBody(fixture("error-429.json")));
        for (int i = 0; i < 6; i++) {
            assertThatThrownBy(() -> client.search(CRITERIA)).isInstanceOf(RateLimitedException.class);
        }
        answer(aResponse().withStatus(400).withBody(fixture("error-400-fields.json")));
        for (int i = 0; i < 6; i++) {
            assertThatThrownBy(() -> client.search(CRITERIA)).isNotInstanceOf(CircuitOpenException.class);
        }

        assertThat(requests()).isEqualTo(18);
    }

    @Test
    void transportFailuresOpenItToo() {
        answer(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        NekorektenHttp client = api();
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> client.search(CRITERIA)).isInstanceOf(TransportException.class);
        }

        assertThatThrownBy(() -> client.search(CRITERIA)).isInstanceOf(CircuitOpenException.class);
        assertThat(requests()).isEqualTo(5);
    }

    @Test
    void afterTheOpenDurationOneTrialCallGoesThroughAndASuccessClosesIt() {
        answer(aResponse().withStatus(500));
        NekorektenHttp client = api();
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> client.search(CRITERIA)).isInstanceOf(ServiceUnavailableException.class);
        }
        assertThatThrownBy(() -> client.search(CRITERIA)).isInstanceOf(CircuitOpenException.class);
        answer(okJson(fixture("search-live.json")));

        sleeper.advance(Duration.ofSeconds(31));

        assertThat(client.search(CRITERIA).reports()).hasSize(1);
        assertThat(client.search(CRITERIA).reports()).hasSize(1);
        assertThat(requests()).isEqualTo(7);
    }

    @Test
    void aFailedTrialCallOpensItAgain() {
        answer(aResponse().withStatus(500));
        NekorektenHttp client = api();
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> client.search(CRITERIA)).isInstanceOf(ServiceUnavailableException.class);
        }
        sleeper.advance(Duration.ofSeconds(31));

        assertThatThrownBy(() -> client.search(CRITERIA)).isInstanceOf(ServiceUnavailableException.class);
        assertThatThrownBy(() -> client.search(CRITERIA)).isInstanceOf(CircuitOpenException.class);
        assertThat(requests()).isEqualTo(6);
    }

    @Test
    void aRetriedCallCountsOnce() {
        answer(aResponse().withStatus(503));
        api = client(service.baseUrl(), randomKey(), transport("apache"), sleeper)
                .circuitBreaker(CircuitBreakerOptions.builder().failureThreshold(2).build())
                .build();
        NekorektenHttp client = api;
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> client.search(CRITERIA)).isInstanceOf(ServiceUnavailableException.class);
        }
        assertThat(requests()).as("2 calls × 3 attempts").isEqualTo(6);

        assertThatThrownBy(() -> client.search(CRITERIA)).isInstanceOf(CircuitOpenException.class);
        assertThat(requests()).isEqualTo(6);
    }

    @Test
    void aDisabledBreakerNeverOpens() {
        answer(aResponse().withStatus(503));
        NekorektenHttp client = api(b -> b.circuitBreaker(CircuitBreakerOptions.disabled()));
        for (int i = 0; i < 8; i++) {
            assertThatThrownBy(() -> client.search(CRITERIA)).isInstanceOf(ServiceUnavailableException.class);
        }

        assertThat(requests()).isEqualTo(8);
    }

    @Test
    void aCircuitOpenFailureIsNoUsableAnswerNeverAServiceAnswer() {
        answer(aResponse().withStatus(503));
        NekorektenHttp client = api(b -> b.circuitBreaker(CircuitBreakerOptions.builder().failureThreshold(1).build()));
        assertThatThrownBy(() -> client.search(CRITERIA)).isInstanceOf(ServiceUnavailableException.class);

        assertThatThrownBy(() -> client.search(CRITERIA)).isInstanceOfSatisfying(NekorektenException.class,
                e -> assertThat(e.code().serviceAnswered()).isFalse());
    }
}
