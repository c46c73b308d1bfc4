package io.nekorekten4j.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.nekorekten4j.http.NekorektenHttpTestSupport.fixture;
import static io.nekorekten4j.http.NekorektenHttpTestSupport.randomKey;
import static io.nekorekten4j.http.NekorektenHttpTestSupport.transport;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.nekorekten4j.cache.CacheOptions;
import io.nekorekten4j.cache.CacheResult;
import io.nekorekten4j.domain.SearchCriteria;
import io.nekorekten4j.ports.ErrorCode;
import io.nekorekten4j.ports.Operation;
import io.nekorekten4j.ports.QuotaPlan;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What a {@link NekorektenListener} sees of each call, permit, 429, cache result and circuit move. */
@Timeout(60)
class ListenerTest {

    @RegisterExtension
    static WireMockExtension service = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
            .build();

    private static final SearchCriteria CRITERIA = SearchCriteria.builder().phone("0888 123 456").build();

    private final VirtualTime sleeper = VirtualTime.startingAt(Instant.now());
    private final Recorder recorder = new Recorder();
    private final List<NekorektenHttp> clients = new ArrayList<>();

    @AfterEach
    void close() {
        clients.forEach(NekorektenHttp::close);
    }

    private NekorektenHttp api(UnaryOperator<NekorektenHttp.Builder> settings) {
        NekorektenHttp api = settings.apply(NekorektenHttpTestSupport.client(service.baseUrl(), randomKey(),
                transport("apache"), sleeper).listener(recorder)).build();
        clients.add(api);
        return api;
    }

    private static void searchAnswers(ResponseDefinitionBuilder first, ResponseDefinitionBuilder then) {
        service.stubFor(get(urlPathEqualTo("/api/v1/reports")).inScenario("s").whenScenarioStateIs(STARTED)
                .willReturn(first).willSetStateTo("second"));
        service.stubFor(get(urlPathEqualTo("/api/v1/reports")).inScenario("s").whenScenarioStateIs("second")
                .willReturn(then));
    }

    private static void searchAnswers(ResponseDefinitionBuilder answer) {
        service.stubFor(get(urlPathEqualTo("/api/v1/reports")).willReturn(answer));
    }

    @Test
    void aSearchRetriedAfterA503SucceedsWithTwoAttemptsTwoPermitsAndTheLastStatus() {
        searchAnswers(aResponse().withStatus(503), okJson(fixture("search-live.json")));

        api(b -> b).search(CRITERIA);

        CallEnd end = recorder.onlyEnd();
        assertThat(end.operation()).isEqualTo(Operation.SEARCH);
        assertThat(end.outcome()).isEqualTo(CallOutcome.SUCCESS);
        assertThat(end.errorCode()).isEmpty();
        assertThat(end.httpStatus()).isEqualTo(OptionalInt.of(200));
        assertThat(end.statusClass()).isEqualTo("2xx");
        assertThat(end.attempts()).isEqualTo(2);
        assertThat(end.cache()).isEqualTo(CacheResult.BYPASSED);
        assertThat(end.failure()).isEmpty();
        assertThat(recorder.events).containsExactly("start search", "permit 1", "permit 2", "end search success");
    }

    @Test
    void aCachedSearchIsAHitWithoutAttemptsAndWithoutStatus() {
        searchAnswers(okJson(fixture("search-live.json")));
        NekorektenHttp api = api(b -> b.cache(CacheOptions.defaults()));

        api.search(CRITERIA);
        api.search(CRITERIA);

        assertThat(recorder.ends).extracting(CallEnd::cache).containsExactly(CacheResult.MISS, CacheResult.HIT);
        CallEnd hit = recorder.ends.get(1);
        assertThat(hit.attempts()).isZero();
        assertThat(hit.httpStatus()).isEmpty();
        assertThat(hit.statusClass()).isEqualTo("none");
        assertThat(hit.outcome()).isEqualTo(CallOutcome.SUCCESS);
    }

    @Test
    void citiesAreObservedAsTheirOwnOperation() {
        service.stubFor(get(urlPathEqualTo("/api/v1/cities")).willReturn(okJson("[]")));

        api(b -> b).cities();

        assertThat(recorder.onlyEnd().operation()).isEqualTo(Operation.CITIES);
    }

    @Test
    void a401IsRefusedWithItsCodeAndStatusClass() {
        searchAnswers(aResponse().withStatus(401).withBody(fixture("error-401.json")));

        assertThatThrownBy(() -> api(b -> b).search(CRITERIA));

        CallEnd end = recorder.onlyEnd();
        assertThat(end.outcome()).isEqualTo(CallOutcome.REFUSED);
        assertThat(end.errorCode()).contains(ErrorCode.INVALID_API_KEY);
        assertThat(end.statusClass()).isEqualTo("4xx");
        assertThat(end.nekorektenFailure()).isPresent();
    }

    @Test
    void a429IsReportedAsRateLimitedByTheServiceAndRefused() {
        searchAnswers(aResponse().withStatus(429).withHeader("Retry-After", "7").withBody(fixture("error-429.json")));

        assertThatThrownBy(() -> api(b -> b.retry(RetryOptions.disabled())).search(CRITERIA));

        assertThat(recorder.events).contains("429 1 PT7S");
        assertThat(recorder.onlyEnd().outcome()).isEqualTo(CallOutcome.REFUSED);
        assertThat(recorder.onlyEnd().errorCode()).contains(ErrorCode.RATE_LIMITED);
    }

    @Test
    void aPermitBeyondThePermitWaitIsRefusedLocallyAndTheCallIsNotSent() {
        searchAnswers(okJson(fixture("search-live.json")));
        NekorektenHttp api = api(b -> b.quota(QuotaPlan.perMinute(1)).permitWaitTimeout(Duration.ZERO));
        api.search(CRITERIA);

        assertThatThrownBy(() -> api.search(CRITERIA));

        assertThat(recorder.events).contains("refused 1 WAIT_EXCEEDED");
        CallEnd end = recorder.ends.get(1);
        assertThat(end.outcome()).isEqualTo(CallOutcome.NOT_SENT);
        assertThat(end.errorCode()).contains(ErrorCode.RATE_LIMIT_WAIT_EXCEEDED);
        assertThat(end.statusClass()).isEqualTo("none");
        assertThat(api.state().quota()).hasValueSatisfying(q -> assertThat(q.leftThisMinute()).isZero());
    }

    @Test
    void theTimeAPermitWaitedIsReportedPerPermitAndForTheCall() {
        searchAnswers(okJson(fixture("search-live.json")));
        NekorektenHttp api = api(b -> b.quota(QuotaPlan.perMinute(1)).permitWaitTimeout(Duration.ofMinutes(2))
                .callTimeout(Duration.ofMinutes(3)));
        api.search(CRITERIA);

        api.search(SearchCriteria.builder().phone("0899 111 222").build());

        assertThat(recorder.ends.get(0).permitWait()).isEqualTo(Duration.ZERO);
        assertThat(recorder.ends.get(1).permitWait()).isEqualTo(Duration.ofSeconds(61));
        assertThat(recorder.waits).containsExactly(Duration.ZERO, Duration.ofSeconds(61));
    }

    @Test
    void aSpentDailyCapIsRefusedLocallyAndShowsInTheQuotaView() {
        searchAnswers(okJson(fixture("search-live.json")));
        NekorektenHttp api = api(b -> b.quota(QuotaPlan.of(100, 1)));
        assertThat(api.state().quota()).hasValueSatisfying(q -> {
            assertThat(q.leftToday()).isEqualTo(OptionalInt.of(1));
            assertThat(q.dailyCapSpent()).isFalse();
        });
        api.search(CRITERIA);

        assertThatThrownBy(() -> api.search(CRITERIA));

        assertThat(recorder.events).contains("refused 1 DAILY_CAP");
        assertThat(recorder.ends.get(1).outcome()).isEqualTo(CallOutcome.NOT_SENT);
        assertThat(recorder.ends.get(1).errorCode()).contains(ErrorCode.QUOTA_EXHAUSTED);
        assertThat(api.state().quota()).hasValueSatisfying(q -> {
            assertThat(q.leftToday()).isEqualTo(OptionalInt.of(0));
            assertThat(q.dailyCapSpent()).isTrue();
            assertThat(q.perMinute()).isEqualTo(100);
            assertThat(q.leftThisMinute()).isEqualTo(99);
        });
    }

    @Test
    void aBrokenConnectionIsNoUsableAnswer() {
        searchAnswers(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

        assertThatThrownBy(() -> api(b -> b.retry(RetryOptions.disabled())).search(CRITERIA));

        assertThat(recorder.onlyEnd().outcome()).isEqualTo(CallOutcome.NO_USABLE_ANSWER);
        assertThat(recorder.onlyEnd().errorCode()).contains(ErrorCode.TRANSPORT_FAILURE);
    }

    @Test
    void aConnectionThatNeverOpensIsNotSent() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        NekorektenHttp api = NekorektenHttpTestSupport.client("http://127.0.0.1:" + closedPort, randomKey(),
                transport("apache"), sleeper).retry(RetryOptions.disabled()).listener(recorder).build();
        clients.add(api);

        assertThatThrownBy(() -> api.search(CRITERIA));

        assertThat(recorder.onlyEnd().outcome()).isEqualTo(CallOutcome.NOT_SENT);
        assertThat(recorder.onlyEnd().errorCode()).contains(ErrorCode.TRANSPORT_FAILURE);
        assertThat(recorder.onlyEnd().attempts()).isEqualTo(1);
    }

    @Test
    void theCircuitOpeningIsReportedAndAnOpenCircuitSendsNothing() {
        searchAnswers(aResponse().withStatus(503));
        NekorektenHttp api = api(b -> b.retry(RetryOptions.disabled()));
        assertThat(api.state().circuitState()).isEqualTo(CircuitState.CLOSED);
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> api.search(CRITERIA));
        }

        assertThatThrownBy(() -> api.search(CRITERIA));

        assertThat(recorder.events).contains("circuit CLOSED->OPEN");
        assertThat(api.state().circuitState()).isEqualTo(CircuitState.OPEN);
        CallEnd last = recorder.ends.get(5);
        assertThat(last.outcome()).isEqualTo(CallOutcome.NOT_SENT);
        assertThat(last.errorCode()).contains(ErrorCode.CIRCUIT_OPEN);
        assertThat(last.attempts()).isZero();
        assertThat(recorder.ends.get(0).outcome()).isEqualTo(CallOutcome.NO_USABLE_ANSWER);
        assertThat(recorder.ends.get(0).statusClass()).isEqualTo("5xx");
    }

    @Test
    void aDisabledCircuitBreakerIsReportedAsDisabled() {
        assertThat(api(b -> b.circuitBreaker(CircuitBreakerOptions.disabled())).state().circuitState())
                .isEqualTo(CircuitState.DISABLED);
    }

    @Test
    void extraHeadersAreSentButNeverReplaceTheClientsOwnAndUnsafeOnesAreDropped() {
        searchAnswers(okJson(fixture("search-live.json")));
        String key = randomKey();
        NekorektenListener tracing = new NekorektenListener() {
            @Override
            public CallListener callStarted(CallStart call) {
                return new CallListener() {
                    @Override
                    public Map<String, String> requestHeaders(int attempt) {
                        return Map.of("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
                                "api-key", "stolen", "User-Agent", "other", "X-Bad", "a\r\nInjected: yes");
                    }
                };
            }
        };
        NekorektenHttp api = NekorektenHttpTestSupport.client(service.baseUrl(), key, transport("apache"), sleeper)
                .listener(tracing).build();
        clients.add(api);

        api.search(CRITERIA);

        service.verify(getRequestedFor(urlPathEqualTo("/api/v1/reports"))
                .withHeader("traceparent", com.github.tomakehurst.wiremock.client.WireMock.equalTo(
                        "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"))
                .withHeader("Api-Key", com.github.tomakehurst.wiremock.client.WireMock.equalTo(key))
                .withHeader("User-Agent", com.github.tomakehurst.wiremock.client.WireMock.equalTo(UserAgent.LIBRARY))
                .withoutHeader("X-Bad")
                .withoutHeader("Injected"));
    }

    @Test
    void withoutAListenerNoTraceHeaderIsSent() {
        searchAnswers(okJson(fixture("search-live.json")));

        api(b -> b).search(CRITERIA);

        service.verify(getRequestedFor(urlPathEqualTo("/api/v1/reports")).withoutHeader("traceparent")
                .withoutHeader("tracestate").withoutHeader("b3"));
    }

    @Test
    void aListenerThatThrowsNeverChangesTheCall() {
        searchAnswers(okJson(fixture("search-live.json")));
        NekorektenListener broken = new NekorektenListener() {
            @Override
            public void clientBuilt(ClientState state) {
                throw new IllegalStateException("boom at build");
            }

            @Override
            public CallListener callStarted(CallStart call) {
                return new CallListener() {
                    @Override
                    public void permitGranted(int attempt, Duration waited) {
                        throw new IllegalStateException("boom at permit");
                    }

                    @Override
                    public void callEnded(CallEnd end) {
                        throw new IllegalStateException("boom at end");
                    }
                };
            }
        };
        NekorektenHttp api = api(b -> b.listener(broken));

        assertThat(api.search(CRITERIA).reports()).hasSize(1);
        assertThat(recorder.onlyEnd().outcome()).isEqualTo(CallOutcome.SUCCESS);
    }

    @Test
    void clientBuiltHandsOverTheClientsLiveState() {
        NekorektenHttp api = api(b -> b.quota(QuotaPlan.perMinute(7)));

        assertThat(recorder.state).isSameAs(api.state());
        assertThat(recorder.state.baseUri().toString()).isEqualTo(service.baseUrl());
        assertThat(recorder.state.quota()).hasValueSatisfying(q -> {
            assertThat(q.perMinute()).isEqualTo(7);
            assertThat(q.leftThisMinute()).isEqualTo(7);
            assertThat(q.perDay()).isEmpty();
        });
    }

    @Test
    void aCallEndChecksThatAFailureGoesWithEveryOutcomeButSuccess() {
        assertThatThrownBy(() -> new CallEnd(Operation.SEARCH, CallOutcome.REFUSED, Optional.empty(),
                OptionalInt.empty(), 0, Duration.ZERO, CacheResult.MISS, Duration.ZERO, java.time.Instant.EPOCH,
                Optional.empty())).isInstanceOf(IllegalArgumentException.class);
    }

    /** Records every event as a short line, and every call's end. */
    private static final class Recorder implements NekorektenListener {
        final List<String> events = Collections.synchronizedList(new ArrayList<>());
        final List<CallEnd> ends = Collections.synchronizedList(new ArrayList<>());
        final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());
        volatile ClientState state;

        @Override
        public void clientBuilt(ClientState state) {
            this.state = state;
        }

        @Override
        public CallListener callStarted(CallStart call) {
            events.add("start " + call.operation().tagValue());
            return new CallListener() {
                @Override
                public void permitGranted(int attempt, Duration waited) {
                    events.add("permit " + attempt);
                    waits.add(waited);
                }

                @Override
                public void permitRefused(int attempt, PermitRefusal reason) {
                    events.add("refused " + attempt + " " + reason);
                }

                @Override
                public void rateLimited(int attempt, Optional<Duration> retryAfter) {
                    events.add("429 " + attempt + " " + retryAfter.map(Duration::toString).orElse("-"));
                }

                @Override
                public void callEnded(CallEnd end) {
                    events.add("end " + end.operation().tagValue() + " " + end.outcome().tagValue());
                    ends.add(end);
                }
            };
        }

        @Override
        public void circuitStateChanged(CircuitState from, CircuitState to) {
            events.add("circuit " + from + "->" + to);
        }

        CallEnd onlyEnd() {
            assertThat(ends).hasSize(1);
            return ends.get(0);
        }
    }
}
