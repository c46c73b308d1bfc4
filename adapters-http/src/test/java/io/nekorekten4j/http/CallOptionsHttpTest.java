package io.nekorekten4j.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.nekorekten4j.http.CacheFixtures.await;
import static io.nekorekten4j.http.CacheFixtures.awaitWaiting;
import static io.nekorekten4j.http.NekorektenHttpTestSupport.client;
import static io.nekorekten4j.http.NekorektenHttpTestSupport.fixture;
import static io.nekorekten4j.http.NekorektenHttpTestSupport.randomKey;
import static io.nekorekten4j.http.NekorektenHttpTestSupport.transport;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.nekorekten4j.cache.CacheOptions;
import io.nekorekten4j.domain.SearchCriteria;
import io.nekorekten4j.domain.SearchResult;
import io.nekorekten4j.ports.CallOptions;
import io.nekorekten4j.ports.CallTimeoutException;
import io.nekorekten4j.ports.Nekorekten;
import io.nekorekten4j.ports.QuotaPlan;
import io.nekorekten4j.ports.RateLimitWaitExceededException;
import io.nekorekten4j.ports.RateLimitedException;
import io.nekorekten4j.ports.RequestOutcome;
import io.nekorekten4j.ports.ServiceUnavailableException;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 13 item 9 on both transports: views made by {@code withOptions} share the client's quota,
 * cache, single-flight and transport, and differ only in how long their calls wait for a permit,
 * how long a call may take, and whether it is retried. Quota waits and backoffs run on virtual time.
 */
@Timeout(60)
class CallOptionsHttpTest {

    @RegisterExtension
    static WireMockExtension service = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
            .build();

    private static final SearchCriteria CRITERIA = SearchCriteria.builder().phone("0888 123 456").build();
    /** The client's own limits: long, so that only a view's options can make a call fail early. */
    private static final Duration CLIENT_PERMIT_WAIT = Duration.ofMinutes(2);
    private static final Duration CLIENT_CALL_TIMEOUT = Duration.ofMinutes(3);

    private final VirtualTime time = VirtualTime.create();
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private NekorektenHttp api;

    @AfterEach
    void close() {
        pool.shutdownNow();
        if (api != null) {
            api.close();
        }
    }

    /** A client on one request a minute, waiting up to 2 min for a permit within a 3 min call. */
    private NekorektenHttp api(String kind) {
        return api(kind, transport(kind), CacheOptions.disabled());
    }

    private NekorektenHttp api(String kind, Transport transport, CacheOptions cache) {
        api = client(service.baseUrl(), randomKey(), transport, time).quota(QuotaPlan.perMinute(1))
                .permitWaitTimeout(CLIENT_PERMIT_WAIT).callTimeout(CLIENT_CALL_TIMEOUT).cache(cache).build();
        return api;
    }

    private static void answerSearches() {
        service.stubFor(get(urlPathEqualTo("/api/v1/reports")).willReturn(okJson(fixture("search-live.json"))));
    }

    private static void firstThen(ResponseDefinitionBuilder first, ResponseDefinitionBuilder then) {
        service.stubFor(get(urlPathEqualTo("/api/v1/reports")).inScenario("options").whenScenarioStateIs(STARTED)
                .willReturn(first).willSetStateTo("answered"));
        service.stubFor(get(urlPathEqualTo("/api/v1/reports")).inScenario("options").whenScenarioStateIs("answered")
                .willReturn(then));
    }

    private static int searches() {
        return service.countRequestsMatching(getRequestedFor(urlPathEqualTo("/api/v1/reports")).build()).getCount();
    }

    @ParameterizedTest
    @ValueSource(strings = {"apache", "jdk"})
    void anInteractiveViewFailsAtOnceOnASpentQuotaWhileABatchViewOfTheSameClientWaitsAndSucceeds(String kind) {
        answerSearches();
        NekorektenHttp api = api(kind);
        api.search(CRITERIA); // spends the minute's one permit, through the client itself
        Nekorekten checkout = api.withOptions(CallOptions.interactive());
        Nekorekten nightly = api.withOptions(CallOptions.batch());

        RateLimitWaitExceededException refused = catchThrowableOfType(RateLimitWaitExceededException.class,
                () -> checkout.search(CRITERIA));

        assertThat(refused.waitNeeded()).isGreaterThan(Duration.ofSeconds(50));
        assertThat(refused.outcome()).isEqualTo(RequestOutcome.NOT_SENT);
        assertThat(time.slept()).as("the checkout's wait").isZero();
        assertThat(searches()).as("requests after the refusal").isEqualTo(1);

        SearchResult late = nightly.search(CRITERIA);

        assertThat(late.reports()).hasSize(1);
        assertThat(time.slept()).as("the batch's wait for the next permit")
                .isGreaterThan(Duration.ofSeconds(50)).isLessThanOrEqualTo(Duration.ofSeconds(62));
        assertThat(searches()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"apache", "jdk"})
    void permitsSpentThroughAViewAreSpentForTheClientAndItsOtherViews(String kind) {
        answerSearches();
        NekorektenHttp api = api(kind);
        NekorektenHttp first = api.withOptions(CallOptions.interactive());
        NekorektenHttp second = api.withOptions(CallOptions.interactive());

        first.search(CRITERIA);

        assertThat(api.state().quota()).hasValueSatisfying(q -> assertThat(q.leftThisMinute()).isZero());
        assertThat(first.state()).as("a view's state is its client's").isSameAs(api.state());
        assertThatThrownBy(() -> second.search(CRITERIA)).isInstanceOf(RateLimitWaitExceededException.class);
        assertThat(time.slept()).isZero();

        api.search(CRITERIA); // the client itself waits for the next permit, with its own 2 minutes

        assertThat(time.slept()).isGreaterThan(Duration.ofSeconds(50));
        assertThat(searches()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"apache", "jdk"})
    void aViewsCallTimeoutCutsItsPermitWaitAndALongerOneLetsTheSameWaitThrough(String kind) {
        answerSearches();
        NekorektenHttp api = api(kind);
        api.search(CRITERIA);
        CallOptions patient = CallOptions.fromClient().withPermitWaitTimeout(Duration.ofMinutes(10));

        RateLimitWaitExceededException refused = catchThrowableOfType(RateLimitWaitExceededException.class,
                () -> api.withOptions(patient.withCallTimeout(Duration.ofSeconds(30))).search(CRITERIA));

        assertThat(refused).hasMessageContaining("No request permit within PT");
        assertThat(refused.waitNeeded()).isGreaterThan(Duration.ofSeconds(30));
        assertThat(time.slept()).as("a wait past the call's deadline is not started").isZero();

        api.withOptions(patient.withCallTimeout(Duration.ofMinutes(5))).search(CRITERIA);

        assertThat(time.slept()).isGreaterThan(Duration.ofSeconds(50));
        assertThat(searches()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"apache", "jdk"})
    void aRetryAfterLongerThanAViewsCallTimeoutEndsItsCallWhileTheClientHonoursIt(String kind) {
        firstThen(aResponse().withStatus(429).withHeader("Retry-After", "30"), okJson(fixture("search-live.json")));
        NekorektenHttp api = api(kind);
        NekorektenHttp quick = api.withOptions(CallOptions.fromClient().withCallTimeout(Duration.ofSeconds(10)));

        RateLimitedException limited = catchThrowableOfType(RateLimitedException.class, () -> quick.search(CRITERIA));

        assertThat(limited.retryAfter()).contains(Duration.ofSeconds(30));
        assertThat(time.slept()).as("no retry is planned past the view's 10 s").isZero();
        assertThat(searches()).isEqualTo(1);

        assertThat(api.search(CRITERIA).reports()).hasSize(1);

        assertThat(time.slept()).as("the client's wait: the service's pause, then its one-a-minute window")
                .isGreaterThanOrEqualTo(Duration.ofSeconds(30));
        assertThat(searches()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"apache", "jdk"})
    void aViewWithoutRetriesMakesOneAttemptWhereTheClientRetries(String kind) {
        service.stubFor(get(urlPathEqualTo("/api/v1/reports")).willReturn(aResponse().withStatus(503)));
        api = client(service.baseUrl(), randomKey(), transport(kind), time).build(); // default retries: 3 attempts
        NekorektenHttp once = api.withOptions(CallOptions.fromClient().withRetries(false));

        assertThatThrownBy(() -> once.search(CRITERIA)).isInstanceOf(ServiceUnavailableException.class);
        assertThat(searches()).as("attempts of the view without retries").isEqualTo(1);
        assertThat(time.sleeps()).as("backoffs").isEmpty();

        assertThatThrownBy(() -> api.search(CRITERIA)).isInstanceOf(ServiceUnavailableException.class);
        assertThat(searches() - 1).as("attempts of the client").isEqualTo(3);

        NekorektenHttp retriedAgain = once.withOptions(CallOptions.fromClient().withRetries(true));
        assertThatThrownBy(() -> retriedAgain.search(CRITERIA)).isInstanceOf(ServiceUnavailableException.class);
        assertThat(searches() - 4).as("attempts of a view that allows retries again").isEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"apache", "jdk"})
    void aViewOfAViewKeepsWhatItDoesNotSetAndChangesWhatItSets(String kind) {
        answerSearches();
        NekorektenHttp api = api(kind);
        NekorektenHttp noWait = api.withOptions(CallOptions.fromClient().withPermitWaitTimeout(Duration.ZERO));
        NekorektenHttp noWaitLongCall = noWait.withOptions(CallOptions.fromClient().withCallTimeout(Duration.ofMinutes(9)));
        NekorektenHttp batch = noWait.withOptions(CallOptions.batch());
        api.search(CRITERIA);

        assertThat(noWaitLongCall.options()).isEqualTo(CallOptions.fromClient().withPermitWaitTimeout(Duration.ZERO)
                .withCallTimeout(Duration.ofMinutes(9)));
        assertThat(noWaitLongCall.toString()).contains("view", "callTimeout=PT9M", "permitWaitTimeout=PT0S");
        assertThatThrownBy(() -> noWaitLongCall.search(CRITERIA)).isInstanceOf(RateLimitWaitExceededException.class);
        assertThat(time.slept()).isZero();

        batch.search(CRITERIA);

        assertThat(batch.options()).isEqualTo(CallOptions.batch());
        assertThat(time.slept()).isGreaterThan(Duration.ofSeconds(50));
        assertThat(searches()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"apache", "jdk"})
    void theClientIsUnchangedByItsViews(String kind) {
        answerSearches();
        NekorektenHttp api = api(kind);
        String before = api.toString();

        NekorektenHttp view = api.withOptions(CallOptions.interactive().withRetries(false));

        assertThat(api.options()).isEqualTo(CallOptions.fromClient());
        assertThat(api.toString()).isEqualTo(before).doesNotContain("view")
                .contains("callTimeout=" + CLIENT_CALL_TIMEOUT, "permitWaitTimeout=" + CLIENT_PERMIT_WAIT);
        assertThat(view.toString()).contains("view", "callTimeout=PT5S", "permitWaitTimeout=PT0S",
                "retry=none for this view's calls");
        api.search(CRITERIA);
        api.search(CRITERIA); // waits for the second permit: the client's 2 minutes still hold
        assertThat(time.slept()).isGreaterThan(Duration.ofSeconds(50));
        assertThatThrownBy(() -> api.withOptions(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("options");
    }

    @ParameterizedTest
    @ValueSource(strings = {"apache", "jdk"})
    void closingAViewClosesOnlyTheViewAndClosingTheClientEndsEveryView(String kind) {
        answerSearches();
        NekorektenHttp api = client(service.baseUrl(), randomKey(), transport(kind), time).build();
        this.api = api;
        NekorektenHttp closedView = api.withOptions(CallOptions.interactive());
        NekorektenHttp otherView = api.withOptions(CallOptions.batch());

        closedView.close();
        closedView.close();

        assertThatThrownBy(() -> closedView.search(CRITERIA)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("view").hasMessageContaining("the client is not");
        assertThat(api.search(CRITERIA).reports()).as("the client, over the same transport").hasSize(1);
        assertThat(otherView.search(CRITERIA).reports()).as("another view").hasSize(1);

        api.close();

        assertThatThrownBy(() -> otherView.search(CRITERIA)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("client this view was made from is closed");
        assertThatThrownBy(() -> api.search(CRITERIA)).isInstanceOf(IllegalStateException.class);
        assertThat(searches()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"apache", "jdk"})
    void aSearchJoiningAnIdenticalOneInFlightGivesUpAtItsOwnCallTimeout(String kind) throws Exception {
        answerSearches();
        CountDownLatch leaderInside = new CountDownLatch(1);
        CountDownLatch releaseLeader = new CountDownLatch(1);
        Transport held = new HeldTransport(transport(kind), leaderInside, releaseLeader);
        NekorektenHttp api = api(kind, held, CacheOptions.builder().searchTtl(Duration.ZERO).build());
        // The waiter's limit is real time (it waits on the leader's outcome); short, so the test is quick.
        NekorektenHttp impatient = api.withOptions(CallOptions.fromClient().withCallTimeout(Duration.ofMillis(200)));
        Future<SearchResult> leader = pool.submit(() -> api.search(CRITERIA)); // 3 minutes to answer
        await(leaderInside);

        CallTimeoutException timedOut = catchThrowableOfType(CallTimeoutException.class,
                () -> impatient.search(CRITERIA));

        assertThat(timedOut).hasMessageContaining("this call sent nothing");
        assertThat(timedOut.outcome()).isEqualTo(RequestOutcome.NOT_SENT);
        assertThat(leader).as("the leader, still held").isNotDone();

        Future<SearchResult> patientWaiter = pool.submit(() -> api.withOptions(CallOptions.batch()).search(CRITERIA));
        awaitWaiting(() -> api.pipeline().cache().waitingFor(CRITERIA), 1);
        releaseLeader.countDown();

        assertThat(leader.get().reports()).hasSize(1);
        assertThat(patientWaiter.get()).as("a waiter shares the leader's answer").isEqualTo(leader.get());
        assertThat(searches()).as("one request for the leader and both waiters").isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"apache", "jdk"})
    void aBatchSearchThatJoinedACheckoutsFailingForWantOfAPermitWaitsOnItsOwnTermsAndSucceeds(String kind)
            throws Exception {
        answerSearches();
        CountDownLatch checkoutAtTheGate = new CountDownLatch(1);
        CountDownLatch releaseCheckout = new CountDownLatch(1);
        QuotaStore store = new HoldZeroWaits(LocalQuotaStore.create(time), checkoutAtTheGate, releaseCheckout);
        api = client(service.baseUrl(), randomKey(), transport(kind), time).quota(QuotaPlan.perMinute(1))
                .permitWaitTimeout(CLIENT_PERMIT_WAIT).callTimeout(CLIENT_CALL_TIMEOUT).quotaStore(store)
                .cache(CacheOptions.builder().searchTtl(Duration.ZERO).build()).build();
        NekorektenHttp api = this.api;
        api.search(CRITERIA); // spends the minute's one permit
        Future<SearchResult> checkout = pool.submit(() -> api.withOptions(CallOptions.interactive()).search(CRITERIA));
        await(checkoutAtTheGate); // the checkout leads the flight and asks for a permit without waiting
        Future<SearchResult> nightly = pool.submit(() -> api.withOptions(CallOptions.batch()).search(CRITERIA));
        awaitWaiting(() -> api.pipeline().cache().waitingFor(CRITERIA), 1);

        releaseCheckout.countDown();

        assertThatThrownBy(checkout::get).hasCauseInstanceOf(RateLimitWaitExceededException.class);
        assertThat(nightly.get().reports()).as("the batch search, on its own 10 minutes").hasSize(1);
        assertThat(time.slept()).isGreaterThan(Duration.ofSeconds(50));
        assertThat(searches()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"apache", "jdk"})
    void closingAViewOfAViewLeavesTheClientOpen(String kind) {
        answerSearches();
        NekorektenHttp api = api(kind);
        NekorektenHttp view = api.withOptions(CallOptions.interactive());
        NekorektenHttp viewOfView = view.withOptions(CallOptions.batch());

        viewOfView.close();
        view.close();

        assertThat(api.search(CRITERIA).reports()).hasSize(1);
        assertThatThrownBy(() -> viewOfView.search(CRITERIA)).isInstanceOf(IllegalStateException.class);
    }

    /** A quota store that holds the first request for a permit without waiting until released. */
    private static final class HoldZeroWaits implements QuotaStore {
        private final QuotaStore delegate;
        private final CountDownLatch inside;
        private final CountDownLatch release;
        private final AtomicBoolean held = new AtomicBoolean();

        HoldZeroWaits(QuotaStore delegate, CountDownLatch inside, CountDownLatch release) {
            this.delegate = delegate;
            this.inside = inside;
            this.release = release;
        }

        @Override
        public QuotaDecision acquire(QuotaScope scope, QuotaLimits limits, Duration maxWait, Duration lease) {
            if (maxWait.isZero() && held.compareAndSet(false, true)) {
                inside.countDown();
                await(release);
            }
            return delegate.acquire(scope, limits, maxWait, lease);
        }

        @Override
        public boolean confirm(QuotaScope scope, QuotaPermit permit) {
            return delegate.confirm(scope, permit);
        }

        @Override
        public void release(QuotaScope scope, QuotaPermit permit, boolean sent) {
            delegate.release(scope, permit, sent);
        }

        @Override
        public void penalise(QuotaScope scope, Duration retryAfter) {
            delegate.penalise(scope, retryAfter);
        }
    }

    /** A transport that holds its first request until released: the leader of a shared search, in flight. */
    private static final class HeldTransport implements Transport {
        private final Transport delegate;
        private final CountDownLatch inside;
        private final CountDownLatch release;

        HeldTransport(Transport delegate, CountDownLatch inside, CountDownLatch release) {
            this.delegate = delegate;
            this.inside = inside;
            this.release = release;
        }

        @Override
        public <T> T execute(TransportRequest request, ResponseHandler<T> handler) throws IOException {
            inside.countDown();
            await(release);
            return delegate.execute(request, handler);
        }

        @Override
        public void close() {
            release.countDown();
            delegate.close();
        }
    }
}
