package com.example.shop;

import static org.assertj.core.api.Assertions.assertThat;

import io.nekorekten4j.fakeserver.FakeServer;
import io.nekorekten4j.spring.boot.test.AutoConfigureNekorektenFakeServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

/** The shop against the fake server: a reported buyer gets no cash on delivery, a clean one does. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureNekorektenFakeServer
class ShopApplicationTest {

    @Value("${local.server.port}")
    int port;

    @Autowired
    FakeServer nekorekten;

    private String get(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    @Test
    void aReportedBuyerIsNotOfferedCashOnDeliveryAndACleanOneIs() throws Exception {
        assertThat(get("/checkout/payment-options?phone=0888123456")).contains("\"cashOnDelivery\":false",
                "\"verdict\":\"found\"");
        assertThat(get("/checkout/payment-options?phone=0877000111")).contains("\"cashOnDelivery\":true");
        assertThat(get("/actuator/health/nekorekten")).contains("\"status\":\"UP\"");
        assertThat(nekorekten.requestCount()).isEqualTo(2);
    }
}
