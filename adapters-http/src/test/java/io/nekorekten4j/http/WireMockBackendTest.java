package io.nekorekten4j.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nekorekten4j.domain.ReportDraft;
import io.nekorekten4j.domain.ReportId;
import io.nekorekten4j.ports.ErrorCode;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The stateful WireMock backend itself, spoken to with a plain {@code java.net.http} client: the
 * conformance runs over it are only as good as its wire format and its rules.
 */
class WireMockBackendTest {

    private static final String KEY = "backend-test-key";
    private static final String OTHER_KEY = "backend-test-other-key";
    private static final Instant FILED_AT = Instant.parse("2025-01-11T21:22:21Z");

    private final WireMockBackend backend = new WireMockBackend();
    private final HttpClient http = HttpClient.newHttpClient();

    WireMockBackendTest() {
        backend.acceptKey(KEY);
        backend.acceptKey(OTHER_KEY);
    }

    @AfterEach
    void stop() {
        backend.close();
    }

    @Test
    void aSearchAnswersTheLiveEnvelopeWithMaskedNamesAndAPlusPhone() throws Exception {
        ReportId id = backend.arrangeReport(ReportDraft.builder().text("Не потърси пратката.").phone("0888 123 456")
                .email("ivan.petrov@abv.bg").firstName("Иван").lastName("Петров").build(), FILED_AT);

        HttpResponse<String> response = send("GET", "/api/v1/reports?phone=359888123456", KEY, null);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject body = json(response);
        assertThat(body.getInt("count")).isEqualTo(1);
        assertThat(body.getInt("currentPage")).isEqualTo(1);
        assertThat(body.getInt("itemsPerPage")).isEqualTo(20);
        assertThat(body.getJsonObject("server").getInt("httpCode")).isEqualTo(200);
        assertThat(body.getJsonObject("server").getString("date")).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
        JsonObject item = body.getJsonArray("items").getJsonObject(0);
        assertThat(item.getString("id")).isEqualTo(id.value());
        assertThat(item.getString("firstName")).isEqualTo("Ив**");
        assertThat(item.getString("lastName")).isEqualTo("Пет***");
        assertThat(item.getString("email")).isEqualTo("ivan.p*****@abv.bg");
        assertThat(item.getString("phone")).isEqualTo("+359888123456");
        assertThat(item.getString("createDate")).isEqualTo("2025-01-11T21:22:21+00:00");
        assertThat(item.getJsonObject("user").getString("firstName")).isEqualTo("Reporter");
    }

    @Test
    void searchModesFollowTheDomainRulesAndPagesHoldTwenty() throws Exception {
        for (int i = 0; i < 25; i++) {
            backend.arrangeReport(ReportDraft.builder().text("r" + i).phone("0888 123 456").build(),
                    FILED_AT.plusSeconds(i));
        }
        backend.arrangeReport(ReportDraft.builder().text("mail").email("a.b@abv.bg").build(), FILED_AT);

        JsonObject all = json(send("GET", "/api/v1/reports?phone=359888123456&email=a.b%40abv.bg", KEY, null));
        JsonObject oneOf = json(send("GET", "/api/v1/reports?phone=359888123456&email=a.b%40abv.bg&searchMode=one-of",
                KEY, null));
        JsonObject page2 = json(send("GET", "/api/v1/reports?phone=359888123456&page=2", KEY, null));

        assertThat(all.getInt("count")).isZero();
        assertThat(oneOf.getInt("count")).isEqualTo(26);
        assertThat(oneOf.getJsonArray("items")).hasSize(20);
        assertThat(oneOf.getJsonArray("items").getJsonObject(0).getString("text")).isEqualTo("r24");
        assertThat(page2.getJsonArray("items")).hasSize(5);
        assertThat(page2.getInt("currentPage")).isEqualTo(2);
    }

    @Test
    void aPhoneSentAsTypedRatherThanAsDigitsIsRefused() throws Exception {
        HttpResponse<String> response = send("GET", "/api/v1/reports?phone="
                + URLEncoder.encode("0888 123 456", StandardCharsets.UTF_8), KEY, null);

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(json(response).getJsonObject("errors").containsKey("phone")).isTrue();
    }

    @Test
    void aCreateAnswersTheNewIdAndOnlyItsKeyMayChangeOrDeleteIt() throws Exception {
        HttpResponse<String> created = send("POST", "/api/v1/reports", KEY,
                "{\"text\":\"x\",\"phone\":\"359888123456\",\"cityID\":1}");
        String id = json(created).getString("id");

        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(send("PATCH", "/api/v1/reports/" + id, OTHER_KEY, "{\"text\":\"y\"}").statusCode()).isEqualTo(403);
        assertThat(send("DELETE", "/api/v1/reports/" + id, OTHER_KEY, null).statusCode()).isEqualTo(403);
        assertThat(send("PATCH", "/api/v1/reports/" + id, KEY, "{\"text\":\"y\"}").statusCode()).isEqualTo(200);
        assertThat(send("DELETE", "/api/v1/reports/" + id, KEY, null).statusCode()).isEqualTo(200);
        assertThat(send("DELETE", "/api/v1/reports/" + id, KEY, null).statusCode()).isEqualTo(404);
        assertThat(send("PATCH", "/api/v1/reports/noSuchRep01", KEY, "{\"text\":\"y\"}").statusCode()).isEqualTo(404);
    }

    @Test
    void aCreateWithoutTextOrWithAnUnknownFileIsRefusedWithFieldErrors() throws Exception {
        JsonObject noText = json(send("POST", "/api/v1/reports", KEY, "{\"phone\":\"359888123456\"}"));
        JsonObject badFile = json(send("POST", "/api/v1/reports", KEY,
                "{\"text\":\"x\",\"phone\":\"359888123456\",\"files\":[\"noSuchFile1\"]}"));

        assertThat(noText.getJsonObject("errors").containsKey("text")).isTrue();
        assertThat(badFile.getJsonObject("errors").containsKey("files")).isTrue();
        assertThat(backend.store().size()).isZero();
    }

    @Test
    void anUploadAnswersOneIdPerFilesPartInOrder() throws Exception {
        String boundary = "b0undary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (String name : new String[] {"first.jpg", "second.pdf"}) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files[]\"; filename=\""
                    + name + "\"\r\nContent-Type: application/octet-stream\r\n\r\ncontent\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(backend.uri().resolve("/api/v1/files")).header("Api-Key", KEY)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();

        JsonObject answer = json(http.send(request, HttpResponse.BodyHandlers.ofString()));

        assertThat(answer.getJsonArray("files")).hasSize(2);
        assertThat(backend.store().fileName(answer.getJsonArray("files").getString(0))).contains("first.jpg");
        assertThat(backend.store().fileName(answer.getJsonArray("files").getString(1))).contains("second.pdf");
    }

    @Test
    void citiesComeWrappedInItemsWithSofiaFirst() throws Exception {
        JsonObject cities = json(send("GET", "/api/v1/cities", KEY, null));

        assertThat(cities.getJsonArray("items").getJsonObject(0).getString("name")).isEqualTo("София");
    }

    @Test
    void anUnknownKeyGets401AndAKeyRefusedFromAnIpGets403NamingIt() throws Exception {
        backend.refuseFromIp("ip-refused-key", "2001:db8::7");

        assertThat(send("GET", "/api/v1/cities", "unknown-key", null).statusCode()).isEqualTo(401);
        HttpResponse<String> refused = send("GET", "/api/v1/cities", "ip-refused-key", null);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(json(refused).getString("message")).contains("IP 2001:db8::7 ");
    }

    @Test
    void arrangedLimitsAndFailuresAreUsedUpOneRequestEach() throws Exception {
        backend.arrangeRateLimit(Duration.ofSeconds(120), 1);
        HttpResponse<String> limited = send("GET", "/api/v1/cities", KEY, null);
        backend.arrangeFailures(ErrorCode.SERVICE_UNAVAILABLE, 1);
        HttpResponse<String> unavailable = send("GET", "/api/v1/cities", KEY, null);
        HttpResponse<String> fine = send("GET", "/api/v1/cities", KEY, null);

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).contains("120");
        assertThat(unavailable.statusCode()).isEqualTo(503);
        assertThat(fine.statusCode()).isEqualTo(200);
        assertThat(backend.requestCount()).isEqualTo(3);
    }

    @Test
    void aTransportFailureResetsTheConnection() {
        backend.arrangeFailures(ErrorCode.TRANSPORT_FAILURE, 1);

        assertThatThrownBy(() -> send("GET", "/api/v1/cities", KEY, null)).isInstanceOf(IOException.class);
    }

    @Test
    void aSpentQuotaAnswers429WithTheResetAsAnHttpDate() throws Exception {
        backend.arrangeQuotaExhausted(Instant.parse("2099-01-01T22:00:00Z"));

        HttpResponse<String> spent = send("GET", "/api/v1/cities", KEY, null);

        assertThat(spent.statusCode()).isEqualTo(429);
        assertThat(spent.headers().firstValue("Retry-After")).contains("Thu, 1 Jan 2099 22:00:00 GMT");
        assertThat(json(spent).getString("message")).containsIgnoringCase("daily");
    }

    private HttpResponse<String> send(String method, String pathAndQuery, String key, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(backend.uri() + pathAndQuery))
                .header("Api-Key", key).timeout(Duration.ofSeconds(10));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static JsonObject json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }
}
