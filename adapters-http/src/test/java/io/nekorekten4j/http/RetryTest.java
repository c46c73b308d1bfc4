package io.nekorekten4j.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.nekorekten4j.http.NekorektenHttpTestSupport.client;
import static io.nekorekten4j.http.NekorektenHttpTestSupport.fixture;
import static io.nekorekten4j.http.NekorektenHttpTestSupport.randomKey;
import static io.nekorekten4j.http.NekorektenHttpTestSupport.transport;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.nekorekten4j.domain.ReportDraft;
import io.nekorekten4j.domain.ReportId;
import io.nekorekten4j.domain.ReportPatch;
import io.nekorekten4j.domain.SearchCriteria;
import io.nekorekten4j.ports.InvalidRequestException;
import io.nekorekten4j.ports.NotFoundException;
import io.nekorekten4j.ports.RateLimitedException;
import io.nekorekten4j.ports.ServiceUnavailableException;
import io.nekorekten4j.ports.TransportException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which failures are retried, how long the client waits, and that a write is never duplicated.
 * Waits go through a recording sleeper on a test clock: nothing here sleeps for real.
 */
@Timeout(60)
class RetryTest {

    @RegisterExtension
    static WireMockExtension service = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
            .build();

    private static final SearchCriteria CRITERIA = SearchCriteria.builder().phone("0888 123 456").build();
    private static final ReportDraft DRAFT = ReportDraft.builder().text("Отказа пратка.").phone("0888 123 456").build();
    private static final ReportId ID = ReportId.of("0obgyGbp1Ms");

    private final VirtualTime sleeper = VirtualTime.startingAt(Instant.now());
    private NekorektenHttp api;

    @AfterEach
    void close() {
        if (api != null) {
            api.close();
        }
    }

    private NekorektenHttp api(String transportKind) {
        return api(transportKind, b -> b);
    }

    private NekorektenHttp api(String transportKind, Function<NekorektenHttp.Builder, NekorektenHttp.Builder> settings) {
        api = settings.apply(client(service.baseUrl(), randomKey(), transport(transportKind), sleeper)).build();
        return api;
    }

    private static int requests() {
        return service.findAll(anyRequestedFor(anyUrl())).size();
    }

    /** The first request gets {@code first}, every later one {@code then}. */
    private static void firstThen(Supplier<MappingBuilder> request, ResponseDefinitionBuilder first,
                                  ResponseDefinitionBuilder then) {
        service.stubFor(request.get().inScenario("retry").whenScenarioStateIs(STARTED).willReturn(first)
                .willSetStateTo("answered"));
        service.stubFor(request.get().inScenario("retry").whenScenarioStateIs("answered").willReturn(then));
    }

    private static MappingBuilder searchRequest() {
        return get(urlPathEqualTo("/api/v1/reports"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"apache", "jdk"})
    void aGetIsRetriedAfterA503AndSucceeds(String transportKind) {
        firstThen(RetryTest::searchRequest, aResponse().withStatus(503), okJson(fixture("search-live.json")));

        assertThat(api(transportKind).search(CRITERIA).reports()).hasSize(1);

        assertThat(requests()).isEqualTo(2);
        assertThat(sleeper.sleeps()).singleElement().satisfies(wait ->
                assertThat(wait).isBetween(Duration.ofMillis(250), Duration.ofMillis(750)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"apache", "jdk"})
    void aPostAnsweredByAResetAfterItWasSentIsNeverRetried(String transportKind) {
        service.stubFor(post("/api/v1/reports").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        assertThatThrownBy(() -> api(transportKind).create(DRAFT)).isInstanceOf(TransportException.class);

        assertThat(requests()).isEqualTo(1);
        assertThat(sleeper.sleeps()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"apache", "jdk"})
    void aPostToAClosedPortIsRetriedBecauseItWasNeverSent(String transportKind) throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        NekorektenHttp client = client("http://127.0.0.1:" + closedPort, randomKey(), transport(transportKind), sleeper)
                .build();
        api = client;

        assertThatThrownBy(() -> client.create(DRAFT)).isInstanceOf(TransportException.class)
                .hasMessageContaining("not sent");

        assertThat(sleeper.sleeps()).as("waits between the 3 attempts").hasSize(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"apache", "jdk"})
    void aPostAnswered503OrTooManyRequestsIsNotRetried(String transportKind) {
        NekorektenHttp client = api(transportKind);
        service.stubFor(post("/api/v1/reports").willReturn(aResponse().withStatus(503)));
        assertThatThrownBy(() -> client.create(DRAFT)).isInstanceOf(ServiceUnavailableException.class);

        service.stubFor(post("/api/v1/reports").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")));
        assertThatThrownBy(() -> client.create(DRAFT)).isInstanceOf(RateLimitedException.class);

        assertThat(requests()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"apache", "jdk"})
    void aPatchIsRetriedAfterA503(String transportKind) {
        firstThen(() -> patch(urlPathEqualTo("/api/v1/reports/" + ID.value())), aResponse().withStatus(503),
                okJson("{\"message\":\"ok\"}"));

        assertThat(api(transportKind).update(ID, ReportPatch.builder().text("x y z").build()).id()).contains(ID);

        assertThat(requests()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"apache", "jdk"})
    void aDeleteIsRetriedAfterALostAnswer(String transportKind) {
        firstThen(() -> delete(urlPathEqualTo("/api/v1/reports/" + ID.value())),
                aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), aResponse().withStatus(204));

        api(transportKind).delete(ID);

        assertThat(requests()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"apache", "jdk"})
    void aDeleteWhoseLostFirstAttemptDeletedTheReportReportsNotFoundTruthfully(String transportKind) {
        firstThen(() -> delete(urlPathEqualTo("/api/v1/reports/" + ID.value())),
                aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
                aResponse().withStatus(404).withBody(fixture("error-404.json")));

        assertThatThrownBy(() -> api(transportKind).delete(ID)).isInstanceOf(NotFoundException.class);

        assertThat(requests()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"apache", "jdk"})
    void a429WithRetryAfterIsHonouredBeforeTheRetry(String transportKind) {
        firstThen(RetryTest::searchRequest, aResponse().withStatus(429).withHeader("Retry-After", "1"),
                okJson(fixture("search-live.json")));

        assertThat(api(transportKind).search(CRITERIA).reports()).hasSize(1);

        assertThat(requests()).isEqualTo(2);
        assertThat(sleeper.sleeps()).anySatisfy(wait -> assertThat(wait).isGreaterThanOrEqualTo(Duration.ofSeconds(1)));
        assertThat(sleeper.slept()).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"apache", "jdk"})
    void aRetryAfterLongerThanTheCallBudgetFailsAtOnce(String transportKind) {
        service.stubFor(searchRequest().willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600")));

        assertThatThrownBy(() -> api(transportKind).search(CRITERIA)).isInstanceOfSatisfying(RateLimitedException.class,
                e -> assertThat(e.retryAfter()).contains(Duration.ofHours(1)));

        assertThat(requests()).isEqualTo(1);
        assertThat(sleeper.sleeps()).isEmpty();
    }

    @Test
    void a429WithoutRetryAfterIsNotRetried() {
        service.stubFor(searchRequest().willReturn(aResponse().withStatus(429).withBody(fixture("error-429.json"))));

        assertThatThrownBy(() -> api("apache").search(CRITERIA)).isInstanceOfSatisfying(RateLimitedException.class,
                e -> assertThat(e.retryAfter()).isEmpty());

        assertThat(requests()).isEqualTo(1);
    }

    @Test
    void aClientErrorIsNeverRetried() {
        service.stubFor(searchRequest().willReturn(aResponse().withStatus(400).withBody(fixture("error-400-fields.json"))));

        assertThatThrownBy(() -> api("apache").search(CRITERIA)).isInstanceOf(InvalidRequestException.class);

        assertThat(requests()).isEqualTo(1);
    }

    @Test
    void backoffGrowsExponentiallyWithJitterAndTheLastFailureSurfaces() {
        service.stubFor(searchRequest().willReturn(aResponse().withStatus(503)));

        assertThatThrownBy(() -> api("apache").search(CRITERIA)).isInstanceOf(ServiceUnavailableException.class);

        assertThat(requests()).isEqualTo(3);
        List<Duration> waits = sleeper.sleeps();
        assertThat(waits).hasSize(2);
        assertThat(waits.get(0)).isBetween(Duration.ofMillis(250), Duration.ofMillis(750));
        assertThat(waits.get(1)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1500));
    }

    @Test
    void aBackoffThatWouldOutlastTheCallTimeoutIsNotWaited() {
        service.stubFor(searchRequest().willReturn(aResponse().withStatus(503)));
        RetryOptions slow = RetryOptions.builder().initialBackoff(Duration.ofSeconds(30)).maxBackoff(Duration.ofSeconds(30))
                .jitter(0).build();

        assertThatThrownBy(() -> api("apache", b -> b.retry(slow).callTimeout(Duration.ofSeconds(10))).search(CRITERIA))
                .isInstanceOf(ServiceUnavailableException.class);

        assertThat(requests()).isEqualTo(1);
        assertThat(sleeper.sleeps()).isEmpty();
    }

    @Test
    void disabledRetriesSendEachRequestOnce() {
        service.stubFor(searchRequest().willReturn(aResponse().withStatus(503)));

        assertThatThrownBy(() -> api("apache", b -> b.retry(RetryOptions.disabled())).search(CRITERIA))
                .isInstanceOf(ServiceUnavailableException.class);

        assertThat(requests()).isEqualTo(1);
    }

    @Test
    void moreAttemptsAreTakenWhenConfigured() {
        service.stubFor(searchRequest().willReturn(aResponse().withStatus(502)));

        assertThatThrownBy(() -> api("apache", b -> b.retry(RetryOptions.builder().maxAttempts(5).build())).search(CRITERIA))
                .isInstanceOf(ServiceUnavailableException.class);

        assertThat(requests()).isEqualTo(5);
    }

    @Test
    void aStatus200WhoseBodySays500IsRetriedLikeA500() {
        firstThen(RetryTest::searchRequest, okJson(fixture("search-server-error.json")), okJson(fixture("search-live.json")));

        assertThat(api("apache").search(CRITERIA).reports()).hasSize(1);

        assertThat(requests()).isEqualTo(2);
    }
}
