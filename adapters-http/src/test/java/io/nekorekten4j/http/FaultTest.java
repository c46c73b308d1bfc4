package io.nekorekten4j.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.nekorekten4j.http.NekorektenHttpTestSupport.client;
import static io.nekorekten4j.http.NekorektenHttpTestSupport.fixture;
import static io.nekorekten4j.http.NekorektenHttpTestSupport.randomKey;
import static io.nekorekten4j.http.NekorektenHttpTestSupport.transport;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.nekorekten4j.domain.ReportDraft;
import io.nekorekten4j.domain.ReportId;
import io.nekorekten4j.domain.SearchCriteria;
import io.nekorekten4j.ports.CallTimeoutException;
import io.nekorekten4j.ports.ErrorCode;
import io.nekorekten4j.ports.NekorektenException;
import io.nekorekten4j.ports.Operation;
import io.nekorekten4j.ports.ServiceUnavailableException;
import io.nekorekten4j.ports.UnexpectedResponseException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Broken answers and broken connections, through the real transports: each gives its typed error
 * with method, path, status and excerpt — never a wrong value, never a hang.
 */
@Timeout(60)
class FaultTest {

    @RegisterExtension
    static WireMockExtension service = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
            .build();

    private static final String PHONE = "0888123456";
    private static final SearchCriteria CRITERIA = SearchCriteria.builder().phone(PHONE).build();

    private final String key = randomKey();
    private NekorektenHttp api;

    @AfterEach
    void close() {
        if (api != null) {
            api.close();
        }
    }

    /** A client without retries or breaker, so that each fault is seen once. */
    private NekorektenHttp api(String transportKind, Function<NekorektenHttp.Builder, NekorektenHttp.Builder> settings) {
        api = settings.apply(client(service.baseUrl(), key, transport(transportKind), VirtualTime.startingAt(Instant.now()))
                .retry(RetryOptions.disabled()).circuitBreaker(CircuitBreakerOptions.disabled())).build();
        return api;
    }

    private NekorektenHttp api(String transportKind) {
        return api(transportKind, b -> b);
    }

    private static void answerSearch(ResponseDefinitionBuilder response) {
        service.stubFor(get(urlPathEqualTo("/api/v1/reports")).willReturn(response));
    }

    private static String liveWith(String property, String rawJsonValue) {
        String live = fixture("search-live.json");
        String marker = "\"" + property + "\": ";
        int at = live.indexOf(marker);
        int end = live.indexOf(",\n", at);
        return live.substring(0, at + marker.length()) + rawJsonValue + live.substring(end);
    }

    /** The checks every failure of a search must pass. */
    private void assertSearchFailure(NekorektenException e) {
        assertThat(e.context().method()).contains("GET");
        assertThat(e.context().path()).contains("/api/v1/reports");
        assertThat(e.getMessage()).doesNotContain("359888123456").doesNotContain(key);
        assertThat(e.context().toString()).doesNotContain("359888123456").doesNotContain(key);
    }

    static Stream<Arguments> statuses() {
        return Stream.of("apache", "jdk").flatMap(t -> Stream.of(
                Arguments.of(t, 400, "error-400-fields.json", ErrorCode.INVALID_REQUEST),
                Arguments.of(t, 422, "error-400-list.json", ErrorCode.INVALID_REQUEST),
                Arguments.of(t, 401, "error-401.json", ErrorCode.INVALID_API_KEY),
                Arguments.of(t, 403, "error-403-ip.json", ErrorCode.IP_NOT_WHITELISTED),
                Arguments.of(t, 403, "error-403.json", ErrorCode.FORBIDDEN),
                Arguments.of(t, 404, "error-404.json", ErrorCode.NOT_FOUND),
                Arguments.of(t, 429, "error-429.json", ErrorCode.RATE_LIMITED),
                Arguments.of(t, 429, "error-429-daily.json", ErrorCode.QUOTA_EXHAUSTED),
                Arguments.of(t, 500, "error-500.html", ErrorCode.SERVICE_UNAVAILABLE),
                Arguments.of(t, 502, "error-502.html", ErrorCode.SERVICE_UNAVAILABLE),
                Arguments.of(t, 418, "error-404.json", ErrorCode.UNEXPECTED_RESPONSE)));
    }

    @ParameterizedTest(name = "{0}: HTTP {1} {2} → {3}")
    @MethodSource("statuses")
    void everyStatusOverTheWireGivesItsTypedErrorWithContext(String transportKind, int status, String body, ErrorCode code) {
        answerSearch(aResponse().withStatus(status).withBody(fixture(body)));

        assertThatThrownBy(() -> api(transportKind).search(CRITERIA)).isInstanceOfSatisfying(NekorektenException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.context().status()).hasValue(status);
            assertThat(e.context().bodyExcerpt()).isPresent();
            assertSearchFailure(e);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"apache", "jdk"})
    void anHtml502PageIsServiceUnavailableWithAnExcerptOfThePage(String transportKind) {
        answerSearch(aResponse().withStatus(502).withHeader("Content-Type", "text/html").withBody(fixture("error-502.html")));

        assertThatThrownBy(() -> api(transportKind).search(CRITERIA)).isInstanceOfSatisfying(ServiceUnavailableException.class,
                e -> assertThat(e.context().bodyExcerpt()).hasValueSatisfying(x -> assertThat(x).contains("502 Bad Gateway")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"apache", "jdk"})
    void a200WhoseServerHttpCodeIs500IsServiceUnavailable(String transportKind) {
        answerSearch(okJson(fixture("search-server-error.json")));

        assertThatThrownBy(() -> api(transportKind).search(CRITERIA)).isInstanceOfSatisfying(ServiceUnavailableException.class,
                e -> assertThat(e.getMessage()).contains("HTTP 200 carried server.httpCode 500"));
    }

    static Stream<Arguments> unusableBodies() {
        String live = fixture("search-live.json");
        return Stream.of("apache", "jdk").flatMap(t -> Stream.of(
                Arguments.of(t, "truncated JSON", live.substring(0, live.length() / 2)),
                Arguments.of(t, "garbage after the JSON", live.strip() + "garbage"),
                Arguments.of(t, "a number that overflows", liveWith("views", "99999999999999999999")),
                Arguments.of(t, "5,000 levels of nesting", "[".repeat(5000) + "]".repeat(5000)),
                Arguments.of(t, "an empty body", ""),
                Arguments.of(t, "a null root", "null"),
                Arguments.of(t, "an HTML page", fixture("error-502.html"))));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("unusableBodies")
    void aStatus200WithAnUnusableBodyIsAnUnexpectedResponseNeverAResult(String transportKind, String what, String body) {
        answerSearch(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body));

        assertThatThrownBy(() -> api(transportKind).search(CRITERIA))
                .isInstanceOfSatisfying(UnexpectedResponseException.class, e -> {
                    assertThat(e.context().status()).hasValue(200);
                    assertSearchFailure(e);
                })
                .isNotInstanceOf(StackOverflowError.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"apache", "jdk"})
    void aBodyOverTheCapIsAnUnexpectedResponse(String transportKind) {
        String big = liveWith("text", "\"" + "x".repeat(20_000) + "\"");
        answerSearch(okJson(big));

        assertThatThrownBy(() -> api(transportKind, b -> b.maxResponseBytes(4096)).search(CRITERIA))
                .isInstanceOfSatisfying(UnexpectedResponseException.class, e -> {
                    assertThat(e.getMessage()).contains("4096 bytes");
                    assertSearchFailure(e);
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"apache", "jdk"})
    void aCompressedBodyThatInflatesPastTheCapIsAnUnexpectedResponse(String transportKind) throws IOException {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(liveWith("text", "\"" + "x".repeat(200_000) + "\"").getBytes(StandardCharsets.UTF_8));
        }
        answerSearch(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withHeader("Content-Encoding", "gzip").withBody(gz.toByteArray()));

        assertThatThrownBy(() -> api(transportKind, b -> b.maxResponseBytes(64 * 1024)).search(CRITERIA))
                .isInstanceOf(UnexpectedResponseException.class);
    }

    static Stream<Arguments> faults() {
        return Stream.of("apache", "jdk").flatMap(t -> Stream.of(Fault.CONNECTION_RESET_BY_PEER, Fault.EMPTY_RESPONSE,
                Fault.MALFORMED_RESPONSE_CHUNK, Fault.RANDOM_DATA_THEN_CLOSE).map(f -> Arguments.of(t, f)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("faults")
    void aBrokenConnectionIsATransportFailure(String transportKind, Fault fault) {
        answerSearch(aResponse().withFault(fault));

        assertThatThrownBy(() -> api(transportKind).search(CRITERIA)).isInstanceOfSatisfying(NekorektenException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.TRANSPORT_FAILURE);
            assertThat(e.code().serviceAnswered()).isFalse();
            assertSearchFailure(e);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"apache", "jdk"})
    void anAnswerSlowerThanTheResponseTimeoutIsACallTimeout(String transportKind) {
        answerSearch(okJson(fixture("search-live.json")).withFixedDelay(3_000));

        assertThatThrownBy(() -> api(transportKind, b -> b.responseTimeout(Duration.ofMillis(300))).search(CRITERIA))
                .isInstanceOfSatisfying(CallTimeoutException.class, this::assertSearchFailure);
    }

    @ParameterizedTest
    @ValueSource(strings = {"apache", "jdk"})
    void aBodyDribbledPastTheCallTimeoutIsACallTimeoutNotAHang(String transportKind) {
        // Every chunk comes well within the response timeout: only the whole-call deadline ends it.
        answerSearch(okJson(fixture("search-live.json")).withChunkedDribbleDelay(40, 20_000));

        assertThatThrownBy(() -> api(transportKind, b -> b.responseTimeout(Duration.ofSeconds(5))
                .callTimeout(Duration.ofSeconds(2))).search(CRITERIA))
                .isInstanceOfSatisfying(CallTimeoutException.class, this::assertSearchFailure);
    }

    @ParameterizedTest
    @ValueSource(strings = {"apache", "jdk"})
    void aWriteAnsweredWithGarbageSaysTheAnswerWasUnusable(String transportKind) {
        service.stubFor(post("/api/v1/reports").willReturn(aResponse().withStatus(200).withBody("<html>OK</html>")));

        assertThatThrownBy(() -> api(transportKind).create(ReportDraft.builder().text("Отказа пратка.").phone(PHONE).build()))
                .isInstanceOfSatisfying(UnexpectedResponseException.class, e -> {
                    assertThat(e.context().method()).contains("POST");
                    assertThat(e.context().operation()).contains(Operation.CREATE);
                    assertThat(e.context().bodyExcerpt()).contains("<html>OK</html>");
                });
        assertThat(service.findAll(anyRequestedFor(anyUrl()))).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"apache", "jdk"})
    void aDeleteAnsweredWithAnErrorInTheBodyIsThatError(String transportKind) {
        service.stubFor(delete("/api/v1/reports/0obgyGbp1Ms").willReturn(okJson(fixture("error-404.json"))));

        assertThatThrownBy(() -> api(transportKind).delete(ReportId.of("0obgyGbp1Ms")))
                .isInstanceOfSatisfying(io.nekorekten4j.ports.NotFoundException.class,
                        e -> {
                            assertThat(e.context().path()).contains("/api/v1/reports/0obgyGbp1Ms");
                            assertThat(e.context().operation()).contains(Operation.DELETE);
                        });
    }
}
