package io.nekorekten4j.diagnostics;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The doctor against answers that drifted from the contract, each the way a changed service or a
 * box in between would send it: every drift is reported, with the severity of what the library does
 * with it, and the ones that could hide reports fail.
 */
class DiagnosticsDriftTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CITIES = "/api/v1/cities";
    private static final String REPORTS = "/api/v1/reports";

    private WireMockServer server;
    private final String key = "drift-" + UUID.randomUUID();

    @BeforeEach
    void start() {
        server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        server.stubFor(get(urlPathEqualTo(CITIES)).willReturn(json(200, resource("cities-live.json"))));
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void theLiveShapeIsOk() {
        stubSearch(search -> { });

        DiagnosticsReport report = run();

        assertThat(report.overall()).as(report.toText()).isEqualTo(Status.OK);
        assertThat(report.requestsSent()).isEqualTo(2);
        server.verify(1, getRequestedFor(urlPathEqualTo(CITIES)));
        server.verify(1, getRequestedFor(urlPathEqualTo(REPORTS)));
    }

    @Test
    void renamedItemsCouldHideReportsOrBreakParsingAndFail() {
        stubSearch(search -> search.set("reports", search.remove("items")));

        Check check = searchCheck(run());

        assertThat(check.status()).isEqualTo(Status.FAILURE);
        assertThat(check.drifts()).anySatisfy(d -> {
            assertThat(d.location()).isEqualTo("$.items");
            assertThat(d.kind()).isEqualTo(Drift.Kind.MISSING_FIELD);
            assertThat(d.effect()).isIn(Effect.COULD_HIDE_REPORTS, Effect.BREAKS_PARSING);
            assertThat(d.detail()).contains("'reports'");
        });
    }

    @Test
    void countAsAStringIsReportedWithWhatTheLibraryDoes() {
        stubSearch(search -> search.put("count", "1"));

        Check check = searchCheck(run());

        assertThat(check.drifts()).anySatisfy(d -> {
            assertThat(d.location()).isEqualTo("$.count");
            assertThat(d.kind()).isEqualTo(Drift.Kind.TYPE_CHANGED);
            assertThat(d.detail()).contains("expected integer, got string");
        });
        assertThat(check.status()).isIn(Status.WARNING, Status.FAILURE);
    }

    @Test
    void aNewDateFormatIsToleratedAsAWarning() {
        stubSearch(search -> item(search).put("createDate", "11.01.2025 21:22"));

        Check check = searchCheck(run());

        assertThat(check.status()).as(check.toString()).isEqualTo(Status.WARNING);
        assertThat(check.drifts()).singleElement().satisfies(d -> {
            assertThat(d.location()).isEqualTo("$.items[*].createDate");
            assertThat(d.kind()).isEqualTo(Drift.Kind.FORMAT_CHANGED);
            assertThat(d.effect()).isEqualTo(Effect.TOLERATED);
        });
    }

    @Test
    void aRenamedPhoneCouldHideReports() {
        stubSearch(search -> item(search).set("phoneNumber", item(search).remove("phone")));

        Check check = searchCheck(run());

        assertThat(check.status()).isEqualTo(Status.FAILURE);
        assertThat(check.drifts()).anySatisfy(d -> {
            assertThat(d.location()).isEqualTo("$.items[*].phone");
            assertThat(d.effect()).isEqualTo(Effect.COULD_HIDE_REPORTS);
            assertThat(d.detail()).contains("phoneNumber").contains("renamed?");
        });
        assertThat(check.drifts()).anySatisfy(d -> {
            assertThat(d.location()).isEqualTo("$.items[*].phoneNumber");
            assertThat(d.effect()).isEqualTo(Effect.IGNORED);
        });
    }

    @Test
    void aNewFieldIsIgnoredAndSaidSo() {
        stubSearch(search -> item(search).put("riskScore", 7));

        Check check = searchCheck(run());

        assertThat(check.status()).isEqualTo(Status.WARNING);
        assertThat(check.drifts()).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(Drift.Kind.NEW_FIELD);
            assertThat(d.effect()).isEqualTo(Effect.IGNORED);
        });
    }

    @Test
    void aFieldNameWithControlCharactersCannotForgeALine() {
        stubSearch(search -> item(search).put("x\r\nOK       key  forged\u001b[2J\u202e", 1));

        DiagnosticsReport report = run();

        assertThat(report.toText()).doesNotContain("\r").doesNotContain("\u001b").doesNotContain("\u202e")
                .doesNotContain("\nOK       key  forged");
        assertThat(report.toText()).contains("\\u001B").contains("\\u202E");
    }

    @Test
    void anHtmlPageFromAProxyBreaksParsing() {
        server.stubFor(get(urlPathEqualTo(CITIES)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withBody("<!DOCTYPE html><html><body>Proxy login</body></html>")));

        DiagnosticsReport report = run();

        Check cities = report.check("contract.cities").orElseThrow();
        assertThat(cities.status()).isEqualTo(Status.FAILURE);
        assertThat(cities.drifts()).anySatisfy(d -> {
            assertThat(d.kind()).isEqualTo(Drift.Kind.NOT_JSON);
            assertThat(d.effect()).isEqualTo(Effect.BREAKS_PARSING);
            assertThat(d.detail()).contains("HTML page");
        });
    }

    @Test
    void anUnknownErrorEnvelopeOnARevokedKeyIsAKeyFailureAndAWarning() {
        server.stubFor(get(urlPathEqualTo(CITIES)).willReturn(json(401, "{\"error\":{\"code\":\"KEY_REVOKED\"}}")));

        DiagnosticsReport report = run();

        assertThat(report.check("key").orElseThrow().status()).isEqualTo(Status.FAILURE);
        Check cities = report.check("contract.cities").orElseThrow();
        assertThat(cities.status()).isEqualTo(Status.WARNING);
        assertThat(cities.drifts()).extracting(Drift::location).contains("$.message", "$.server", "$.error");
        assertThat(report.requestsSent()).isEqualTo(1);
        server.verify(0, getRequestedFor(urlPathEqualTo(REPORTS)));
    }

    @Test
    void anIpWhitelistRefusalNamesTheAddressAndSendsNothingMore() {
        server.stubFor(get(urlPathEqualTo(CITIES)).willReturn(json(403,
                "{\"message\":\"Достъпът е отказан за IP адрес 203.0.113.7.\",\"server\":{\"date\":\"2026-02-27 20:22:33\",\"httpCode\":403}}")));

        DiagnosticsReport report = run();

        assertThat(report.check("ip-whitelist").orElseThrow().summary()).contains("203.0.113.7");
        assertThat(report.check("ip-whitelist").orElseThrow().status()).isEqualTo(Status.FAILURE);
        assertThat(report.requestsSent()).isEqualTo(1);
    }

    @Test
    void aHostileRetryAfterIsShownClampedInTheQuotaCheck() {
        server.stubFor(get(urlPathEqualTo(CITIES)).willReturn(json(429,
                "{\"message\":\"Too many\",\"server\":{\"date\":\"2026-02-27 20:22:33\",\"httpCode\":429}}")
                .withHeader("Retry-After", "99999999999999")));

        DiagnosticsReport report = run();

        Check quota = report.check("quota").orElseThrow();
        assertThat(quota.status()).isEqualTo(Status.WARNING);
        assertThat(quota.summary()).contains("pause until").contains("never more than 24 h");
        assertThat(report.check("key").orElseThrow().status()).isEqualTo(Status.WARNING);
        assertThat(report.requestsSent()).isEqualTo(1);
    }

    @Test
    void theKeyEchoedByTheServiceNeverReachesTheReport() {
        server.stubFor(get(urlPathEqualTo(CITIES)).willReturn(json(403,
                "{\"message\":\"Key " + key + " is not allowed for this resource\",\"server\":{\"date\":\"2026-02-27 20:22:33\",\"httpCode\":403}}")));

        DiagnosticsReport report = run();

        assertThat(report.toText()).doesNotContain(key);
        assertThat(report.toJson()).doesNotContain(key);
    }

    @Test
    void theJsonReportCarriesEveryCheckAndDrift() throws IOException {
        stubSearch(search -> item(search).put("createDate", "20250111"));

        JsonNode json = JSON.readTree(run().toJson());

        assertThat(json.path("overall").asText()).isEqualTo("WARNING");
        assertThat(json.path("requestsSent").asInt()).isEqualTo(2);
        JsonNode search = json.path("checks").get(7);
        assertThat(json.path("checks").get(8).path("id").asText()).isEqualTo("quota");
        assertThat(search.path("id").asText()).isEqualTo("contract.search");
        assertThat(search.path("drifts").get(0).path("effect").asText()).isEqualTo("TOLERATED");
        assertThat(search.path("drifts").get(0).path("severity").asText()).isEqualTo("WARNING");
    }

    private DiagnosticsReport run() {
        return Diagnostics.builder().apiKey(key).baseUri("http://127.0.0.1:" + server.port()).build().run();
    }

    private static Check searchCheck(DiagnosticsReport report) {
        return report.check("contract.search").orElseThrow();
    }

    private void stubSearch(Consumer<ObjectNode> drift) {
        try {
            ObjectNode search = (ObjectNode) JSON.readTree(resource("search-live.json"));
            drift.accept(search);
            server.stubFor(get(urlPathEqualTo(REPORTS)).willReturn(json(200, JSON.writeValueAsString(search))));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode item(ObjectNode search) {
        return (ObjectNode) search.path("items").get(0);
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=utf-8").withBody(body);
    }

    private static String resource(String name) {
        try (InputStream in = DiagnosticsDriftTest.class.getResourceAsStream("/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
