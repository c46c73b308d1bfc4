package io.nekorekten4j.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.nekorekten4j.cache.CacheOptions;
import io.nekorekten4j.domain.SearchCriteria;
import io.nekorekten4j.http.NekorektenHttp;
import io.nekorekten4j.http.RetryOptions;
import io.nekorekten4j.ports.NekorektenException;
import io.nekorekten4j.ports.QuotaPlan;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The plan's promise through a whole client, on both transports, against a server that resets or
 * closes every connection after reading the request and before answering: whatever retries the
 * client and the wire would make, the server never reads more requests than the plan allows in a
 * minute. (The JDK client re-sends such a GET by itself; before adapters-http's {@code SendOnceBodyPublisher} a
 * 3-per-minute plan put 6 requests on the wire here.)
 *
 * <p>Real clock and real sleeps: the first call spends the plan's three permits over its three
 * attempts (backoffs of about 20 and 40 ms); every later call finds no permit within its 100 ms
 * permit wait and sends nothing. The whole test takes well under a minute, so "any 60 s window"
 * is the whole run.
 */
class QuotaUnderResetsTest {

    private static final int PLAN_PER_MINUTE = 3;
    private static final int CALLS = 10;

    @ParameterizedTest(name = "{0} transport, server {1}")
    @ValueSource(strings = {"apache:RESET", "apache:CLOSE", "jdk:RESET", "jdk:CLOSE"})
    void theServerNeverReadsMoreRequestsInAMinuteThanThePlanAllows(String setup) throws Exception {
        String transportKind = setup.substring(0, setup.indexOf(':'));
        RawSocketServer.Behaviour behaviour = RawSocketServer.Behaviour.valueOf(setup.substring(setup.indexOf(':') + 1));
        Map<String, Integer> outcomes = new TreeMap<>();
        try (RawSocketServer raw = RawSocketServer.always(behaviour);
             NekorektenHttp client = NekorektenHttp.builder()
                     .baseUri(raw.uri("").toString())
                     .apiKey(TestClients.randomApiKey())
                     .transport(TestClients.Wire.valueOf(transportKind.toUpperCase(java.util.Locale.ROOT)).newTransport())
                     .quota(QuotaPlan.perMinute(PLAN_PER_MINUTE))
                     .permitWaitTimeout(Duration.ofMillis(100))
                     .connectTimeout(Duration.ofSeconds(2))
                     .responseTimeout(Duration.ofSeconds(2))
                     .callTimeout(Duration.ofSeconds(20))
                     .retry(RetryOptions.builder().maxAttempts(3).initialBackoff(Duration.ofMillis(20)).build())
                     .cache(CacheOptions.disabled())
                     .build()) {
            SearchCriteria criteria = SearchCriteria.builder().phone("0888 123 456").build();
            for (int i = 0; i < CALLS; i++) {
                try {
                    client.search(criteria);
                    outcomes.merge("answered", 1, Integer::sum);
                } catch (NekorektenException e) {
                    outcomes.merge(e.getClass().getSimpleName(), 1, Integer::sum);
                }
            }

            System.out.println("QuotaUnderResetsTest " + setup + ": plan " + PLAN_PER_MINUTE + "/min, " + CALLS
                    + " calls of 3 attempts; server read " + raw.requests() + " requests, at most "
                    + raw.mostRequestsWithin(Duration.ofSeconds(60)) + " in 60 s; outcomes " + outcomes);
            assertThat(raw.mostRequestsWithin(Duration.ofSeconds(60))).isLessThanOrEqualTo(PLAN_PER_MINUTE);
            // Each permit the first call took put exactly one request on the wire.
            assertThat(raw.requests()).isEqualTo(PLAN_PER_MINUTE);
            assertThat(outcomes).doesNotContainKey("answered");
        }
    }
}
