package io.nekorekten4j.micrometer;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.common.KeyValue;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.nekorekten4j.domain.Attachment;
import io.nekorekten4j.domain.ReportDraft;
import io.nekorekten4j.domain.ReportId;
import io.nekorekten4j.domain.ReportPatch;
import io.nekorekten4j.domain.SearchCriteria;
import io.nekorekten4j.fakeserver.FakeServer;
import io.nekorekten4j.fakeserver.FakeServerExtension;
import io.nekorekten4j.cache.CacheOptions;
import io.nekorekten4j.http.CircuitBreakerOptions;
import io.nekorekten4j.http.NekorektenHttp;
import io.nekorekten4j.http.RetryOptions;
import io.nekorekten4j.ports.ErrorCode;
import io.nekorekten4j.ports.NekorektenException;
import io.nekorekten4j.ports.QuotaPlan;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The timer, spans and meters of every outcome, recorded through a real client against the fake
 * server on loopback, into a {@link SimpleMeterRegistry} and a {@link TestObservationRegistry} —
 * and that no tag or span attribute carries a phone, an e-mail, a name or the key.
 */
@Timeout(60)
class NekorektenObservabilityTest {

    @RegisterExtension
    static FakeServerExtension server = FakeServerExtension.of(() -> FakeServer.builder().seedDemoData());

    /** A demo buyer's data: what must never show in a tag. */
    private static final String PHONE = "0888 123 456";
    private static final String PHONE_DIGITS = "359888123456";
    private static final String EMAIL = "maria.ivanova@abv.bg";
    private static final String FIRST_NAME = "Мария";

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final TestObservationRegistry observations = TestObservationRegistry.create();
    private final List<NekorektenHttp> clients = new ArrayList<>();
    private final Recording recording = new Recording();
    private String key;

    @BeforeEach
    void registries(FakeServer fake) {
        observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters))
                .observationHandler(recording);
        key = "obs-" + UUID.randomUUID();
        fake.fake().reset();
        fake.fake().seedDemoData();
    }

    @AfterEach
    void close() {
        clients.forEach(NekorektenHttp::close);
    }

    private NekorektenHttp api(FakeServer fake, UnaryOperator<NekorektenHttp.Builder> settings) {
        NekorektenHttp api = settings.apply(NekorektenHttp.builder().baseUri(fake.uri()).apiKey(key)
                .quota(QuotaPlan.perMinute(1000)).retry(RetryOptions.disabled())
                .listener(NekorektenObservability.builder().observationRegistry(observations).meterRegistry(meters)
                        .build())).build();
        clients.add(api);
        return api;
    }

    private Timer timer(String operation, String outcome, String errorCode, String statusClass) {
        return meters.get("nekorekten.client.calls").tag("operation", operation).tag("outcome", outcome)
                .tag("error.code", errorCode).tag("status.class", statusClass).timer();
    }

    private double counter(String name, String... tags) {
        return meters.get(name).tags(tags).counter().count();
    }

    @Test
    void aSuccessfulSearchIsTimedTracedAndCountsAPermitAndACacheMiss(FakeServer fake) {
        api(fake, b -> b).search(SearchCriteria.builder().phone(PHONE).build());

        assertThat(timer("search", "success", "none", "2xx").count()).isEqualTo(1);
        assertThat(meters.get("nekorekten.client.calls").tag("cache", "miss").timer().count()).isEqualTo(1);
        assertThat(observations).hasObservationWithNameEqualTo("nekorekten.client.calls").that()
                .hasContextualNameEqualTo("nekorekten search")
                .hasLowCardinalityKeyValue("operation", "search")
                .hasLowCardinalityKeyValue("outcome", "success")
                .hasLowCardinalityKeyValue("error.code", "none")
                .hasLowCardinalityKeyValue("status.class", "2xx")
                .hasLowCardinalityKeyValue("cache", "miss")
                .hasHighCardinalityKeyValue("nekorekten.attempts", "1")
                .hasHighCardinalityKeyValue("nekorekten.quota.wait.ms", "0")
                .hasBeenStarted().hasBeenStopped().doesNotHaveError();
        assertThat(counter("nekorekten.quota.permits", "operation", "search")).isEqualTo(1);
        assertThat(meters.get("nekorekten.quota.permit.wait").tag("operation", "search").timer().count()).isEqualTo(1);
        assertThat(counter("nekorekten.cache.lookups", "operation", "search", "result", "miss")).isEqualTo(1);
    }

    @Test
    void aRepeatedSearchIsACacheHitWithoutAPermitAndWithoutAStatus(FakeServer fake) {
        NekorektenHttp api = api(fake, b -> b.cache(CacheOptions.defaults()));
        SearchCriteria criteria = SearchCriteria.builder().phone(PHONE).build();
        api.search(criteria);

        api.search(criteria);

        assertThat(counter("nekorekten.cache.lookups", "operation", "search", "result", "hit")).isEqualTo(1);
        assertThat(meters.get("nekorekten.client.calls").tag("cache", "hit").tag("status.class", "none")
                .tag("outcome", "success").timer().count()).isEqualTo(1);
        assertThat(counter("nekorekten.quota.permits", "operation", "search")).isEqualTo(1);
    }

    @Test
    void everyOperationHasItsOwnTimer(FakeServer fake) {
        NekorektenHttp api = api(fake, b -> b);
        api.create(ReportDraft.builder().text("Не потърси пратката с наложен платеж.").phone("0877 555 666").build());
        ReportId id = fake.fake().arrangeReport(ReportDraft.builder().text("Върна пратката без причина.")
                .phone("0877 555 667").build(), Instant.now(), key);
        api.update(id, ReportPatch.builder().text("Не потърси две пратки с наложен платеж.").build());
        api.delete(id);
        api.upload(List.of(Attachment.of("receipt.pdf", "%PDF-1.4 test".getBytes(StandardCharsets.US_ASCII))));
        api.cities();

        for (String operation : List.of("create", "update", "delete", "upload", "cities")) {
            assertThat(timer(operation, "success", "none", "2xx").count()).as(operation).isEqualTo(1);
        }
    }

    @Test
    void aKeyTheServiceRefusesIsRefusedWithItsCodeAndA4xx(FakeServer fake) {
        fake.fake().refuseKey(key);

        assertThatThrownBy(() -> api(fake, b -> b).search(SearchCriteria.builder().phone(PHONE).build()))
                .isInstanceOf(NekorektenException.class);

        assertThat(timer("search", "refused", "invalid_api_key", "4xx").count()).isEqualTo(1);
        assertThat(observations).hasObservationWithNameEqualTo("nekorekten.client.calls").that()
                .hasLowCardinalityKeyValue("outcome", "refused").hasError();
    }

    @Test
    void aDroppedConnectionIsNoUsableAnswer(FakeServer fake) {
        fake.fake().failNext(1, ErrorCode.TRANSPORT_FAILURE);

        assertThatThrownBy(() -> api(fake, b -> b).search(SearchCriteria.builder().phone(PHONE).build()))
                .isInstanceOf(NekorektenException.class);

        assertThat(timer("search", "no_usable_answer", "transport_failure", "none").count()).isEqualTo(1);
    }

    @Test
    void aPermitBeyondThePermitWaitIsNotSentAndCountedAsRefusedLocally(FakeServer fake) {
        NekorektenHttp api = api(fake, b -> b.quota(QuotaPlan.perMinute(1)).permitWaitTimeout(Duration.ZERO));
        api.search(SearchCriteria.builder().phone(PHONE).build());
        assertThat(meters.get("nekorekten.quota.remaining").tag("window", "minute").gauge().value()).isZero();

        assertThatThrownBy(() -> api.search(SearchCriteria.builder().email(EMAIL).build()))
                .isInstanceOf(NekorektenException.class);

        assertThat(timer("search", "not_sent", "rate_limit_wait_exceeded", "none").count()).isEqualTo(1);
        assertThat(counter("nekorekten.quota.refused", "operation", "search", "reason", "wait_exceeded"))
                .isEqualTo(1);
        assertThat(observations).hasAnObservation(o -> o.hasLowCardinalityKeyValue("outcome", "not_sent"));
        assertThat(recording.events).contains("nekorekten.quota.refused.wait_exceeded");
    }

    @Test
    void aSpentDailyCapIsNotSentAndTheDayGaugeShowsNothingLeft(FakeServer fake) {
        NekorektenHttp api = api(fake, b -> b.quota(QuotaPlan.of(100, 1)));
        assertThat(meters.get("nekorekten.quota.remaining").tag("window", "day").gauge().value()).isEqualTo(1);
        api.search(SearchCriteria.builder().phone(PHONE).build());

        assertThatThrownBy(() -> api.search(SearchCriteria.builder().email(EMAIL).build()))
                .isInstanceOf(NekorektenException.class);

        assertThat(timer("search", "not_sent", "quota_exhausted", "none").count()).isEqualTo(1);
        assertThat(counter("nekorekten.quota.refused", "operation", "search", "reason", "daily_cap")).isEqualTo(1);
        assertThat(meters.get("nekorekten.quota.remaining").tag("window", "day").gauge().value()).isZero();
        assertThat(meters.get("nekorekten.quota.remaining").tag("window", "minute").gauge().value()).isEqualTo(99);
    }

    @Test
    void aPlanWithoutADailyCapHasNoDayFigure(FakeServer fake) {
        api(fake, b -> b);

        assertThat(meters.get("nekorekten.quota.remaining").tag("window", "day").gauge().value()).isNaN();
        assertThat(meters.get("nekorekten.quota.remaining").tag("window", "minute").gauge().value()).isEqualTo(1000);
    }

    @Test
    void a429FromTheServiceIsCountedAndRefused(FakeServer fake) {
        fake.fake().failNext(1, ErrorCode.RATE_LIMITED);

        assertThatThrownBy(() -> api(fake, b -> b).search(SearchCriteria.builder().phone(PHONE).build()))
                .isInstanceOf(NekorektenException.class);

        assertThat(counter("nekorekten.quota.rate.limited", "operation", "search")).isEqualTo(1);
        assertThat(timer("search", "refused", "rate_limited", "4xx").count()).isEqualTo(1);
        assertThat(recording.events).contains("nekorekten.rate.limited");
    }

    @Test
    void theCircuitStateGaugeAndTransitionsFollowTheBreaker(FakeServer fake) {
        NekorektenHttp api = api(fake, b -> b.circuitBreaker(CircuitBreakerOptions.defaults()));
        assertThat(meters.get("nekorekten.circuit.state").tag("state", "closed").gauge().value()).isEqualTo(1);
        fake.fake().failNext(5, ErrorCode.SERVICE_UNAVAILABLE);
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> api.search(SearchCriteria.builder().phone(PHONE).build()));
        }

        assertThatThrownBy(() -> api.search(SearchCriteria.builder().phone(PHONE).build()));

        assertThat(meters.get("nekorekten.circuit.state").tag("state", "open").gauge().value()).isEqualTo(1);
        assertThat(meters.get("nekorekten.circuit.state").tag("state", "closed").gauge().value()).isZero();
        assertThat(counter("nekorekten.circuit.transitions", "from", "closed", "to", "open")).isEqualTo(1);
        assertThat(timer("search", "no_usable_answer", "service_unavailable", "5xx").count()).isEqualTo(5);
        assertThat(timer("search", "not_sent", "circuit_open", "none").count()).isEqualTo(1);
    }

    @Test
    void commonTagsGoOnEveryMeterAndObservation(FakeServer fake) {
        NekorektenHttp api = NekorektenHttp.builder().baseUri(fake.uri()).apiKey(key)
                .listener(NekorektenObservability.builder().observationRegistry(observations).meterRegistry(meters)
                        .tag("client", "shop-a").build()).build();
        clients.add(api);

        api.cities();

        assertThat(meters.getMeters()).isNotEmpty().allSatisfy(m ->
                assertThat(m.getId().getTags()).contains(Tag.of("client", "shop-a")));
        assertThat(observations).hasObservationWithNameEqualTo("nekorekten.client.calls").that()
                .hasLowCardinalityKeyValue("client", "shop-a");
    }

    @Test
    void withOnlyAMeterRegistryTheTimerIsStillRecorded(FakeServer fake) {
        NekorektenHttp api = NekorektenHttp.builder().baseUri(fake.uri()).apiKey(key)
                .listener(NekorektenObservability.builder().meterRegistry(meters).build()).build();
        clients.add(api);

        api.cities();

        assertThat(timer("cities", "success", "none", "2xx").count()).isEqualTo(1);
    }

    @Test
    void theBuilderNeedsARegistryAndChecksTags() {
        assertThatThrownBy(() -> NekorektenObservability.builder().build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("observationRegistry");
        assertThatThrownBy(() -> NekorektenObservability.builder().tag("Client Name", "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Client Name");
        assertThatThrownBy(() -> NekorektenObservability.builder().tag("client", " "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("client");
    }

    @Test
    void noTagOrSpanAttributeEverCarriesPersonalDataOrTheKey(FakeServer fake) {
        NekorektenHttp api = api(fake, b -> b.quota(QuotaPlan.of(1000, 6)).cache(CacheOptions.defaults()));
        api.search(SearchCriteria.builder().phone(PHONE).email(EMAIL).name(FIRST_NAME).build());
        api.search(SearchCriteria.builder().phone(PHONE).email(EMAIL).name(FIRST_NAME).build());
        api.create(ReportDraft.builder().text("Не потърси пратката.").phone(PHONE).email(EMAIL)
                .firstName(FIRST_NAME).build());
        fake.fake().failNext(1, ErrorCode.INVALID_REQUEST);
        assertThatThrownBy(() -> api.search(SearchCriteria.builder().phone("0899 111 222").build()));
        fake.fake().refuseFromIp(key, "203.0.113.7");
        assertThatThrownBy(() -> api.search(SearchCriteria.builder().email(EMAIL).build()));

        List<String> seen = new ArrayList<>();
        for (Meter meter : meters.getMeters()) {
            seen.add(meter.getId().getName());
            meter.getId().getTags().forEach(t -> seen.add(t.getKey() + "=" + t.getValue()));
        }
        for (Observation.Context context : recording.contexts) {
            seen.add(context.getName() + " " + context.getContextualName());
            for (KeyValue kv : context.getAllKeyValues()) {
                seen.add(kv.getKey() + "=" + kv.getValue());
            }
            if (context.getError() != null) {
                seen.add(context.getError().getMessage());
            }
        }
        assertThat(seen).hasSizeGreaterThan(20).noneSatisfy(text -> assertThat(text)
                .containsAnyOf(PHONE, PHONE_DIGITS, "888123456", EMAIL, "abv.bg", FIRST_NAME, key));
        assertThat(seen).contains("error.code=ip_not_whitelisted", "error.code=invalid_request");
    }

    /** Keeps every observed context and the names of their events. */
    private static final class Recording implements ObservationHandler<Observation.Context> {
        final List<Observation.Context> contexts = new CopyOnWriteArrayList<>();
        final List<String> events = new CopyOnWriteArrayList<>();

        @Override
        public void onStart(Observation.Context context) {
            contexts.add(context);
        }

        @Override
        public void onEvent(Observation.Event event, Observation.Context context) {
            events.add(event.getName());
        }

        @Override
        public boolean supportsContext(Observation.Context context) {
            return true;
        }
    }
}
