package io.nekorekten4j.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
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

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.nekorekten4j.domain.ReportDraft;
import io.nekorekten4j.domain.SearchCriteria;
import io.nekorekten4j.domain.ValidationException;
import io.nekorekten4j.domain.Violation;
import io.nekorekten4j.http.NekorektenHttpTestSupport.StdErrCapture;
import io.nekorekten4j.ports.NekorektenException;
import io.nekorekten4j.ports.UnexpectedResponseException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The API key stays secret and goes only to the configured origin; insecure settings are refused. */
@Timeout(60)
class SecurityTest {

    @RegisterExtension
    static WireMockExtension service = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
            .build();

    @RegisterExtension
    static WireMockExtension elsewhere = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
            .build();

    private static final SearchCriteria CRITERIA = SearchCriteria.builder().phone("0888 123 456").build();

    private final String key = randomKey();
    private final List<NekorektenHttp> clients = new ArrayList<>();

    @AfterEach
    void close() {
        clients.forEach(NekorektenHttp::close);
    }

    private NekorektenHttp api(String transportKind, RetryOptions retry) {
        NekorektenHttp api = client(service.baseUrl(), key, transport(transportKind), VirtualTime.startingAt(Instant.now()))
                .retry(retry).build();
        clients.add(api);
        return api;
    }

    static Stream<Arguments> redirects() {
        return Stream.of("apache", "jdk").flatMap(t -> Stream.of(301, 302, 303, 307, 308).map(s -> Arguments.of(t, s)));
    }

    @ParameterizedTest(name = "{0}: HTTP {1}")
    @MethodSource("redirects")
    void aRedirectToAnotherOriginIsNeverFollowedAndThatOriginNeverSeesTheKey(String transportKind, int status) {
        String location = elsewhere.baseUrl() + "/steal?token=abc";
        service.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(status).withHeader("Location", location)
                .withBody("Moved to " + location)));
        elsewhere.stubFor(any(anyUrl()).willReturn(okJson(fixture("search-live.json"))));
        NekorektenHttp api = api(transportKind, RetryOptions.defaults());

        assertThatThrownBy(() -> api.search(CRITERIA)).isInstanceOfSatisfying(UnexpectedResponseException.class, e -> {
            assertThat(e.context().status()).hasValue(status);
            assertThat(e.getMessage()).contains("HTTP " + status).doesNotContain("token").doesNotContain("steal");
            assertThat(e.context().toString()).doesNotContain("token").doesNotContain(key);
        });
        assertThatThrownBy(() -> api.create(ReportDraft.builder().text("Отказа пратка.").phone("0888123456").build()))
                .isInstanceOf(UnexpectedResponseException.class);

        assertThat(elsewhere.getAllServeEvents()).isEmpty();
        assertThat(service.findAll(anyRequestedFor(anyUrl()))).as("a redirect is not retried either").hasSize(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"apache", "jdk"})
    void theKeyAppearsInNoExceptionNoToStringAndNoLogLineEvenAtDebug(String transportKind) {
        List<Throwable> failures = new ArrayList<>();
        String logs;
        NekorektenHttp api = api(transportKind, RetryOptions.defaults());
        try (StdErrCapture capture = new StdErrCapture()) {
            org.slf4j.LoggerFactory.getLogger(SecurityTest.class).debug("capture check");
            service.stubFor(get(urlPathEqualTo("/api/v1/reports")).willReturn(okJson(fixture("search-live.json"))));
            api.search(CRITERIA);
            // A service that echoes the key in its error message and body.
            service.stubFor(get(urlPathEqualTo("/api/v1/reports")).willReturn(aResponse().withStatus(401)
                    .withBody("{\"message\":\"Invalid key " + key + "\",\"server\":{\"httpCode\":401}}")));
            failures.add(catchFailure(() -> api.search(CRITERIA)));
            service.stubFor(get(urlPathEqualTo("/api/v1/reports")).willReturn(aResponse().withStatus(200)
                    .withBody("not json " + key)));
            failures.add(catchFailure(() -> api.search(CRITERIA)));
            service.stubFor(get(urlPathEqualTo("/api/v1/reports")).willReturn(aResponse().withStatus(503)));
            failures.add(catchFailure(() -> api.search(CRITERIA)));
            service.stubFor(get(urlPathEqualTo("/api/v1/reports"))
                    .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
            failures.add(catchFailure(() -> api.search(CRITERIA)));
            service.stubFor(post("/api/v1/reports").willReturn(aResponse().withStatus(302)
                    .withHeader("Location", elsewhere.baseUrl() + "/?key=" + key)));
            failures.add(catchFailure(() -> api.create(ReportDraft.builder().text("Отказа.").phone("0888123456").build())));
            failures.add(catchFailure(() -> api.search(CRITERIA)));
            logs = capture.text();
        }

        assertThat(logs).as("the capture sees debug lines").contains("capture check");
        assertThat(logs).doesNotContain(key);
        assertThat(failures).hasSize(6).allSatisfy(f -> {
            assertThat(f).isInstanceOf(NekorektenException.class);
            for (Throwable t = f; t != null; t = t.getCause()) {
                assertThat(String.valueOf(t.getMessage())).doesNotContain(key);
                assertThat(t.toString()).doesNotContain(key);
            }
            assertThat(((NekorektenException) f).context().toString()).doesNotContain(key);
        });
        assertThat(api.toString()).doesNotContain(key).contains(service.baseUrl());
        TransportRequest request = new TransportRequest("GET", URI.create(service.baseUrl() + "/api/v1/reports?phone=1"),
                Map.of(TransportPolicy.API_KEY_HEADER, key), List.of(TransportPolicy.API_KEY_HEADER), Optional.empty(),
                Duration.ofSeconds(1), Duration.ofSeconds(1), Instant.now(), 1);
        assertThat(request.toString()).doesNotContain(key);
        assertThat(service.findAll(anyRequestedFor(anyUrl()))).allSatisfy(r -> {
            assertThat(r.getUrl()).doesNotContain(key);
            assertThat(r.getHeader(TransportPolicy.API_KEY_HEADER)).isEqualTo(key);
        });
    }

    private static Throwable catchFailure(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            return e;
        }
        throw new AssertionError("the call should have failed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://api.nekorekten.com", "http://10.0.0.1:8080", "http://192.168.1.10",
            "http://localhost.evil.example", "http://127.0.0.1.nip.io", "http://[2001:db8::1]:8080", "http://0.0.0.0",
            "http://127.0.0.256"})
    void plainHttpToAHostThatIsNotLoopbackIsRefused(String baseUri) {
        assertThatThrownBy(() -> NekorektenHttp.builder().apiKey(key).baseUri(baseUri).build())
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.violationsOf("baseUri")).isNotEmpty();
                    assertThat(e.getMessage()).doesNotContain(key);
                });
    }

    @Test
    void theRefusalOfPlainHttpSaysWhy() {
        assertThatThrownBy(() -> NekorektenHttp.builder().apiKey(key).baseUri("http://api.nekorekten.com").build())
                .hasMessageContaining("plain http is allowed only to a loopback host");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:1", "http://127.8.9.10", "http://localhost:8080", "http://[::1]:8080",
            "https://api.nekorekten.com", "https://proxy.example.com/nekorekten/"})
    void httpsAnywhereAndPlainHttpToLoopbackAreAccepted(String baseUri) {
        NekorektenHttp api = NekorektenHttp.builder().apiKey(key).baseUri(baseUri)
                .transport(transport("jdk")).build();
        clients.add(api);

        assertThat(api.toString()).contains(baseUri);
    }

    @Test
    void buildReportsEveryBadSettingAtOnce() {
        NekorektenHttp.Builder builder = NekorektenHttp.builder()
                .baseUri("ftp://example.com")
                .connectTimeout(Duration.ZERO)
                .responseTimeout(Duration.ofSeconds(-1))
                .callTimeout(Duration.ofSeconds(-5))
                .permitWaitTimeout(Duration.ofSeconds(-1))
                .maxResponseBytes(0);

        assertThatThrownBy(builder::build).isInstanceOfSatisfying(ValidationException.class, e ->
                assertThat(e.violations()).extracting(Violation::field).containsExactly("apiKey", "baseUri",
                        "connectTimeout", "responseTimeout", "callTimeout", "permitWaitTimeout", "maxResponseBytes"));
    }

    @Test
    void aBaseUriWithCredentialsOrAQueryIsRefused() {
        assertThatThrownBy(() -> NekorektenHttp.builder().apiKey(key).baseUri("https://user:pass@api.example.com/?a=b").build())
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.violationsOf("baseUri")).hasSize(2);
                    assertThat(e.getMessage()).doesNotContain("pass");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc\r\nX-Injected: 1", "two words", "   ", "ключ", "tab\tkey"})
    void aKeyThatCouldBreakAHeaderIsRefusedWithoutBeingShown(String badKey) {
        assertThatThrownBy(() -> NekorektenHttp.builder().apiKey(badKey).build())
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.violationsOf("apiKey")).hasSize(1);
                    if (!badKey.isBlank()) {
                        assertThat(e.getMessage()).doesNotContain(badKey.strip());
                    }
                    assertThat(e.getMessage()).doesNotContain("X-Injected");
                });
    }

    @Test
    void aKeySupplierThatReturnsAnUnusableKeyFailsBeforeAnythingIsSent() {
        AtomicInteger reads = new AtomicInteger();
        NekorektenHttp api = client(service.baseUrl(), key, transport("apache"), VirtualTime.startingAt(Instant.now()))
                .apiKey(() -> reads.getAndIncrement() == 0 ? null : "bad\nkey").build();
        clients.add(api);

        assertThatThrownBy(() -> api.search(CRITERIA)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> api.search(CRITERIA)).isInstanceOf(IllegalStateException.class)
                .hasMessageNotContaining("bad\nkey");

        assertThat(service.getAllServeEvents()).isEmpty();
    }
}
