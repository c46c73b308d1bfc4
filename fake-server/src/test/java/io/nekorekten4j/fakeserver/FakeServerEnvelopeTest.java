package io.nekorekten4j.fakeserver;

import static org.assertj.core.api.Assertions.assertThat;

import io.nekorekten4j.domain.ReportDraft;
import io.nekorekten4j.fake.MutableClock;
import io.nekorekten4j.fake.NekorektenFake;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The server answers in the live envelope of the reference (§2): the same fields, in the same
 * order, with the same forms — masked names and e-mails, {@code +359…} phones, ISO dates with an
 * offset, {@code server.date} in Sofia time, pages of 20 with the total in {@code count}.
 */
class FakeServerEnvelopeTest {

    /** The top-level fields of the live search answer, in its order. */
    private static final List<String> LIVE_SEARCH_FIELDS = List.of(
            "message", "items", "count", "currentPage", "itemsPerPage", "server");
    /** The fields of a report in the live payload, in its order. */
    private static final List<String> LIVE_REPORT_FIELDS = List.of(
            "id", "firstName", "lastName", "email", "phone", "text", "facebookUrl", "siteUrl", "siteUrlMapped",
            "user", "city", "parent", "children", "categories", "files", "createDate", "views", "liked",
            "visibleOnlyForCreator", "isArchived");

    // 2026-02-27 18:22:33 UTC is 20:22:33 in Sofia (EET, UTC+2): the live payload's server.date.
    private final MutableClock clock = MutableClock.at(Instant.parse("2026-02-27T18:22:33Z"));
    private final FakeServer server = FakeServer.builder().clock(clock).seedDemoData().build().start();
    private final RawHttp http = new RawHttp(server.uri());

    @AfterEach
    void close() {
        server.close();
    }

    @Test
    void aSearchAnswersTheLiveEnvelopeWithEveryReportFieldInItsOrder() {
        RawHttp.Response r = http.get("/api/v1/reports?phone=359888123456", "any-key");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).contains("application/json; charset=utf-8");
        JsonObject body = r.json();
        assertThat(body.keySet()).containsExactlyElementsOf(LIVE_SEARCH_FIELDS);
        assertThat(body.get("message")).isEqualTo(JsonValue.NULL);
        assertThat(body.getInt("count")).isEqualTo(1);
        assertThat(body.getInt("currentPage")).isEqualTo(1);
        assertThat(body.getInt("itemsPerPage")).isEqualTo(20);
        assertThat(body.getJsonArray("items")).hasSize(1);
        assertThat(body.getJsonArray("items").getJsonObject(0).keySet()).containsExactlyElementsOf(LIVE_REPORT_FIELDS);
    }

    @Test
    void aReportLooksLikeTheLivePayload() {
        JsonObject report = http.get("/api/v1/reports?phone=0888123456", "any-key").json()
                .getJsonArray("items").getJsonObject(0);

        assertThat(report.getString("id")).matches("[0-9A-Za-z]{10}");
        assertThat(report.getString("firstName")).isEqualTo("Не**");
        assertThat(report.getString("lastName")).isEqualTo("Желяз****");
        assertThat(report.get("email")).isEqualTo(JsonValue.NULL);
        assertThat(report.getString("phone")).isEqualTo("+359888123456");
        assertThat(report.getString("text")).startsWith("Поръча си рокля").endsWith("НЕКОРЕКТНА!!!");
        assertThat(report.get("siteUrl")).isEqualTo(JsonValue.NULL);
        assertThat(report.get("siteUrlMapped")).isEqualTo(JsonValue.NULL);
        assertThat(report.getJsonObject("city").getInt("id")).isEqualTo(17);
        assertThat(report.getJsonObject("city").getString("name")).isEqualTo("Пловдив");
        assertThat(report.get("parent")).isEqualTo(JsonValue.NULL);
        assertThat(report.getJsonArray("children")).isEmpty();
        assertThat(report.getJsonArray("categories")).isEmpty();
        assertThat(report.getJsonArray("files")).isEmpty();
        assertThat(report.getString("createDate")).isEqualTo("2025-01-11T21:22:21+00:00");
        assertThat(report.getInt("views")).isZero();
        assertThat(report.getInt("liked")).isZero();
        assertThat(report.getBoolean("visibleOnlyForCreator")).isFalse();
        assertThat(report.getBoolean("isArchived")).isFalse();
    }

    @Test
    void theUserIsTheReporterWithMaskedNamesAndEmail() {
        JsonObject user = http.get("/api/v1/reports?phone=0888123456", "any-key").json()
                .getJsonArray("items").getJsonObject(0).getJsonObject("user");

        assertThat(user.keySet()).containsExactly("id", "firstName", "lastName", "email");
        assertThat(user.getString("id")).matches("[0-9A-Za-z]{10}");
        assertThat(user.getString("firstName")).contains("*");
        assertThat(user.getString("email")).matches("[^@]*\\*+@example\\.bg");
    }

    @Test
    void emailsComeBackMaskedAndSitesWithTheirNormalisedForm() {
        JsonObject byEmail = http.get("/api/v1/reports?email=ivan%40example.bg", "any-key").json()
                .getJsonArray("items").getJsonObject(0);
        JsonObject bySite = http.get("/api/v1/reports?siteUrl=evtini-telefoni.example.bg", "any-key").json()
                .getJsonArray("items").getJsonObject(0);

        assertThat(byEmail.getString("email")).isEqualTo("iv**@example.bg");
        assertThat(bySite.getString("siteUrl")).isEqualTo("https://www.evtini-telefoni.example.bg/oferti");
        assertThat(bySite.getString("siteUrlMapped")).isNotBlank();
        assertThat(bySite.get("phone")).isEqualTo(JsonValue.NULL);
    }

    @Test
    void serverDateIsSofiaTimeWithoutAZoneAndRepeatsTheStatus() {
        JsonObject server = http.get("/api/v1/reports?phone=0888123456", "any-key").json().getJsonObject("server");

        assertThat(server.getString("date")).isEqualTo("2026-02-27 20:22:33");
        assertThat(server.getInt("httpCode")).isEqualTo(200);
    }

    @Test
    void countIsTheTotalWhileItemsHoldsOnePageOfTwenty() {
        NekorektenFake fake = server.fake();
        for (int i = 0; i < 25; i++) {
            fake.arrangeReport(ReportDraft.builder().text("report " + i).phone("0877 123 456").build(),
                    Instant.parse("2025-05-01T10:00:00Z").plusSeconds(i), "shop");
        }

        JsonObject first = http.get("/api/v1/reports?phone=359877123456", "any-key").json();
        JsonObject second = http.get("/api/v1/reports?phone=359877123456&page=2", "any-key").json();

        assertThat(first.getInt("count")).isEqualTo(25);
        assertThat(first.getJsonArray("items")).hasSize(20);
        assertThat(first.getJsonArray("items").getJsonObject(0).getString("text")).isEqualTo("report 24");
        assertThat(second.getInt("count")).isEqualTo(25);
        assertThat(second.getInt("currentPage")).isEqualTo(2);
        assertThat(second.getJsonArray("items")).hasSize(5);
    }

    @Test
    void oneOfSearchUnitesTheFilters() {
        JsonObject body = http.get("/api/v1/reports?phone=359888123456&email=ivan%40example.bg&searchMode=one-of",
                "any-key").json();

        assertThat(body.getInt("count")).isEqualTo(2);
    }

    @Test
    void aSearchThatFindsNothingAnswersAnEmptyPage() {
        JsonObject body = http.get("/api/v1/reports?phone=359899999999", "any-key").json();

        assertThat(body.getJsonArray("items")).isEmpty();
        assertThat(body.getInt("count")).isZero();
        assertThat(body.getJsonObject("server").getInt("httpCode")).isEqualTo(200);
    }

    @Test
    void createAnswersItsMessageAndTheNewId() {
        RawHttp.Response r = http.json("POST", "/api/v1/reports", "shop-key",
                "{\"text\":\"Не потърси пратката.\",\"phone\":\"359888000111\",\"firstName\":\"Иван\"}");

        JsonObject body = r.json();
        assertThat(r.status()).isEqualTo(200);
        assertThat(body.keySet()).containsExactly("message", "id", "server");
        assertThat(body.getString("message")).isEqualTo(NekorektenFake.CREATED_MESSAGE);
        JsonObject found = http.get("/api/v1/reports?phone=359888000111", "shop-key").json()
                .getJsonArray("items").getJsonObject(0);
        assertThat(found.getString("id")).isEqualTo(body.getString("id"));
        assertThat(found.getString("firstName")).isEqualTo("Ив**");
    }

    @Test
    void aFormEncodedCreateWorksLikeJson() {
        RawHttp.Response r = http.send("POST", "/api/v1/reports", "shop-key", "application/x-www-form-urlencoded",
                "text=%D0%9D%D0%B5+%D0%BF%D0%BE%D1%82%D1%8A%D1%80%D1%81%D0%B8&phone=359888000222&email="
                        .getBytes(java.nio.charset.StandardCharsets.US_ASCII));

        assertThat(r.status()).isEqualTo(200);
        assertThat(http.get("/api/v1/reports?phone=359888000222", "shop-key").json().getJsonArray("items")
                .getJsonObject(0).getString("text")).isEqualTo("Не потърси");
    }

    @Test
    void updateAnswersItsMessageAndIdAndDeleteItsMessage() {
        String id = http.json("POST", "/api/v1/reports", "shop-key", "{\"text\":\"a\",\"phone\":\"359888000333\"}")
                .json().getString("id");

        JsonObject updated = http.json("PATCH", "/api/v1/reports/" + id, "shop-key", "{\"text\":\"b\"}").json();
        RawHttp.Response deleted = http.send("DELETE", "/api/v1/reports/" + id, "shop-key", null, new byte[0]);

        assertThat(updated.getString("message")).isEqualTo(NekorektenFake.UPDATED_MESSAGE);
        assertThat(updated.getString("id")).isEqualTo(id);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().keySet()).containsExactly("message", "server");
        assertThat(http.get("/api/v1/reports?phone=359888000333", "shop-key").json().getInt("count")).isZero();
    }

    @Test
    void citiesAnswerIdAndNameInItems() {
        JsonObject body = http.get("/api/v1/cities", "any-key").json();

        assertThat(body.keySet()).containsExactly("message", "items", "server");
        JsonObject sofia = body.getJsonArray("items").getJsonObject(0);
        assertThat(sofia.keySet()).containsExactly("id", "name");
        assertThat(sofia.getInt("id")).isEqualTo(1);
        assertThat(sofia.getString("name")).isEqualTo("София");
    }
}
