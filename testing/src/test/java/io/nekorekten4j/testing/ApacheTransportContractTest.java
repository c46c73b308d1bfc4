package io.nekorekten4j.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.github.tomakehurst.wiremock.http.Fault;
import io.nekorekten4j.http.ApacheTransport;
import io.nekorekten4j.http.JdkTransport;
import io.nekorekten4j.http.Transport;
import io.nekorekten4j.http.TransportIOException;
import io.nekorekten4j.http.TransportRequest;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The transport contract on {@link ApacheTransport}, plus its pool accounting. */
class ApacheTransportContractTest extends TransportContract {

    @Override
    protected Transport newTransport() {
        return ApacheTransport.builder().build();
    }

    @Override
    protected Transport newTransportWithConnectionCap(int perRoute) {
        return ApacheTransport.builder().maxConnections(perRoute).maxConnectionsPerRoute(perRoute).build();
    }

    @Test
    void afterAThousandFaultedCallsThePoolHasNothingLeasedOrPending() {
        // A pool of 4: a lease lost on any path would exhaust it within a few calls, and every later
        // call would then wait for a connection until its deadline and fail as a TIMEOUT.
        ApacheTransport pooled = ApacheTransport.builder().maxConnections(4).maxConnectionsPerRoute(4).build();
        List<String> paths = List.of("/reset", "/empty", "/chunk", "/random", "/big", "/handler-throws",
                "/handler-stops-early", "/ok");
        server.stubFor(get("/reset").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        server.stubFor(get("/empty").willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));
        server.stubFor(get("/chunk").willReturn(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)));
        server.stubFor(get("/random").willReturn(aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE)));
        server.stubFor(get("/big").willReturn(aResponse().withStatus(200).withBody(new byte[16 * 1024])));
        server.stubFor(get("/handler-throws").willReturn(aResponse().withStatus(200).withBody(new byte[16 * 1024])));
        server.stubFor(get("/handler-stops-early").willReturn(aResponse().withStatus(200).withBody(new byte[16 * 1024])));
        server.stubFor(get("/ok").willReturn(aResponse().withStatus(200).withBody("{}")));
        Map<String, Integer> outcomes = new TreeMap<>();

        try (pooled) {
            assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
                for (int i = 0; i < 1_000; i++) {
                    String path = paths.get(i % paths.size());
                    outcomes.merge(path + " → " + callOnce(pooled, path), 1, Integer::sum);
                }
            });
            ApacheTransport.PoolStats stats = pooled.poolStats();
            System.out.println("pool after 1000 faulted calls: leased=" + stats.leased() + " pending="
                    + stats.pending() + " available=" + stats.available() + " max=" + stats.max());
            System.out.println("outcomes: " + outcomes);

            assertThat(stats.leased()).isZero();
            assertThat(stats.pending()).isZero();
            assertThat(stats.max()).isEqualTo(4);
            assertThat(outcomes.keySet()).noneMatch(outcome -> outcome.contains("TIMEOUT"));
        }
    }

    private static String callOnce(ApacheTransport pooled, String path) {
        TransportRequest request = call("GET", path)
                .responseTimeout(Duration.ofSeconds(2))
                .deadline(java.time.Instant.now().plusSeconds(5))
                .maxResponseBytes(path.equals("/big") ? 1024 : 1024 * 1024)
                .build();
        try {
            Integer read = pooled.execute(request, response -> switch (path) {
                case "/handler-throws" -> {
                    response.body().read();
                    throw new IOException("the handler gives up");
                }
                case "/handler-stops-early" -> response.body().read();
                default -> response.body().readAllBytes().length;
            });
            return "read " + read;
        } catch (TransportIOException e) {
            return e.kind().name();
        } catch (IOException e) {
            return e.getMessage();
        }
    }

    @Test
    void anAnswerWithMoreThanAHundredHeadersLeavesNothingLeased() {
        var answer = aResponse().withStatus(200).withBody("{}");
        for (int i = 0; i < 150; i++) {
            answer = answer.withHeader("X-Filler-" + i, "v");
        }
        server.stubFor(get("/api/v1/reports").willReturn(answer));

        TransportIOException failure = catchThrowableOfType(TransportIOException.class,
                () -> transport.execute(call("GET", "/api/v1/reports").build(), Got::read));

        assertThat(failure).isNotNull();
        assertThat(failure.kind()).as(chain(failure)).isEqualTo(TransportIOException.Kind.BROKEN);
        assertThat(((ApacheTransport) transport).poolStats().leased()).isZero();
    }

    @Test
    void aFreshPoolHasNothingLeasedAndTheConfiguredLimit() {
        try (ApacheTransport pooled = ApacheTransport.builder().maxConnections(7).maxConnectionsPerRoute(3).build()) {
            assertThat(pooled.poolStats()).isEqualTo(new ApacheTransport.PoolStats(0, 0, 0, 7));
        }
    }

    @Test
    void theBuilderRefusesImpossiblePoolLimits() {
        assertThatThrownBy(() -> ApacheTransport.builder().maxConnections(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxConnections");
        assertThatThrownBy(() -> ApacheTransport.builder().maxConnectionsPerRoute(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxConnectionsPerRoute");
        assertThatThrownBy(() -> ApacheTransport.builder().maxConnections(2).maxConnectionsPerRoute(3).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not exceed");
    }
}
