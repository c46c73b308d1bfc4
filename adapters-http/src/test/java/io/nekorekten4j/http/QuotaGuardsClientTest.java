package io.nekorekten4j.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.nekorekten4j.http.NekorektenHttpTestSupport.client;
import static io.nekorekten4j.http.NekorektenHttpTestSupport.fixture;
import static io.nekorekten4j.http.NekorektenHttpTestSupport.randomKey;
import static io.nekorekten4j.http.NekorektenHttpTestSupport.transport;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.nekorekten4j.cache.CacheOptions;
import io.nekorekten4j.domain.SearchCriteria;
import io.nekorekten4j.ports.QuotaPlan;
import io.nekorekten4j.ports.RateLimitWaitExceededException;
import io.nekorekten4j.ports.RateLimitedException;
import io.nekorekten4j.ports.RequestOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 8 items 1–3 through the whole client: a hostile {@code Retry-After} pauses a key for a
 * day at most and the pause is visible; quota state belongs to (origin, key); a zero permit wait
 * takes a free permit.
 */
@Timeout(60)
class QuotaGuardsClientTest {

    @RegisterExtension
    static WireMockExtension service = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
            .build();

    @RegisterExtension
    static WireMockExtension secondService = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
            .build();

    private static final SearchCriteria CRITERIA = SearchCriteria.builder().phone("0888 123 456").build();

    private final List<NekorektenHttp> clients = new ArrayList<>();

    @AfterEach
    void close() {
        clients.forEach(NekorektenHttp::close);
    }

    private NekorektenHttp keep(NekorektenHttp client) {
        clients.add(client);
        return client;
    }

    private static void answerSearches(WireMockExtension server) {
        server.stubFor(get(urlPathEqualTo("/api/v1/reports")).willReturn(okJson(fixture("search-live.json"))));
    }

    @Test
    void anAbsurdRetryAfterPausesTheKeyUntilTheCapAtMostAndEveryClientCanSeeIt() {
        service.stubFor(get(urlPathEqualTo("/api/v1/reports")).inScenario("hostile").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "99999999999999"))
                .willSetStateTo("calm"));
        service.stubFor(get(urlPathEqualTo("/api/v1/reports")).inScenario("hostile").whenScenarioStateIs("calm")
                .willReturn(okJson(fixture("search-live.json"))));
        VirtualTime sleeper = VirtualTime.startingAt(Instant.now());
        String key = randomKey();
        NekorektenHttp first = keep(client(service.baseUrl(), key, transport("apache"), sleeper).build());

        RateLimitedException refused = catchThrowableOfType(() -> first.search(CRITERIA), RateLimitedException.class);
        Instant now = sleeper.instant();
        Duration cap = RetryAfter.cap(now);

        assertThat(refused.retryAfter()).contains(cap);
        assertThat(refused.outcome()).isEqualTo(RequestOutcome.REFUSED);
        assertThat(cap).isLessThanOrEqualTo(Duration.ofHours(24));
        NekorektenHttp rebuilt = keep(client(service.baseUrl(), key, transport("apache"), sleeper)
                .permitWaitTimeout(Duration.ofHours(25)).callTimeout(Duration.ofHours(26)).build());
        RemainingQuota status = rebuilt.state().quota().orElseThrow();
        assertThat(status.pausedUntil()).contains(now.plus(cap));
        assertThat(status.waitForPermit()).isEqualTo(cap);

        assertThat(rebuilt.search(CRITERIA).reports()).hasSize(1);
        assertThat(sleeper.slept()).isEqualTo(cap);
        assertThat(rebuilt.state().quota().orElseThrow().pausedUntil()).isEmpty();
    }

    @Test
    void aZeroPermitWaitSendsOnAFreshKeyOnTheSystemClockAndFailsAtOnceWhenNoPermitIsFree() {
        answerSearches(service);
        NekorektenHttp api = keep(NekorektenHttp.builder().baseUri(service.baseUrl()).apiKey(randomKey())
                .quota(QuotaPlan.perMinute(2)).permitWaitTimeout(Duration.ZERO).cache(CacheOptions.disabled()).build());

        api.search(CRITERIA);
        api.search(CRITERIA);
        RateLimitWaitExceededException e = catchThrowableOfType(() -> api.search(CRITERIA),
                RateLimitWaitExceededException.class);

        assertThat(e.waitNeeded()).isPositive();
        assertThat(e.outcome()).isEqualTo(RequestOutcome.NOT_SENT);
        assertThat(service.findAll(anyRequestedFor(anyUrl()))).hasSize(2);
    }

    @Test
    void oneKeyAtTwoOriginsIsTwoQuotas() {
        answerSearches(service);
        answerSearches(secondService);
        String key = randomKey();
        VirtualTime sleeper = VirtualTime.startingAt(Instant.now());
        NekorektenHttp first = keep(client(service.baseUrl(), key, transport("apache"), sleeper)
                .quota(QuotaPlan.perMinute(1)).permitWaitTimeout(Duration.ZERO).build());
        NekorektenHttp second = keep(client(secondService.baseUrl(), key, transport("apache"), sleeper)
                .quota(QuotaPlan.perMinute(1)).permitWaitTimeout(Duration.ZERO).build());

        first.search(CRITERIA);
        second.search(CRITERIA);

        assertThat(first.state().quota().orElseThrow().permitFreeNow()).isFalse();
        assertThat(catchThrowableOfType(() -> second.search(CRITERIA), RateLimitWaitExceededException.class))
                .as("each origin still keeps its own plan").isNotNull();
        assertThat(sleeper.sleeps()).isEmpty();
    }

    @Test
    void aLoopbackOriginWithoutAPlanSendsHundredsOfCallsAtOnce() {
        answerSearches(service);
        NekorektenHttp api = keep(NekorektenHttp.builder().baseUri(service.baseUrl()).apiKey(randomKey())
                .cache(CacheOptions.disabled()).build());

        for (int i = 0; i < 300; i++) {
            api.search(CRITERIA);
        }

        assertThat(service.findAll(anyRequestedFor(anyUrl()))).hasSize(300);
        assertThat(api.toString()).contains("quota=none (loopback origin)");
        assertThat(api.state().quota().orElseThrow().permitFreeNow()).isTrue();
    }

    @Test
    void aPlanSetExplicitlyHoldsAtALoopbackOriginToo() {
        answerSearches(service);
        NekorektenHttp api = keep(NekorektenHttp.builder().baseUri(service.baseUrl()).apiKey(randomKey())
                .quota(QuotaPlan.DOCUMENTED_DEFAULT).permitWaitTimeout(Duration.ZERO)
                .cache(CacheOptions.disabled()).build());

        for (int i = 0; i < 10; i++) {
            api.search(CRITERIA);
        }

        assertThat(catchThrowableOfType(() -> api.search(CRITERIA), RateLimitWaitExceededException.class)).isNotNull();
        assertThat(api.toString()).contains("quota=Default 10/min");
    }
}
