package io.nekorekten4j.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.nekorekten4j.http.CacheFixtures.OTHER_PHONE;
import static io.nekorekten4j.http.CacheFixtures.PHONE;
import static io.nekorekten4j.http.CacheFixtures.answer;
import static io.nekorekten4j.http.CacheFixtures.id;
import static io.nekorekten4j.http.CacheFixtures.search;
import static io.nekorekten4j.http.CacheFixtures.searches;
import static io.nekorekten4j.http.CacheFixtures.await;
import static io.nekorekten4j.http.CacheFixtures.awaitWaiting;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.nekorekten4j.cache.CacheOptions;
import io.nekorekten4j.domain.ReportId;
import io.nekorekten4j.domain.SearchCriteria;
import io.nekorekten4j.domain.SearchResult;
import io.nekorekten4j.http.CacheFixtures.Item;
import io.nekorekten4j.ports.QuotaPlan;
import io.nekorekten4j.ports.RateLimitWaitExceededException;
import io.nekorekten4j.ports.ServiceUnavailableException;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Single-flight through the client: K identical concurrent searches cost one request and one quota
 * permit; a shared failure reaches everyone and is not kept; a search that starts after a write
 * never waits for one that started before it.
 */
@Timeout(60)
class SingleFlightClientTest {

    @RegisterExtension
    static WireMockExtension service = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort().containerThreads(40))
            .build();

    private static final int K = 16;
    private static final SearchCriteria CRITERIA = SearchCriteria.builder().phone(PHONE).build();
    private static final CacheOptions SHARING_ONLY = CacheOptions.builder().searchTtl(Duration.ZERO).build();

    private final VirtualTime sleeper = VirtualTime.startingAt(Instant.now());
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final List<NekorektenHttp> clients = new ArrayList<>();
    private final CountDownLatch leaderInside = new CountDownLatch(1);
    private final CountDownLatch releaseLeader = new CountDownLatch(1);

    @AfterEach
    void close() {
        releaseLeader.countDown();
        pool.shutdownNow();
        clients.forEach(NekorektenHttp::close);
    }

    @Test
    void sixteenConcurrentIdenticalSearchesOnASlowServiceMakeOneRequestAndGetEqualAnswers() throws Exception {
        service.stubFor(search("phone", PHONE).willReturn(okJson(answer(Item.phone(1, PHONE))).withFixedDelay(300)));
        NekorektenHttp api = keep(CacheFixtures.client(service, sleeper, CacheOptions.defaults()));
        CyclicBarrier start = new CyclicBarrier(K);

        List<Future<SearchResult>> calls = new ArrayList<>();
        for (int i = 0; i < K; i++) {
            calls.add(pool.submit(() -> {
                start.await();
                return api.search(CRITERIA);
            }));
        }
        List<SearchResult> results = new ArrayList<>();
        for (Future<SearchResult> call : calls) {
            results.add(call.get());
        }

        assertThat(searches(service)).isEqualTo(1);
        assertThat(results).hasSize(K).allSatisfy(r -> assertThat(r).isEqualTo(results.get(0)));
        assertThat(results.get(0).hits()).hasSize(1);
    }

    @Test
    void withTheCacheOffConcurrentIdenticalSearchesStillShareOneRequest() throws Exception {
        service.stubFor(search("phone", PHONE).willReturn(okJson(answer(Item.phone(1, PHONE)))));
        NekorektenHttp api = gatedClient(SHARING_ONLY, QuotaPlan.perMinute(100_000));

        List<Future<SearchResult>> calls = leaderThenWaiters(api);
        List<SearchResult> results = new ArrayList<>();
        for (Future<SearchResult> call : calls) {
            results.add(call.get());
        }

        assertThat(searches(service)).isEqualTo(1);
        assertThat(results).allSatisfy(r -> assertThat(r).isEqualTo(results.get(0)));
        api.search(CRITERIA);
        assertThat(searches(service)).as("nothing cached: the next search is sent").isEqualTo(2);
    }

    @Test
    void sharedSearchesSpendOneQuotaPermit() throws Exception {
        service.stubFor(search("phone", PHONE).willReturn(okJson(answer(Item.phone(1, PHONE)))));
        service.stubFor(search("phone", OTHER_PHONE).willReturn(okJson(answer())));
        NekorektenHttp api = gatedClient(SHARING_ONLY, QuotaPlan.perMinute(1));

        for (Future<SearchResult> call : leaderThenWaiters(api)) {
            assertThat(call.get().hits()).hasSize(1);
        }

        assertThatThrownBy(() -> api.search(SearchCriteria.builder().phone(OTHER_PHONE).build()))
                .as("the one permit of the minute went to the shared request")
                .isInstanceOf(RateLimitWaitExceededException.class);
        assertThat(searches(service)).isEqualTo(1);
    }

    @Test
    void aSharedFailureReachesEveryWaiterAndTheNextCallSendsANewRequest() throws Exception {
        service.stubFor(search("phone", PHONE).inScenario("down").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503).withBody("down")).willSetStateTo("up"));
        service.stubFor(search("phone", PHONE).inScenario("down").whenScenarioStateIs("up")
                .willReturn(okJson(answer(Item.phone(1, PHONE)))));
        NekorektenHttp api = gatedClient(CacheOptions.defaults(), QuotaPlan.perMinute(100_000));

        List<Future<SearchResult>> calls = leaderThenWaiters(api);
        for (Future<SearchResult> call : calls) {
            assertThatThrownBy(call::get).hasCauseInstanceOf(ServiceUnavailableException.class);
        }
        assertThat(searches(service)).as("one request for all " + K).isEqualTo(1);

        SearchResult next = api.search(CRITERIA);

        assertThat(next.hits()).hasSize(1);
        assertThat(searches(service)).as("the failure was not cached").isEqualTo(2);
    }

    @Test
    void aSearchStartedAfterAWriteEndedDoesNotWaitForOneStartedBeforeIt() throws Exception {
        service.stubFor(search("phone", PHONE).willReturn(okJson(answer(Item.phone(1, PHONE)))));
        service.stubFor(delete(urlPathEqualTo("/api/v1/reports/" + id(1))).willReturn(okJson("{\"message\":\"ok\"}")));
        NekorektenHttp api = gatedClient(CacheOptions.defaults(), QuotaPlan.perMinute(100_000));
        Future<SearchResult> before = pool.submit(() -> api.search(CRITERIA));
        await(leaderInside);

        api.delete(ReportId.of(id(1)));
        api.search(CRITERIA);

        assertThat(searches(service)).as("sent while the older search is still held").isEqualTo(1);
        releaseLeader.countDown();
        before.get();
        assertThat(searches(service)).isEqualTo(2);
    }

    private NekorektenHttp keep(NekorektenHttp api) {
        clients.add(api);
        return api;
    }

    /**
     * A client whose first search is held inside the transport, before it is sent, until
     * {@link #releaseLeader} opens; {@link #leaderInside} opens when it gets there.
     */
    private NekorektenHttp gatedClient(CacheOptions cache, QuotaPlan quota) {
        Transport real = NekorektenHttpTestSupport.transport("apache");
        AtomicBoolean first = new AtomicBoolean(true);
        Transport gated = new Transport() {
            @Override
            public <T> T execute(TransportRequest request, ResponseHandler<T> handler) throws IOException {
                if (request.method().equals("GET") && request.uri().getPath().equals(CacheFixtures.REPORTS)
                        && first.compareAndSet(true, false)) {
                    leaderInside.countDown();
                    await(releaseLeader);
                }
                return real.execute(request, handler);
            }

            @Override
            public void close() {
                real.close();
            }
        };
        return keep(NekorektenHttpTestSupport.client(service.baseUrl(), NekorektenHttpTestSupport.randomKey(), gated,
                        sleeper)
                .retry(RetryOptions.disabled()).quota(quota).permitWaitTimeout(Duration.ZERO).cache(cache).build());
    }

    /** The leader's search, held in the transport, and {@code K - 1} identical ones waiting for it; then released. */
    private List<Future<SearchResult>> leaderThenWaiters(NekorektenHttp api) throws InterruptedException {
        List<Future<SearchResult>> calls = new ArrayList<>();
        calls.add(pool.submit(() -> api.search(CRITERIA)));
        await(leaderInside);
        for (int i = 1; i < K; i++) {
            calls.add(pool.submit(() -> api.search(CRITERIA)));
        }
        awaitWaiting(() -> api.pipeline().cache().waitingFor(CRITERIA), K - 1);
        releaseLeader.countDown();
        return calls;
    }
}
