package io.nekorekten4j.spring.boot.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nekorekten4j.domain.SearchCriteria;
import io.nekorekten4j.fakeserver.FakeServer;
import io.nekorekten4j.http.NekorektenHttp;
import io.nekorekten4j.http.RetryOptions;
import io.nekorekten4j.ports.ErrorCode;
import io.nekorekten4j.ports.QuotaPlan;
import io.nekorekten4j.spring.boot.autoconfigure.NekorektenHealth;
import io.nekorekten4j.spring.boot.autoconfigure.NekorektenHealthRecorder;
import io.nekorekten4j.spring.boot.autoconfigure.QuotaStoreProbe;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The health check from what the client knows, through a real client against the fake server:
 * down only for a refused key or IP, degraded for the rest — and never a request of its own.
 */
class NekorektenHealthTest {

    private static final SearchCriteria BUYER = SearchCriteria.builder().phone("0888 123 456").build();

    private FakeServer server;
    private NekorektenHttp client;
    private final NekorektenHealthRecorder recorder = new NekorektenHealthRecorder();
    private final String key = "health-" + UUID.randomUUID();

    @BeforeEach
    void start() {
        server = FakeServer.builder().seedDemoData().build().start();
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        server.close();
    }

    private NekorektenHealth health(UnaryOperator<NekorektenHttp.Builder> settings, QuotaStoreProbe store) {
        client = settings.apply(NekorektenHttp.builder().baseUri(server.uri()).apiKey(key)
                .retry(RetryOptions.disabled()).listener(recorder)).build();
        return new NekorektenHealth(client.state(), recorder, store);
    }

    private NekorektenHealth health() {
        return health(b -> b, QuotaStoreProbe.JVM);
    }

    @Test
    void aFreshClientIsUpAndCheckingItSendsNothing() {
        NekorektenHealth health = health();

        NekorektenHealth.Report report = health.check();
        health.check();

        assertThat(report.level()).isEqualTo(NekorektenHealth.Level.UP);
        assertThat(report.details()).containsEntry("circuit", "closed")
                .containsEntry("quotaStore", Map.of("name", "jvm", "reachable", true));
        assertThat(server.requestCount()).isZero();
    }

    @Test
    void aSuccessfulCallIsListedAndStaysUp() {
        NekorektenHealth health = health();
        client.search(BUYER);

        NekorektenHealth.Report report = health.check();

        assertThat(report.level()).isEqualTo(NekorektenHealth.Level.UP);
        assertThat(report.details()).containsKeys("lastOutcomes", "lastSuccess");
        assertThat(report.details().toString()).doesNotContain("0888", "888123456", key);
    }

    @Test
    void aRefusedKeyIsDownUntilACallSucceedsAgain() {
        NekorektenHealth health = health();
        server.fake().refuseKey(key);
        assertThatThrownBy(() -> client.search(BUYER));

        NekorektenHealth.Report down = health.check();

        assertThat(down.level()).isEqualTo(NekorektenHealth.Level.DOWN);
        assertThat(down.details()).containsKey("keyRefusedAt");
        assertThat(down.details().toString()).contains("nekorekten.api-key").doesNotContain(key);
    }

    @Test
    void anIpNotOnTheWhitelistIsDownWithTheAddressTheServiceNamed() {
        NekorektenHealth health = health();
        server.fake().refuseFromIp(key, "203.0.113.7");
        assertThatThrownBy(() -> client.search(BUYER));

        NekorektenHealth.Report down = health.check();

        assertThat(down.level()).isEqualTo(NekorektenHealth.Level.DOWN);
        assertThat(down.details().get("ipNotWhitelisted")).asString().contains("203.0.113.7");
    }

    @Test
    void aServiceFailureIsDegradedNotDown() {
        NekorektenHealth health = health();
        server.fake().failNext(1, ErrorCode.SERVICE_UNAVAILABLE);
        assertThatThrownBy(() -> client.search(BUYER));

        assertThat(health.check().level()).isEqualTo(NekorektenHealth.Level.DEGRADED);
        client.search(SearchCriteria.builder().phone("0899 111 222").build());
        assertThat(health.check().level()).isEqualTo(NekorektenHealth.Level.UP);
    }

    @Test
    void anOpenCircuitIsDegraded() {
        NekorektenHealth health = health();
        server.fake().failNext(5, ErrorCode.SERVICE_UNAVAILABLE);
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> client.search(BUYER));
        }

        NekorektenHealth.Report report = health.check();

        assertThat(report.level()).isEqualTo(NekorektenHealth.Level.DEGRADED);
        assertThat(report.details()).containsEntry("circuit", "open");
    }

    @Test
    void aSpentDailyBudgetIsDegraded() {
        NekorektenHealth health = health(b -> b.quota(QuotaPlan.of(10, 1)), QuotaStoreProbe.JVM);
        client.search(BUYER);

        NekorektenHealth.Report report = health.check();

        assertThat(report.level()).isEqualTo(NekorektenHealth.Level.DEGRADED);
        assertThat(report.details().get("quota")).asString().contains("dailyBudgetSpent=true", "leftToday=0");
    }

    @Test
    void anUnreachableQuotaStoreIsDegraded() {
        QuotaStoreProbe down = new QuotaStoreProbe() {
            @Override
            public String name() {
                return "redis";
            }

            @Override
            public boolean reachable() {
                throw new IllegalStateException("connection refused");
            }
        };

        NekorektenHealth.Report report = health(b -> b, down).check();

        assertThat(report.level()).isEqualTo(NekorektenHealth.Level.DEGRADED);
        assertThat(report.details()).containsEntry("quotaStore", Map.of("name", "redis", "reachable", false));
    }
}
