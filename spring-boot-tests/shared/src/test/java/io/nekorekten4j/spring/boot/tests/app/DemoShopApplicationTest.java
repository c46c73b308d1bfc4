package io.nekorekten4j.spring.boot.tests.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.nekorekten4j.fakeserver.FakeServer;
import io.nekorekten4j.http.NekorektenHttp;
import io.nekorekten4j.spring.boot.test.AutoConfigureNekorektenFakeServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/**
 * The demo shop booted for real on a random port, its client pointed at the fake server by
 * {@link AutoConfigureNekorektenFakeServer}: it screens a demo buyer, and the client's metrics and
 * health are on {@code /actuator/metrics} and {@code /actuator/health} over real HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "management.endpoints.web.exposure.include=health,metrics",
        "management.endpoint.health.show-details=always"})
@AutoConfigureNekorektenFakeServer
class DemoShopApplicationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Value("${local.server.port}")
    int port;

    @Autowired
    FakeServer server;

    @Autowired
    ApplicationContext context;

    private String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + " → " + response.body()).isEqualTo(200);
        return response.body();
    }

    @Test
    void screensADemoBuyerAgainstTheFakeServerAndShowsMetricsAndHealth() throws Exception {
        assertThat(context.getBean(NekorektenHttp.class).state().baseUri()).isEqualTo(server.uri());

        assertThat(get("/checkout/cod?phone=0888123456")).startsWith("no: reported");
        assertThat(get("/checkout/cod?phone=0877000111")).isEqualTo("yes");
        assertThat(server.requestCount()).isEqualTo(2);

        String calls = get("/actuator/metrics/nekorekten.client.calls");
        assertThat(calls).contains("\"operation\"", "\"search\"", "\"outcome\"", "\"success\"", "\"COUNT\"");
        assertThat(get("/actuator/metrics/nekorekten.client.calls?tag=outcome:success&tag=operation:search"))
                .contains("\"value\":2.0");
        assertThat(get("/actuator/metrics/nekorekten.quota.permits")).contains("\"value\":2.0");
        assertThat(get("/actuator/metrics/nekorekten.quota.remaining?tag=window:minute")).contains("\"value\":8.0");
        assertThat(get("/actuator/metrics")).contains("nekorekten.cache.lookups", "nekorekten.circuit.state")
                .doesNotContain("0888", "888123456");

        String health = get("/actuator/health/nekorekten");
        assertThat(health).contains("\"status\":\"UP\"", "\"circuit\":\"closed\"", "\"lastOutcomes\"")
                .doesNotContain("0888", "888123456", "nekorekten-test-key");
        assertThat(server.requestCount()).as("neither metrics nor health sent a request").isEqualTo(2);
    }
}
