package io.nekorekten4j.http;

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

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.nekorekten4j.domain.Attachment;
import io.nekorekten4j.domain.MatchCertainty;
import io.nekorekten4j.domain.ReportDraft;
import io.nekorekten4j.domain.ReportId;
import io.nekorekten4j.domain.ReportPatch;
import io.nekorekten4j.domain.SearchCriteria;
import io.nekorekten4j.domain.SearchField;
import io.nekorekten4j.domain.SearchResult;
import io.nekorekten4j.domain.ValidationException;
import io.nekorekten4j.ports.ErrorCode;
import io.nekorekten4j.ports.Operation;
import io.nekorekten4j.ports.QuotaExhaustedException;
import io.nekorekten4j.ports.QuotaPlan;
import io.nekorekten4j.ports.RateLimitWaitExceededException;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The client as a user meets it: defaults, argument checks, key rotation, the quota gate, closing. */
@Timeout(60)
class NekorektenHttpTest {

    @RegisterExtension
    static WireMockExtension service = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
            .build();

    private static final SearchCriteria CRITERIA = SearchCriteria.builder().phone("0888 123 456").build();
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0};

    private final List<NekorektenHttp> clients = new ArrayList<>();

    @AfterEach
    void close() {
        clients.forEach(NekorektenHttp::close);
    }

    private NekorektenHttp keep(NekorektenHttp api) {
        clients.add(api);
        return api;
    }

    private NekorektenHttp api(String transportKind) {
        return keep(client(service.baseUrl(), randomKey(), transport(transportKind), VirtualTime.startingAt(Instant.now())).build());
    }

    private static int requests() {
        return service.findAll(anyRequestedFor(anyUrl())).size();
    }

    @ParameterizedTest
    @ValueSource(strings = {"apache", "jdk"})
    void aSearchOverTheWireGivesTheLivePayloadAttributed(String transportKind) {
        service.stubFor(get(urlPathEqualTo("/api/v1/reports")).willReturn(okJson(fixture("search-live.json"))));

        SearchResult result = api(transportKind).search(CRITERIA);

        assertThat(result.totalCount()).hasValue(1);
        assertThat(result.hits()).singleElement().satisfies(hit -> {
            assertThat(hit.matchedBy()).containsEntry(SearchField.PHONE, MatchCertainty.CERTAIN);
            assertThat(hit.report().email()).contains("xxxxx****@gmail.com");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"apache", "jdk"})
    void aCreateGivesTheIdWhenTheServiceReturnsOne(String transportKind) {
        service.stubFor(post("/api/v1/reports").willReturn(okJson(
                "{\"message\":\"Сигналът е добавен.\",\"item\":{\"id\":\"0obgyGbp1Ms\"},\"server\":{\"httpCode\":200}}")));

        var receipt = api(transportKind).create(ReportDraft.builder().text("Отказа пратка.").phone("0888123456").build());

        assertThat(receipt.id()).contains(ReportId.of("0obgyGbp1Ms"));
        assertThat(receipt.message()).isEqualTo("Сигналът е добавен.");
    }

    @Test
    void nullArgumentsAreRejectedByNameBeforeAnyRequest() {
        NekorektenHttp api = api("apache");
        ReportId id = ReportId.of("0obgyGbp1Ms");

        assertThatThrownBy(() -> api.search(null)).isInstanceOf(NullPointerException.class).hasMessage("criteria");
        assertThatThrownBy(() -> api.create(null)).isInstanceOf(NullPointerException.class).hasMessage("draft");
        assertThatThrownBy(() -> api.update(null, ReportPatch.builder().text("x").build()))
                .isInstanceOf(NullPointerException.class).hasMessage("id");
        assertThatThrownBy(() -> api.update(id, null)).isInstanceOf(NullPointerException.class).hasMessage("patch");
        assertThatThrownBy(() -> api.delete(null)).isInstanceOf(NullPointerException.class).hasMessage("id");
        assertThatThrownBy(() -> api.upload(null)).isInstanceOf(NullPointerException.class).hasMessage("attachments");
        assertThatThrownBy(() -> api.upload(Arrays.asList(Attachment.of("a.jpg", JPEG), null)))
                .isInstanceOf(NullPointerException.class).hasMessage("attachments[1]");

        assertThat(requests()).isZero();
    }

    @Test
    void anUploadOfNoFileOrOfMoreThanTenIsRefusedBeforeAnyRequest() {
        NekorektenHttp api = api("apache");
        List<Attachment> eleven = Collections.nCopies(11, Attachment.of("a.jpg", JPEG));

        assertThatThrownBy(() -> api.upload(List.of())).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.violationsOf("files")).hasSize(1));
        assertThatThrownBy(() -> api.upload(eleven)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.violationsOf("files")).singleElement()
                        .satisfies(v -> assertThat(v.message()).contains("10")));

        assertThat(requests()).isZero();
    }

    @Test
    void aKeySupplierIsReadForEveryRequestSoARotatedKeyTakesEffect() {
        service.stubFor(get(urlPathEqualTo("/api/v1/reports")).willReturn(okJson(fixture("search-live.json"))));
        String first = randomKey();
        String second = randomKey();
        AtomicInteger reads = new AtomicInteger();
        NekorektenHttp api = keep(client(service.baseUrl(), first, transport("apache"), VirtualTime.startingAt(Instant.now()))
                .apiKey(() -> reads.getAndIncrement() == 0 ? first : second).build());

        api.search(CRITERIA);
        api.search(CRITERIA);

        assertThat(service.findAll(anyRequestedFor(anyUrl()))).extracting(r -> r.getHeader("Api-Key"))
                .containsExactly(first, second);
        assertThat(api.toString()).doesNotContain(first).doesNotContain(second);
    }

    @Test
    void aPermitWaitLongerThanAllowedFailsAtOnceWithoutARequest() {
        service.stubFor(get(urlPathEqualTo("/api/v1/reports")).willReturn(okJson(fixture("search-live.json"))));
        NekorektenHttp api = keep(client(service.baseUrl(), randomKey(), transport("apache"), VirtualTime.startingAt(Instant.now()))
                .quota(QuotaPlan.perMinute(1)).permitWaitTimeout(Duration.ofSeconds(5)).build());
        api.search(CRITERIA);

        assertThatThrownBy(() -> api.search(CRITERIA)).isInstanceOfSatisfying(RateLimitWaitExceededException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.RATE_LIMIT_WAIT_EXCEEDED);
            assertThat(e.waitNeeded()).isGreaterThan(Duration.ofSeconds(5));
            assertThat(e.context().method()).contains("GET");
            assertThat(e.context().path()).contains("/api/v1/reports");
            assertThat(e.context().operation()).contains(Operation.SEARCH);
        });
        assertThat(requests()).isEqualTo(1);
    }

    @Test
    void aSpentDailyQuotaFailsAtOnceWithoutARequest() {
        service.stubFor(get(urlPathEqualTo("/api/v1/reports")).willReturn(okJson(fixture("search-live.json"))));
        NekorektenHttp api = keep(client(service.baseUrl(), randomKey(), transport("apache"), VirtualTime.startingAt(Instant.now()))
                .quota(QuotaPlan.of(100, 1)).build());
        api.search(CRITERIA);

        assertThatThrownBy(() -> api.search(CRITERIA)).isInstanceOfSatisfying(QuotaExhaustedException.class, e -> {
            assertThat(e.resetsAt()).isPresent();
            assertThat(e.context().path()).contains("/api/v1/reports");
        });
        assertThat(requests()).isEqualTo(1);
    }

    @Test
    void closingClosesTheTransportEvenOneTheUserSuppliedOnceAndForAll() {
        AtomicInteger closes = new AtomicInteger();
        Transport real = transport("jdk");
        Transport counting = new Transport() {
            @Override
            public <T> T execute(TransportRequest request, ResponseHandler<T> handler) throws IOException {
                return real.execute(request, handler);
            }

            @Override
            public void close() {
                closes.incrementAndGet();
                real.close();
            }
        };
        NekorektenHttp api = client(service.baseUrl(), randomKey(), counting, VirtualTime.startingAt(Instant.now())).build();

        api.close();
        api.close();

        assertThat(closes).hasValue(1);
        assertThatThrownBy(() -> api.search(CRITERIA)).isInstanceOf(IllegalStateException.class);
        assertThat(requests()).isZero();
    }

    @Test
    void theDefaultsAreTheDocumentedOnes() {
        NekorektenHttp api = keep(NekorektenHttp.builder().apiKey(randomKey()).build());

        assertThat(api.toString()).contains("baseUri=https://api.nekorekten.com", "transport=ApacheTransport",
                "quota=Default 10/min", "connectTimeout=PT5S", "responseTimeout=PT15S", "callTimeout=PT1M",
                "permitWaitTimeout=PT30S", "maxAttempts=3", "initialBackoff=PT0.5S", "maxBackoff=PT8S", "jitter=0.5",
                "failureThreshold=5", "openDuration=PT30S", "halfOpenTrialCalls=1", "maxResponseBytes=5242880");
    }


    @Test
    void aKeyFromAnUnsetEnvironmentVariableIsRefusedNamingTheSettingAndTheVariable() {
        String unset = System.getenv("NEKOREKTEN4J_TEST_VARIABLE_THAT_IS_NEVER_SET");

        assertThatThrownBy(() -> NekorektenHttp.builder().apiKey(unset))
                .isInstanceOf(NullPointerException.class)
                .hasMessageStartingWith("apiKey is null: the API key is required")
                .hasMessageContainingAll(".apiKey(", "NEKOREKTEN_API_KEY");
    }

    @Test
    void aClientWithoutAnyKeyIsRefusedByBuildSayingHowToSetIt() {
        assertThatThrownBy(() -> NekorektenHttp.builder().build())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violationsOf("apiKey"))
                        .singleElement().asString().contains("required", ".apiKey(", "NEKOREKTEN_API_KEY"));
    }

    @Test
    void retryAndBreakerOptionsReportEveryBadFigure() {
        assertThatThrownBy(() -> RetryOptions.builder().maxAttempts(0).multiplier(0.5).jitter(1.5)
                .initialBackoff(Duration.ofSeconds(10)).maxBackoff(Duration.ofSeconds(1)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("maxAttempts", "multiplier", "jitter", "maxBackoff");
        assertThatThrownBy(() -> CircuitBreakerOptions.builder().failureThreshold(0).openDuration(Duration.ZERO)
                .halfOpenTrialCalls(0).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("failureThreshold", "openDuration", "halfOpenTrialCalls");
        assertThat(RetryOptions.disabled().enabled()).isFalse();
        assertThat(CircuitBreakerOptions.disabled().enabled()).isFalse();
    }

    @Test
    void anInterruptedBackoffStopsRetryingAndKeepsTheInterruptFlag() {
        service.stubFor(get(urlPathEqualTo("/api/v1/reports")).willReturn(
                com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(503)));
        AtomicBoolean interruptedAfter = new AtomicBoolean();
        Sleeper interrupting = d -> {
            throw new InterruptedException("test");
        };
        VirtualTime recording = VirtualTime.startingAt(Instant.now());
        NekorektenHttp api = keep(client(service.baseUrl(), randomKey(), transport("apache"), recording)
                .sleeper(interrupting).build());

        assertThatThrownBy(() -> api.search(CRITERIA))
                .isInstanceOf(io.nekorekten4j.ports.ServiceUnavailableException.class);
        interruptedAfter.set(Thread.interrupted()); // also clears the flag for the next tests

        assertThat(interruptedAfter).isTrue();
        assertThat(requests()).isEqualTo(1);
    }
}
