package io.nekorekten4j.http;

import static io.nekorekten4j.http.NekorektenHttpTestSupport.client;
import static io.nekorekten4j.http.NekorektenHttpTestSupport.fixture;
import static io.nekorekten4j.http.NekorektenHttpTestSupport.transport;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.nekorekten4j.apicontract.ContractViolation;
import io.nekorekten4j.apicontract.OpenApiContract;
import io.nekorekten4j.domain.Attachment;
import io.nekorekten4j.domain.FileId;
import io.nekorekten4j.domain.ReportDraft;
import io.nekorekten4j.domain.ReportId;
import io.nekorekten4j.domain.ReportPatch;
import io.nekorekten4j.domain.SearchCriteria;
import io.nekorekten4j.domain.SearchResult;
import io.nekorekten4j.ports.ErrorCode;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bodies the client's tests feed it, held against the written contract
 * ({@code openapi/nekorekten-api.yaml}): every fixture is either a contract body of a named
 * operation and status, or listed here as deliberately not one — a tolerance probe or a fault —
 * together with exactly where it breaks the contract. And every answer of the stateful
 * {@link WireMockBackend}, driven through the real client and by hand, keeps the contract.
 */
class OpenApiStubsTest {

    private static final OpenApiContract CONTRACT = OpenApiContract.load();
    private static final String SEARCH = "/api/v1/reports";
    private static final String REPORT = "/api/v1/reports/{reportId}";

    /** A fixture as the answer of one operation with one status. */
    record Stub(String fixture, String method, String pathTemplate, int status) {
        @Override
        public String toString() {
            return fixture + " as " + method + " " + pathTemplate + " → " + status;
        }
    }

    /** The fixtures that are contract bodies, each with the answer it stands for. */
    static Stream<Stub> contractBodies() {
        return Stream.of(
                new Stub("search-live.json", "GET", SEARCH, 200),
                new Stub("search-children.json", "GET", SEARCH, 200),
                new Stub("search-city-object.json", "GET", SEARCH, 200),
                new Stub("search-files.json", "GET", SEARCH, 200),
                new Stub("search-page-2-of-25.json", "GET", SEARCH, 200),
                // 200 with server.httpCode 500: the envelope is kept, the error is in the body.
                new Stub("search-server-error.json", "GET", SEARCH, 200),
                new Stub("search-unknown-fields.json", "GET", SEARCH, 200),
                new Stub("error-400-fields.json", "POST", SEARCH, 400),
                new Stub("error-401.json", "GET", SEARCH, 401),
                new Stub("error-403-ip.json", "GET", SEARCH, 403),
                new Stub("error-403.json", "PATCH", REPORT, 403),
                new Stub("error-404.json", "DELETE", REPORT, 404),
                new Stub("error-429.json", "GET", SEARCH, 429),
                new Stub("error-429-daily.json", "GET", SEARCH, 429));
    }

    /**
     * Not a contract body: the fixtures that test the client's tolerance of shapes the contract
     * does not promise, and its faults. Each must break the contract exactly where listed — if one
     * ever validates, the contract has gone slack (or the fixture lost its point).
     */
    static Stream<Arguments> notContractBodies() {
        List<String> createDates = Stream.of(0, 1, 2, 5, 6, 7).map(i -> "$.items[" + i + "].createDate").toList();
        List<String> nulls = Stream.of("text", "user", "children", "categories", "files", "createDate", "views",
                "liked", "visibleOnlyForCreator", "isArchived").map(f -> "$.items[0]." + f).toList();
        return Stream.of(
                Arguments.of(new Stub("search-city-string.json", "GET", SEARCH, 200),
                        "city as a name, a number and a numeric string",
                        List.of("$.items[0].city", "$.items[1].city", "$.items[2].city")),
                Arguments.of(new Stub("search-create-dates.json", "GET", SEARCH, 200),
                        "createDate without an offset, as epoch seconds or millis, or as a word", createDates),
                Arguments.of(new Stub("search-null-fields.json", "GET", SEARCH, 200),
                        "null in every field the live payload never sent null", nulls),
                Arguments.of(new Stub("search-missing-fields.json", "GET", SEARCH, 200),
                        "a report of two fields in an envelope without pagination or server", List.of("$", "$.items[0]")),
                Arguments.of(new Stub("error-400-list.json", "POST", SEARCH, 422),
                        "errors as a list instead of an object of fields", List.of("$.errors")),
                Arguments.of(new Stub("error-500.html", "GET", SEARCH, 500), "an HTML error page", List.of("$")),
                Arguments.of(new Stub("error-502.html", "GET", SEARCH, 502), "a proxy's HTML page", List.of("$")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contractBodies")
    void everyContractFixtureValidatesAgainstItsOperationAndStatus(Stub stub) {
        assertThat(CONTRACT.validateResponse(stub.method(), stub.pathTemplate(), stub.status(), fixture(stub.fixture())))
                .as(stub.toString()).isEmpty();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("notContractBodies")
    void everyToleranceOrFaultFixtureBreaksTheContractWhereItMeansTo(Stub stub, String why, List<String> locations) {
        List<ContractViolation> violations = CONTRACT.validateResponse(stub.method(), stub.pathTemplate(), stub.status(),
                fixture(stub.fixture()));

        assertThat(violations).as(stub + " (" + why + ")").isNotEmpty();
        assertThat(new TreeSet<>(violations.stream().map(ContractViolation::location).toList()))
                .as(stub + " (" + why + "): " + violations).containsExactlyElementsOf(new TreeSet<>(locations));
        if (stub.fixture().endsWith(".html")) {
            assertThat(violations).singleElement().satisfies(v -> assertThat(v.message()).startsWith("the body is not JSON"));
        }
    }

    @Test
    void everyFixtureIsEitherAContractBodyOrListedAsNotOne() throws IOException, URISyntaxException {
        URL directory = OpenApiStubsTest.class.getResource("/fixtures/search-live.json");
        assertThat(directory).isNotNull();
        Set<String> onDisk = new HashSet<>();
        try (Stream<Path> files = Files.list(Path.of(directory.toURI()).getParent())) {
            files.forEach(f -> onDisk.add(f.getFileName().toString()));
        }
        Set<String> classified = new HashSet<>();
        contractBodies().forEach(s -> classified.add(s.fixture()));
        notContractBodies().forEach(a -> classified.add(((Stub) a.get()[0]).fixture()));

        assertThat(classified).containsExactlyInAnyOrderElementsOf(onDisk);
    }

    @Test
    void everyAnswerOfTheWireMockBackendKeepsTheContractAndSoDoesEveryJsonRequestOfTheClient() throws Exception {
        String key = NekorektenHttpTestSupport.randomKey();
        String otherKey = NekorektenHttpTestSupport.randomKey();
        try (WireMockBackend backend = new WireMockBackend()) {
            backend.acceptKey(key);
            backend.acceptKey(otherKey);
            backend.refuseFromIp("ip-refused-key", "203.0.113.9");
            Instant filed = Instant.parse("2025-01-11T21:22:21Z");
            for (int i = 0; i < 25; i++) {
                backend.arrangeReport(ReportDraft.builder().text("Не потърси пратката " + i + ".").phone("0888 123 456")
                        .firstName("Иван").lastName("Петров").email("ivan.petrov@abv.bg").build(), filed.plusSeconds(i));
            }
            ReportId othersReport = backend.arrangeReport(ReportDraft.builder().text("Чужд сигнал.")
                    .siteUrl("https://shop.example.bg").build(), filed);

            driveTheClient(backend, key);
            driveByHand(backend, key, othersReport);
            List<String> broken = new ArrayList<>();
            int responses = 0;
            int requests = 0;
            for (ServeEvent event : backend.server().getAllServeEvents()) {
                URI uri = URI.create(event.getRequest().getUrl());
                String method = event.getRequest().getMethod().getName();
                String template = CONTRACT.pathTemplateOf(uri.getPath()).orElseThrow();
                String answer = method + " " + uri + " → " + event.getResponse().getStatus();
                List<ContractViolation> violations = CONTRACT.validateResponse(method, template,
                        event.getResponse().getStatus(), event.getResponse().getBodyAsString());
                responses++;
                if (!violations.isEmpty()) {
                    broken.add(answer + ": " + violations);
                }
                String contentType = event.getRequest().getHeader("Content-Type");
                String agent = event.getRequest().getHeader("User-Agent");
                if (agent != null && agent.startsWith("nekorekten4j/") && contentType != null
                        && contentType.startsWith("application/json")) {
                    requests++;
                    List<ContractViolation> requestViolations = CONTRACT.validateRequestBody(method, template,
                            event.getRequest().getBodyAsString());
                    if (!requestViolations.isEmpty()) {
                        broken.add("request of " + answer + ": " + requestViolations);
                    }
                }
            }

            // The one answer the backend breaks on purpose: an arranged UNEXPECTED_RESPONSE (truncated JSON).
            assertThat(broken).singleElement().satisfies(b -> assertThat(b).startsWith("GET /api/v1/cities → 200")
                    .contains("the body is not JSON"));
            assertThat(responses).isEqualTo(21);
            assertThat(requests).as("create and update bodies of the client").isEqualTo(2);
        }
    }

    /** The happy paths, through the client itself: search pages, upload, create, update, cities, delete. */
    private static void driveTheClient(WireMockBackend backend, String key) {
        try (NekorektenHttp api = client(backend.uri().toString(), key, transport("jdk"), VirtualTime.startingAt(Instant.now()))
                .retry(RetryOptions.disabled()).circuitBreaker(CircuitBreakerOptions.disabled()).build()) {
            SearchCriteria byPhone = SearchCriteria.builder().phone("0888 123 456").build();
            SearchResult first = api.search(byPhone);
            SearchResult second = api.search(SearchCriteria.builder().phone("0888 123 456").page(2).build());
            SearchResult none = api.search(SearchCriteria.builder().email("nobody@example.bg").build());
            List<FileId> files = api.upload(List.of(Attachment.of("bill.jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}),
                    Attachment.of("receipt.pdf", "%PDF-1.4".getBytes(StandardCharsets.US_ASCII))));
            ReportId created = api.create(ReportDraft.builder().text("Не потърси пратката.").phone("0888 765 432")
                    .firstName("Мария").files(files).cityId(1).build()).id().orElseThrow();
            api.update(created, ReportPatch.builder().text("Не потърси пратката и не вдига телефона.").build());
            assertThat(api.search(SearchCriteria.builder().phone("0888 765 432").build()).reports()).hasSize(1);
            assertThat(api.cities()).isNotEmpty();
            api.delete(created);

            assertThat(first.reports()).hasSize(20);
            assertThat(second.reports()).hasSize(5);
            assertThat(none.reports()).isEmpty();
        }
    }

    /** Every refusal the backend knows, by hand, since the client would stop at the first. */
    private static void driveByHand(WireMockBackend backend, String key, ReportId othersReport)
            throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        String others = "/api/v1/reports/" + othersReport.value();
        assertThat(send(http, backend, "GET", "/api/v1/cities", null, null)).isEqualTo(401);
        assertThat(send(http, backend, "GET", "/api/v1/cities", "ip-refused-key", null)).isEqualTo(403);
        assertThat(send(http, backend, "PATCH", others, key, "{\"text\":\"x\"}")).isEqualTo(403);
        assertThat(send(http, backend, "DELETE", others, key, null)).isEqualTo(403);
        assertThat(send(http, backend, "DELETE", "/api/v1/reports/noSuchRep01", key, null)).isEqualTo(404);
        assertThat(send(http, backend, "POST", SEARCH, key, "{\"phone\":\"359888123456\"}")).isEqualTo(422);
        assertThat(send(http, backend, "POST", SEARCH, key, "{\"text\":")).isEqualTo(400);
        assertThat(send(http, backend, "GET", SEARCH + "?phone=0888%20123%20456", key, null)).isEqualTo(422);
        backend.arrangeRateLimit(Duration.ofSeconds(120), 1);
        assertThat(send(http, backend, "GET", SEARCH + "?phone=359888123456", key, null)).isEqualTo(429);
        backend.arrangeFailures(ErrorCode.SERVICE_UNAVAILABLE, 1);
        assertThat(send(http, backend, "GET", "/api/v1/cities", key, null)).isEqualTo(503);
        backend.arrangeFailures(ErrorCode.UNEXPECTED_RESPONSE, 1);
        assertThat(send(http, backend, "GET", "/api/v1/cities", key, null)).isEqualTo(200);
        backend.arrangeQuotaExhausted(Instant.parse("2099-01-01T22:00:00Z"));
        assertThat(send(http, backend, "GET", SEARCH + "?email=a%40b.bg", key, null)).isEqualTo(429);
    }

    /** Sends one request with a plain JDK client; answers the status. */
    private static int send(HttpClient http, WireMockBackend backend, String method, String pathAndQuery, String key,
                            String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(backend.uri() + pathAndQuery))
                .timeout(Duration.ofSeconds(10));
        if (key != null) {
            request.header("Api-Key", key);
        }
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }
}
