package io.nekorekten4j.http;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.nekorekten4j.cache.CacheOptions;
import io.nekorekten4j.domain.SearchCriteria;
import io.nekorekten4j.ports.QuotaPlan;
import io.nekorekten4j.ports.RateLimitWaitExceededException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The quota gate with real threads, the system clock and a real server: what reaches WireMock never
 * exceeds the limit in any window.
 *
 * <p>The limit is 5 per 2 seconds (a window no {@code QuotaPlan} can express, so the gate is built
 * with {@link QuotaGate#create}); 32 threads × 2 searches = 64 requests take about 27 s (12 full
 * windows of 2 s plus the 250 ms margin each). The 32 × 10 would take over two minutes for
 * the same evidence. The margin here absorbs loopback scheduling jitter between the permit and
 * WireMock's log entry; it is a quarter of the plan margin scaled to the shorter window.
 *
 * <p>The permit-wait rules are checked on a virtual clock, at the gate and through a real
 * {@link NekorektenHttp} client.
 */
class RateLimitTest {

    private static final int LIMIT = 5;
    private static final Duration WINDOW = Duration.ofSeconds(2);
    private static final Duration MARGIN = Duration.ofMillis(250);
    private static final int THREADS = 32;
    private static final int CALLS_PER_THREAD = 2;

    private WireMockServer server;
    private HttpClient http;

    @BeforeEach
    void startServer() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        server.stubFor(get(urlPathEqualTo("/api/v1/reports")).willReturn(okJson(
                "{\"message\":null,\"items\":[],\"count\":0,\"currentPage\":1,\"itemsPerPage\":20,"
                        + "\"server\":{\"date\":\"2026-02-27 20:22:33\",\"httpCode\":200}}")));
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterEach
    void stopServer() {
        server.stop();
    }

    @Test
    void thirtyTwoThreadsNeverPutMoreThanFiveRequestsInAnyTwoSecondWindowOfTheServerLog() throws Exception {
        warmUp();
        QuotaGate gate = QuotaGate.create(LIMIT, WINDOW, OptionalInt.empty(), MARGIN, Clock.systemUTC(),
                Sleeper.SYSTEM);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> threads = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                threads.add(pool.submit(() -> {
                    go.await();
                    for (int c = 0; c < CALLS_PER_THREAD; c++) {
                        QuotaGate.Permit permit = gate.acquire(Duration.ofMinutes(2));
                        try {
                            search("359888" + String.format("%06d", thread * 100 + c));
                        } finally {
                            permit.answered();
                        }
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> thread : threads) {
                thread.get(3, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }

        List<Instant> arrivals = server.getAllServeEvents().stream()
                .map(ServeEvent::getRequest).map(r -> r.getLoggedDate().toInstant()).sorted().toList();
        int busiest = busiestWindow(arrivals, WINDOW);
        System.out.println("RateLimitTest: " + arrivals.size() + " requests from " + THREADS
                + " threads at " + LIMIT + " per " + WINDOW + " (margin " + MARGIN + "), span "
                + Duration.between(arrivals.get(0), arrivals.get(arrivals.size() - 1))
                + ", most in any " + WINDOW + " window of WireMock's log: " + busiest);
        assertThat(arrivals).hasSize(THREADS * CALLS_PER_THREAD);
        assertThat(busiest).as("most requests in any %s window of WireMock's log", WINDOW).isLessThanOrEqualTo(LIMIT);
        assertThat(busiest).as("the gate still lets a whole burst through").isEqualTo(LIMIT);
    }

    @Test
    void aPermitWaitLongerThanItsTimeoutFailsAtOnceWithTheRateLimitError() {
        VirtualTime clock = VirtualTime.startingAt(Instant.parse("2025-06-10T09:00:00Z"));
        VirtualTime sleeper = clock;
        QuotaGate gate = QuotaGate.create(LIMIT, WINDOW, OptionalInt.empty(), MARGIN, clock, sleeper);
        for (int i = 0; i < LIMIT; i++) {
            gate.acquire(Duration.ZERO).answered();
        }
        Instant before = clock.instant();

        RateLimitWaitExceededException e = catchThrowableOfType(RateLimitWaitExceededException.class,
                () -> gate.acquire(Duration.ofSeconds(1)));

        assertThat(e.waitNeeded()).isEqualTo(WINDOW.plus(MARGIN));
        assertThat(sleeper.sleeps()).as("sleeps").isEmpty();
        assertThat(clock.instant()).isEqualTo(before);
        assertThat(server.getAllServeEvents()).as("requests sent").isEmpty();
    }

    @Test
    void aClientWhosePermitIsFurtherAwayThanItsPermitWaitTimeoutFailsAtOnceAndSendsNothing() {
        String key = "rate-limit-test-" + UUID.randomUUID();
        VirtualTime clock = VirtualTime.create();
        SearchCriteria criteria = SearchCriteria.builder().phone("0888 123 456").build();
        try (NekorektenHttp client = NekorektenHttp.builder().baseUri(server.baseUrl()).apiKey(key)
                .quota(QuotaPlan.perMinute(1)).permitWaitTimeout(Duration.ofSeconds(30))
                .retry(RetryOptions.disabled()).cache(CacheOptions.disabled()).clock(clock)
                .sleeper(clock).build()) {
            client.search(criteria);

            RateLimitWaitExceededException e = catchThrowableOfType(RateLimitWaitExceededException.class,
                    () -> client.search(criteria));

            assertThat(e.waitNeeded()).isGreaterThan(Duration.ofSeconds(50)).isLessThanOrEqualTo(Duration.ofSeconds(61));
            assertThat(clock.slept()).as("waits: the refusal must come at once").isZero();
            assertThat(server.getAllServeEvents()).as("requests that reached WireMock").hasSize(1);
        }
    }

    @Test
    void theWindowCounterFindsTheBusiestHalfOpenWindow() {
        Instant t = Instant.parse("2025-06-10T09:00:00Z");
        List<Instant> log = List.of(t, t.plusMillis(1999), t.plusMillis(2000), t.plusMillis(2001), t.plusMillis(2500));

        assertThat(busiestWindow(log, WINDOW)).isEqualTo(4);
    }

    /** Sends a few requests first so that connection set-up and class loading do not skew the log. */
    private void warmUp() throws Exception {
        for (int i = 0; i < 3; i++) {
            search("359888000000");
        }
        server.resetRequests();
    }

    private void search(String phone) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v1/reports?phone=" + phone))
                .timeout(Duration.ofSeconds(10)).GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
    }

    /** The most instants of the sorted {@code log} in any half-open window {@code [t, t + window)}. */
    static int busiestWindow(List<Instant> log, Duration window) {
        int busiest = 0;
        int first = 0;
        for (int last = 0; last < log.size(); last++) {
            while (!log.get(first).plus(window).isAfter(log.get(last))) {
                first++;
            }
            busiest = Math.max(busiest, last - first + 1);
        }
        return busiest;
    }
}
