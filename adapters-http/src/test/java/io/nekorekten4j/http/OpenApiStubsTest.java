package io.nekorekten4j.http;

import static io.nekorekten4j.http.NekorektenHttpTestSupport.client;
import static io.nekorekten4j.http.NekorektenHttpTestSupport.fixture;
import static io.nekorekten4j.http.NekorektenHttpTestSupport.transport;
import static org.assertj.core.api.Assertions.assertThat;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.nekorekten4j.apicontract.ContractViolation;
import io.nekorekten4j.apicontract.OpenApiContract;
import io.nekorekten4j.domain.FileId;
import io.nekorekten4j.domain.ReportDraft;
import io.nekorekten4j.domain.ReportId;
import io.nekorekten4j.domain.ReportPatch;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * together with exactly where it breaks the contract. And every JSON request body the client sends
 * keeps it (the fake server's own test holds its every answer against it).
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
    void everyJsonRequestOfTheClientKeepsTheContractOnBothTransports() {
        WireMockServer service = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        service.start();
        try {
            String accepted = "{\"message\":\"ok\",\"server\":{\"httpCode\":200}}";
            service.stubFor(post(urlPathEqualTo(SEARCH)).willReturn(okJson(accepted)));
            service.stubFor(patch(urlPathMatching(SEARCH + "/[A-Za-z0-9_-]+")).willReturn(okJson(accepted)));
            for (String wire : List.of("jdk", "apache")) {
                try (NekorektenHttp api = client(service.baseUrl(), NekorektenHttpTestSupport.randomKey(),
                        transport(wire), VirtualTime.startingAt(Instant.now()))
                        .retry(RetryOptions.disabled()).circuitBreaker(CircuitBreakerOptions.disabled()).build()) {
                    api.create(ReportDraft.builder().text("Не потърси пратката.").phone("0888 765 432")
                            .firstName("Мария").lastName("Петрова").email("maria@abv.bg").siteUrl("https://shop.example.bg")
                            .files(List.of(FileId.of("f1"))).cityId(1).build());
                    api.update(ReportId.of("abcDEF12345"), ReportPatch.builder().text("Не потърси пратката пак.").build());
                }
            }

            List<String> broken = new ArrayList<>();
            int requests = 0;
            for (ServeEvent event : service.getAllServeEvents()) {
                String method = event.getRequest().getMethod().getName();
                String path = URI.create(event.getRequest().getUrl()).getPath();
                String template = CONTRACT.pathTemplateOf(path).orElseThrow();
                assertThat(event.getRequest().getHeader("Content-Type")).as(method + " " + path)
                        .startsWith("application/json");
                requests++;
                List<ContractViolation> violations = CONTRACT.validateRequestBody(method, template,
                        event.getRequest().getBodyAsString());
                if (!violations.isEmpty()) {
                    broken.add(method + " " + path + ": " + violations);
                }
            }

            assertThat(broken).isEmpty();
            assertThat(requests).as("a create and an update per transport").isEqualTo(4);
        } finally {
            service.stop();
        }
    }
}
