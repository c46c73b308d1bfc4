package io.nekorekten4j.fakeserver;

import static org.assertj.core.api.Assertions.assertThat;

import io.nekorekten4j.apicontract.ContractViolation;
import io.nekorekten4j.apicontract.OpenApiContract;
import io.nekorekten4j.domain.ReportDraft;
import io.nekorekten4j.domain.ReportId;
import io.nekorekten4j.ports.ErrorCode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every kind of answer of the fake server, held against the written contract
 * ({@code openapi/nekorekten-api.yaml}): search pages, an empty search, create, update, delete,
 * upload, cities, and each refusal — 400, 401, 403 (IP and ownership), 404, 429 (minute and day),
 * 5xx. Spoken to with a plain JDK client, so that only the server's wire format is under test.
 */
class OpenApiFakeServerTest {

    private static final OpenApiContract CONTRACT = OpenApiContract.load();
    private static final String KEY = "contract-test-key";
    private static final String OTHER_SHOP = "contract-test-other-shop";
    private static final String IP_REFUSED_KEY = "contract-test-ip-refused";
    private static final String REPORTS = "/api/v1/reports";
    private static final Instant FILED = Instant.parse("2025-01-11T21:22:21Z");
    private static final Pattern ID = Pattern.compile("\"id\":\"([A-Za-z0-9_-]+)\"");

    @RegisterExtension
    static final FakeServerExtension SERVER = FakeServerExtension.of(() -> FakeServer.builder().seedDemoData()
            .acceptKey(KEY).acceptKey(OTHER_SHOP).refuseFromIp(IP_REFUSED_KEY, "203.0.113.9")
            .stallFor(Duration.ZERO));

    @FakeServerUri
    URI base;

    private final HttpClient http = HttpClient.newHttpClient();

    /** One exchange with the server: what was asked, under which template, and what came back. */
    private record Exchange(String method, String pathTemplate, String pathAndQuery, int status, String body) {
        List<ContractViolation> violations() {
            return CONTRACT.validateResponse(method, pathTemplate, status, body);
        }

        @Override
        public String toString() {
            return method + " " + pathAndQuery + " → " + status;
        }
    }

    @Test
    void searchPagesAnEmptySearchAndTheDemoReportsKeepTheContract(FakeServer server) throws Exception {
        for (int i = 0; i < 25; i++) {
            server.fake().arrangeReport(ReportDraft.builder().text("Не потърси пратката " + i + ".").phone("0887 654 321")
                    .firstName("Иван").lastName("Петров").email("ivan.petrov@abv.bg").build(), FILED.plusSeconds(i), OTHER_SHOP);
        }

        Exchange first = keeps(call("GET", REPORTS + "?phone=359887654321", KEY), 200);
        Exchange second = keeps(call("GET", REPORTS + "?phone=359887654321&page=2", KEY), 200);
        keeps(call("GET", REPORTS + "?email=nobody%40example.bg", KEY), 200);
        // The demo reports: a phone and an e-mail (one-of), names, a site-only and a foreign phone.
        for (String query : List.of("phone=359888123456&email=ivan%40example.bg&searchMode=one-of",
                "name=%D0%98%D0%B2%D0%B0%D0%BD", "siteUrl=evtini-telefoni.example.bg", "phone=%2B442079460958")) {
            Exchange demo = keeps(call("GET", REPORTS + "?" + query, KEY), 200);
            assertThat(demo.body()).as(demo.toString()).contains("\"items\":[{").doesNotContain("\"count\":0");
        }
        assertThat(first.body()).contains("\"currentPage\":1").contains("\"count\":25");
        assertThat(second.body()).contains("\"currentPage\":2");
    }

    @Test
    void anUploadACreateAnUpdateADeleteAndTheCitiesKeepTheContract() throws Exception {
        Exchange upload = keeps(upload("bill.jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}), 200);
        String fileId = firstId(upload.body());
        String draft = "{\"text\":\"Не потърси пратката.\",\"phone\":\"359888765432\",\"firstName\":\"Мария\","
                + "\"files\":[\"" + fileId + "\"],\"cityID\":1}";
        assertThat(CONTRACT.validateRequestBody("POST", REPORTS, draft)).as("the request itself").isEmpty();

        Exchange created = keeps(send("POST", REPORTS, KEY, "application/json", draft), 200);
        String id = firstId(created.body());
        keeps(call("GET", REPORTS + "?phone=359888765432", KEY), 200);
        keeps(send("PATCH", REPORTS + "/" + id, KEY, "application/json", "{\"text\":\"Не потърси пратката пак.\"}"), 200);
        keeps(send("POST", REPORTS, KEY, "application/x-www-form-urlencoded",
                "text=%D0%9D%D0%B5+%D0%B4%D0%BE%D0%B9%D0%B4%D0%B5.&email=someone%40abv.bg"), 200);
        keeps(call("GET", "/api/v1/cities", KEY), 200);
        keeps(call("DELETE", REPORTS + "/" + id, KEY), 200);
    }

    @Test
    void everyRefusalKeepsTheContract(FakeServer server) throws Exception {
        ReportId others = server.fake().arrangeReport(ReportDraft.builder().text("Чужд сигнал.").phone("0888 111 999").build(),
                FILED, OTHER_SHOP);

        keeps(send("POST", REPORTS, KEY, "application/json", "{\"phone\":\"359888123456\"}"), 400);
        keeps(call("GET", REPORTS, KEY), 400);
        keeps(call("GET", REPORTS + "?phone=359888123456&searchMode=some", KEY), 400);
        keeps(call("GET", "/api/v1/cities", null), 401);
        keeps(call("GET", "/api/v1/cities", "never-issued-key"), 401);
        Exchange ip = keeps(call("GET", "/api/v1/cities", IP_REFUSED_KEY), 403);
        keeps(send("PATCH", REPORTS + "/" + others.value(), KEY, "application/json", "{\"text\":\"Моят.\"}"), 403);
        keeps(call("DELETE", REPORTS + "/" + others.value(), KEY), 403);
        keeps(send("PATCH", REPORTS + "/noSuchRep01", KEY, "application/json", "{\"text\":\"x\"}"), 404);
        keeps(call("DELETE", REPORTS + "/noSuchRep01", KEY), 404);

        assertThat(ip.body()).contains("203.0.113.9");
    }

    @Test
    void theQuotaAndTheServicesFailuresKeepTheContract(FakeServer server) throws Exception {
        server.fake().failNext(1, ErrorCode.RATE_LIMITED);
        keeps(call("GET", REPORTS + "?phone=359888123456", KEY), 429);
        server.fake().failNext(1, ErrorCode.QUOTA_EXHAUSTED);
        keeps(call("GET", REPORTS + "?phone=359888123456", KEY), 429);
        server.fake().failNext(1, ErrorCode.SERVICE_UNAVAILABLE);
        keeps(call("GET", "/api/v1/cities", KEY), 503);
        server.fake().failNext(1, ErrorCode.TIMEOUT);
        keeps(call("GET", "/api/v1/cities", KEY), 504);
    }

    @Test
    void theTruncatedAnswerOfAnInjectedUnexpectedResponseIsNotAContractBody(FakeServer server) throws Exception {
        server.fake().failNext(1, ErrorCode.UNEXPECTED_RESPONSE);

        Exchange truncated = call("GET", REPORTS + "?phone=359888123456", KEY);

        assertThat(truncated.status()).isEqualTo(200);
        assertThat(truncated.violations()).singleElement()
                .satisfies(v -> assertThat(v.message()).startsWith("the body is not JSON"));
    }

    /** Asserts the status, then that the body keeps the contract; answers the exchange. */
    private static Exchange keeps(Exchange exchange, int status) {
        assertThat(exchange.status()).as(exchange.toString()).isEqualTo(status);
        assertThat(exchange.violations()).as(exchange + " " + exchange.body()).isEmpty();
        return exchange;
    }

    private static String firstId(String body) {
        Matcher m = ID.matcher(body.replace(" ", ""));
        assertThat(m.find()).as("an id in " + body).isTrue();
        return m.group(1);
    }

    private Exchange upload(String fileName, byte[] content) throws IOException, InterruptedException {
        String boundary = "contract-test-boundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files[]\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return sendBytes("POST", "/api/v1/files", KEY, "multipart/form-data; boundary=" + boundary, body.toByteArray());
    }

    /** A request without a body. */
    private Exchange call(String method, String pathAndQuery, String key) throws IOException, InterruptedException {
        return sendBytes(method, pathAndQuery, key, null, null);
    }

    private Exchange send(String method, String pathAndQuery, String key, String contentType, String body)
            throws IOException, InterruptedException {
        return sendBytes(method, pathAndQuery, key, contentType, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    private Exchange sendBytes(String method, String pathAndQuery, String key, String contentType, byte[] body)
            throws IOException, InterruptedException {
        URI uri = URI.create(base + pathAndQuery);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10));
        if (key != null) {
            request.header("Api-Key", key);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        String template = CONTRACT.pathTemplateOf(uri.getPath()).orElseThrow();
        return new Exchange(method, template, pathAndQuery, response.statusCode(), response.body());
    }
}
