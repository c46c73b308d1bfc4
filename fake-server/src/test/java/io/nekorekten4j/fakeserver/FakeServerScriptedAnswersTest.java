package io.nekorekten4j.fakeserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.nekorekten4j.ports.ErrorCode;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The server's scripted answers: {@link FakeServer#sayNext} sends the service's words as they are
 * (a client's handling of them is tested only if they arrive uncleaned and uncut), and
 * {@link FakeServer#leaveUnanswered} answers nothing until the server closes.
 */
class FakeServerScriptedAnswersTest {

    private static final String KEY = "scripted-key";

    private final FakeServer server = FakeServer.builder().build().start();
    private final RawHttp http = new RawHttp(server.uri());

    @AfterEach
    void close() {
        server.close();
    }

    @Test
    void theServicesWordsArriveAsTheyWereGivenNeitherCleanedNorCut() {
        String hostile = "\u001B[31mred\u001B[0m\r\nFORGED " + KEY + " \u202E" + "x".repeat(100 * 1024);
        server.sayNext(1, ErrorCode.INVALID_REQUEST, hostile);

        RawHttp.Response r = http.get("/api/v1/reports?phone=359888123456", KEY);

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().getString("message")).isEqualTo(hostile);
        assertThat(r.json().getJsonObject("errors").getString("text")).isEqualTo(hostile);
        assertThat(server.fake().callCount()).as("calls that reached the fake").isZero();
    }

    @Test
    void eachCodeHasItsStatusAndTheAnswersAreUsedUpInOrder() {
        server.sayNext(1, ErrorCode.INVALID_API_KEY, "bad key");
        server.sayNext(1, ErrorCode.FORBIDDEN, "forbidden");
        server.sayNext(1, ErrorCode.NOT_FOUND, "not found");
        server.sayNext(1, ErrorCode.SERVICE_UNAVAILABLE, "down");

        assertThat(http.get("/api/v1/cities", KEY).status()).isEqualTo(401);
        assertThat(http.get("/api/v1/cities", KEY).status()).isEqualTo(403);
        assertThat(http.get("/api/v1/cities", KEY).status()).isEqualTo(404);
        RawHttp.Response down = http.get("/api/v1/cities", KEY);
        assertThat(down.status()).isEqualTo(503);
        assertThat(down.json().getString("message")).isEqualTo("down");
        assertThat(http.get("/api/v1/cities", KEY).status()).as("once the script is used up").isEqualTo(200);
    }

    @Test
    void aCodeTheServiceSaysNothingWithIsRefusedAtOnce() {
        assertThatThrownBy(() -> server.sayNext(1, ErrorCode.TIMEOUT, "text"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("TIMEOUT");
        assertThatThrownBy(() -> server.sayNext(0, ErrorCode.NOT_FOUND, "text"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("requests");
        assertThatThrownBy(() -> server.leaveUnanswered(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anUnansweredRequestGetsNoAnswerBeforeTheClientGivesUp() throws Exception {
        server.leaveUnanswered(1);

        // The client's own (short) timeout ends the wait: the test asserts how, never how long.
        Throwable thrown = catchThrowable(() -> http.sendOrThrow(http.request("/api/v1/cities", KEY)
                .timeout(Duration.ofMillis(300)).GET().build()));

        assertThat(thrown).isInstanceOf(HttpTimeoutException.class);
        assertThat(http.get("/api/v1/cities", KEY).status()).as("the next request").isEqualTo(200);
    }
}
