package io.nekorekten4j.fakeserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.nekorekten4j.fake.MutableClock;
import io.nekorekten4j.fake.NekorektenFake;
import io.nekorekten4j.ports.ErrorCode;
import io.nekorekten4j.ports.QuotaPlan;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The server's refusals on the wire: each status with the body the HTTP adapter's error mapping
 * reads — {@code {message, server}}, {@code errors} per field for 400, {@code Retry-After} for 429 —
 * and the injected faults as a client meets them.
 */
class FakeServerErrorsTest {

    private static final Instant NOW = Instant.parse("2026-03-10T10:00:00Z");

    private final MutableClock clock = MutableClock.at(NOW);
    private FakeServer server;
    private RawHttp http;

    private void start(FakeServer.Builder builder) {
        server = builder.clock(clock).build().start();
        http = new RawHttp(server.uri());
    }

    @AfterEach
    void close() {
        if (server != null) {
            server.close();
        }
    }

    // ---- keys ----------------------------------------------------------------------------------

    @Test
    void aRequestWithoutAKeyGets401WithMessageAndServer() {
        start(FakeServer.builder());

        RawHttp.Response r = http.get("/api/v1/reports?phone=359888123456", null);

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().keySet()).containsExactly("message", "server");
        assertThat(r.json().getString("message")).contains("Api-Key");
        assertThat(r.json().getJsonObject("server").getInt("httpCode")).isEqualTo(401);
    }

    @Test
    void aBlankKeyGets401() {
        start(FakeServer.builder());

        assertThat(http.get("/api/v1/cities", " ").status()).isEqualTo(401);
    }

    @Test
    void withAcceptedKeysEveryOtherKeyGets401() {
        start(FakeServer.builder().acceptKey("demo-key"));

        assertThat(http.get("/api/v1/cities", "demo-key").status()).isEqualTo(200);
        assertThat(http.get("/api/v1/cities", "other-key").status()).isEqualTo(401);
    }

    @Test
    void withoutAcceptedKeysEveryNonBlankKeyIsAccepted() {
        start(FakeServer.builder());

        assertThat(http.get("/api/v1/cities", "whatever").status()).isEqualTo(200);
    }

    @Test
    void aRefusedKeyGets401() {
        start(FakeServer.builder().refuseKey("revoked"));

        RawHttp.Response r = http.get("/api/v1/cities", "revoked");

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().getString("message")).isNotBlank();
    }

    @Test
    void aKeyRefusedFromAnIpGets403NamingTheIp() {
        start(FakeServer.builder().acceptKey("demo-key").refuseFromIp("shop-key", "203.0.113.9"));

        RawHttp.Response r = http.get("/api/v1/reports?phone=359888123456", "shop-key");

        assertThat(r.status()).isEqualTo(403);
        assertThat(r.json().getString("message")).contains("203.0.113.9");
        assertThat(r.json().getJsonObject("server").getInt("httpCode")).isEqualTo(403);
    }

    @Test
    void aRefusalFromAnIpv6AddressNamesIt() {
        start(FakeServer.builder());
        server.fake().refuseFromIp("shop-key", "2001:db8::7");

        assertThat(http.get("/api/v1/cities", "shop-key").json().getString("message")).contains("2001:db8::7");
    }

    // ---- ownership, not found, routes -----------------------------------------------------------

    @Test
    void changingAnotherKeysReportGets403ThatDoesNotSpeakOfIps() {
        start(FakeServer.builder());
        String id = http.json("POST", "/api/v1/reports", "owner", "{\"text\":\"a\",\"phone\":\"359888000444\"}")
                .json().getString("id");

        RawHttp.Response patch = http.json("PATCH", "/api/v1/reports/" + id, "intruder", "{\"text\":\"b\"}");
        RawHttp.Response delete = http.send("DELETE", "/api/v1/reports/" + id, "intruder", null, new byte[0]);

        assertThat(patch.status()).isEqualTo(403);
        assertThat(delete.status()).isEqualTo(403);
        assertThat(patch.json().getString("message")).doesNotContain("IP");
    }

    @Test
    void anUnknownReportIdGets404() {
        start(FakeServer.builder());

        RawHttp.Response patch = http.json("PATCH", "/api/v1/reports/noSuchId01", "k", "{\"text\":\"b\"}");
        RawHttp.Response delete = http.send("DELETE", "/api/v1/reports/noSuchId01", "k", null, new byte[0]);
        RawHttp.Response badId = http.send("DELETE", "/api/v1/reports/%20%3C%3E", "k", null, new byte[0]);

        assertThat(patch.status()).isEqualTo(404);
        assertThat(patch.json().getJsonObject("server").getInt("httpCode")).isEqualTo(404);
        assertThat(delete.status()).isEqualTo(404);
        assertThat(badId.status()).isEqualTo(404);
    }

    @Test
    void anUnknownPathGets404AndAWrongMethod405WithAllow() {
        start(FakeServer.builder());

        RawHttp.Response unknown = http.get("/api/v2/reports", "k");
        RawHttp.Response wrongMethod = http.send("PUT", "/api/v1/reports", "k", "application/json", "{}".getBytes());

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.header("Allow")).contains("GET, POST");
    }

    @Test
    void aHeadRequestGetsTheStatusWithoutABody() {
        start(FakeServer.builder());

        RawHttp.Response r = http.send("HEAD", "/api/v1/cities", "k", null, new byte[0]);

        assertThat(r.status()).isEqualTo(405);
        assertThat(r.body()).isEmpty();
        assertThat(http.get("/api/v1/cities", "k").status()).as("the connection is still usable").isEqualTo(200);
    }

    // ---- 400 -----------------------------------------------------------------------------------

    @Test
    void aSearchWithoutAFilterGets400NamingTheCriteria() {
        start(FakeServer.builder());

        RawHttp.Response r = http.get("/api/v1/reports?searchMode=all", "k");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().keySet()).containsExactly("message", "errors", "server");
        assertThat(r.json().getJsonObject("errors").keySet()).containsExactly("criteria");
        assertThat(r.json().getJsonObject("server").getInt("httpCode")).isEqualTo(400);
    }

    @Test
    void aSearchWithBadValuesGets400WithAMessagePerField() {
        start(FakeServer.builder());

        JsonObject errors = http.get("/api/v1/reports?phone=12&email=not-an-email&searchMode=some&page=0", "k")
                .json().getJsonObject("errors");

        assertThat(errors.keySet()).contains("phone", "email", "searchMode", "page");
        assertThat(errors.getString("phone")).isNotBlank();
    }

    @Test
    void aCreateWithoutTextAndWithABadPhoneGets400NamingBoth() {
        start(FakeServer.builder());

        RawHttp.Response r = http.json("POST", "/api/v1/reports", "k", "{\"phone\":\"12\"}");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().getJsonObject("errors").keySet()).contains("text", "phone");
    }

    @Test
    void aCreateWithFieldsOfTheWrongTypeGets400NamingThem() {
        start(FakeServer.builder());

        JsonObject errors = http.json("POST", "/api/v1/reports", "k",
                "{\"text\":7,\"phone\":359888123456,\"files\":\"x\",\"cityID\":1.5}").json().getJsonObject("errors");

        assertThat(errors.keySet()).containsExactlyInAnyOrder("text", "files", "cityID");
    }

    @Test
    void aBodyThatIsNotJsonGets400() {
        start(FakeServer.builder());

        RawHttp.Response broken = http.json("POST", "/api/v1/reports", "k", "{\"text\":");
        RawHttp.Response array = http.json("POST", "/api/v1/reports", "k", "[]");
        RawHttp.Response duplicate = http.json("POST", "/api/v1/reports", "k",
                "{\"text\":\"a\",\"phone\":\"359888123456\",\"phone\":\"359877123456\"}");

        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.json().getJsonObject("errors").keySet()).containsExactly("body");
        assertThat(array.status()).isEqualTo(400);
        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(duplicate.json().getJsonObject("errors").keySet()).containsExactly("phone");
    }

    @Test
    void aReferenceToAnUnknownFileOrCityGets400NamingIt() {
        start(FakeServer.builder());

        JsonObject errors = http.json("POST", "/api/v1/reports", "k",
                "{\"text\":\"a\",\"phone\":\"359888123456\",\"files\":[\"noSuchFile1\"],\"cityID\":999}")
                .json().getJsonObject("errors");

        assertThat(errors.keySet()).containsExactlyInAnyOrder("files", "cityID");
    }

    @Test
    void anEmptyPatchGets400() {
        start(FakeServer.builder());
        String id = http.json("POST", "/api/v1/reports", "k", "{\"text\":\"a\",\"phone\":\"359888000555\"}")
                .json().getString("id");

        assertThat(http.json("PATCH", "/api/v1/reports/" + id, "k", "{}").status()).isEqualTo(400);
    }

    // ---- 429 -----------------------------------------------------------------------------------

    @Test
    void pastThePlansMinuteTheServerAnswers429WithRetryAfterInSeconds() {
        start(FakeServer.builder().quota(QuotaPlan.perMinute(2)));
        http.get("/api/v1/cities", "k");
        clock.advance(Duration.ofSeconds(15));
        http.get("/api/v1/cities", "k");

        RawHttp.Response r = http.get("/api/v1/cities", "k");

        assertThat(r.status()).isEqualTo(429);
        assertThat(r.header("Retry-After")).contains("45");
        assertThat(r.json().getString("message")).contains("минута");
        assertThat(r.json().getJsonObject("server").getInt("httpCode")).isEqualTo(429);
    }

    @Test
    void theQuotaIsPerKey() {
        start(FakeServer.builder().quota(QuotaPlan.perMinute(1)));
        http.get("/api/v1/cities", "first");

        assertThat(http.get("/api/v1/cities", "second").status()).isEqualTo(200);
        assertThat(http.get("/api/v1/cities", "first").status()).isEqualTo(429);
    }

    @Test
    void pastThePlansDayTheServerAnswersTheDailyLimitUntilSofiaMidnight() {
        start(FakeServer.builder().quota(QuotaPlan.of(100, 1)));
        http.get("/api/v1/cities", "k");

        RawHttp.Response r = http.get("/api/v1/cities", "k");

        assertThat(r.status()).isEqualTo(429);
        assertThat(r.json().getString("message")).startsWith("Дневният лимит");
        // Midnight of 2026-03-11 in Sofia (EET) is 22:00 UTC the day before.
        assertThat(r.header("Retry-After")).contains("Tue, 10 Mar 2026 22:00:00 GMT");
    }

    // ---- injected faults -------------------------------------------------------------------------

    @Test
    void anInjectedServiceFailureIs503() {
        start(FakeServer.builder());
        server.fake().failNext(1, ErrorCode.SERVICE_UNAVAILABLE);

        RawHttp.Response r = http.get("/api/v1/cities", "k");

        assertThat(r.status()).isEqualTo(503);
        assertThat(r.json().getJsonObject("server").getInt("httpCode")).isEqualTo(503);
        assertThat(http.get("/api/v1/cities", "k").status()).isEqualTo(200);
    }

    @Test
    void anInjectedTransportFailureDropsTheConnectionWithoutAnAnswer() {
        start(FakeServer.builder());
        // More than one: java.net.http repeats a GET once when the connection closes before an answer.
        server.fake().failNext(5, ErrorCode.TRANSPORT_FAILURE);

        Throwable thrown = catchThrowable(() -> http.sendOrThrow(http.request("/api/v1/cities", "k").GET().build()));

        assertThat(thrown).isInstanceOf(IOException.class);
    }

    @Test
    void anInjectedUnexpectedResponseIsA200WithTruncatedJson() {
        start(FakeServer.builder());
        server.fake().failNext(1, ErrorCode.UNEXPECTED_RESPONSE);

        RawHttp.Response r = http.get("/api/v1/cities", "k");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(ErrorAnswers.TRUNCATED_BODY);
    }

    @Test
    void anInjectedTimeoutHoldsTheAnswerThenSends504() {
        start(FakeServer.builder().stallFor(Duration.ZERO));
        server.fake().failNext(1, ErrorCode.TIMEOUT);

        assertThat(http.get("/api/v1/cities", "k").status()).isEqualTo(504);
    }

    @Test
    void injectedRefusalsGetTheirStatus() {
        start(FakeServer.builder());
        NekorektenFake fake = server.fake();
        fake.failNext(1, ErrorCode.INVALID_REQUEST);
        fake.failNext(1, ErrorCode.NOT_FOUND);
        fake.failNext(1, ErrorCode.FORBIDDEN);
        fake.failNext(1, ErrorCode.IP_NOT_WHITELISTED);
        fake.failNext(1, ErrorCode.RATE_LIMITED);
        fake.failNext(1, ErrorCode.QUOTA_EXHAUSTED);
        fake.failNext(1, ErrorCode.CIRCUIT_OPEN);

        assertThat(http.get("/api/v1/cities", "k").status()).isEqualTo(400);
        assertThat(http.get("/api/v1/cities", "k").status()).isEqualTo(404);
        assertThat(http.get("/api/v1/cities", "k").status()).isEqualTo(403);
        assertThat(http.get("/api/v1/cities", "k").json().getString("message")).contains("203.0.113.7");
        assertThat(http.get("/api/v1/cities", "k").status()).isEqualTo(429);
        RawHttp.Response quota = http.get("/api/v1/cities", "k");
        assertThat(quota.status()).isEqualTo(429);
        assertThat(quota.json().getString("message")).startsWith("Дневният");
        assertThat(http.get("/api/v1/cities", "k").status()).isEqualTo(500);
    }

    // ---- counting ---------------------------------------------------------------------------------

    @Test
    void everyRequestIsCountedRefusedOnesToo() {
        start(FakeServer.builder());

        http.get("/api/v1/cities", null);
        http.get("/api/v1/reports", "k");
        http.get("/nowhere", "k");
        http.get("/api/v1/cities", "k");

        assertThat(server.requestCount()).isEqualTo(4);
        assertThat(server.fake().calls()).hasSize(1);
    }
}
