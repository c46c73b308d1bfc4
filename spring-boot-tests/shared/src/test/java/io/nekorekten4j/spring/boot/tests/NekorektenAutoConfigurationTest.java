package io.nekorekten4j.spring.boot.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.nekorekten4j.domain.SearchCriteria;
import io.nekorekten4j.fake.NekorektenFake;
import io.nekorekten4j.fakeserver.FakeServer;
import io.nekorekten4j.http.CallEnd;
import io.nekorekten4j.http.CallListener;
import io.nekorekten4j.http.CallStart;
import io.nekorekten4j.http.NekorektenHttp;
import io.nekorekten4j.http.NekorektenListener;
import io.nekorekten4j.micrometer.NekorektenObservability;
import io.nekorekten4j.ports.CallOptions;
import io.nekorekten4j.ports.Nekorekten;
import io.nekorekten4j.ports.QuotaPlan;
import io.nekorekten4j.ports.screening.Buyer;
import io.nekorekten4j.ports.screening.Screening;
import io.nekorekten4j.ports.screening.Verdict;
import io.nekorekten4j.spring.boot.autoconfigure.NekorektenAutoConfiguration;
import io.nekorekten4j.spring.boot.autoconfigure.NekorektenHealthAutoConfiguration;
import io.nekorekten4j.spring.boot.autoconfigure.NekorektenHttpBuilderCustomizer;
import io.nekorekten4j.spring.boot.autoconfigure.NekorektenObservabilityAutoConfiguration;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The starter's auto-configuration, with {@link ApplicationContextRunner} (no server): which beans
 * exist for which properties, that they back off, and that the client is wired to its listeners.
 * The same tests run on Spring Boot 3.5 and 4.0.
 */
@ExtendWith(OutputCaptureExtension.class)
class NekorektenAutoConfigurationTest {

    private static FakeServer server;

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
            AutoConfigurations.of(NekorektenObservabilityAutoConfiguration.class, NekorektenAutoConfiguration.class,
                    NekorektenHealthAutoConfiguration.class));

    @BeforeAll
    static void start() {
        server = FakeServer.builder().seedDemoData().build().start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String key() {
        return "ctx-" + UUID.randomUUID();
    }

    @Test
    void withoutAKeyThereIsNoClientAndNoFailure() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(Nekorekten.class);
            assertThat(context).doesNotHaveBean(Screening.class);
        });
    }

    @Test
    void aBlankKeyIsNoKey() {
        runner.withPropertyValues("nekorekten.api-key=  ").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(Nekorekten.class);
        });
    }

    @Test
    void aKeyGivesAnHttpClientFromTheProperties() {
        String key = key();
        runner.withPropertyValues("nekorekten.api-key=" + key, "nekorekten.base-uri=" + server.uri(),
                "nekorekten.quota.plan=Free", "nekorekten.timeouts.connect=2s", "nekorekten.quota.permit-wait=0s",
                "nekorekten.cache.enabled=false", "nekorekten.transport=jdk").run(context -> {
                    assertThat(context).hasSingleBean(NekorektenHttp.class).hasSingleBean(Screening.class);
                    NekorektenHttp client = context.getBean(NekorektenHttp.class);
                    assertThat(client.toString()).contains("quota=Free 5/min 30/day", "connectTimeout=PT2S",
                            "permitWaitTimeout=PT0S", "transport=JdkTransport").doesNotContain(key);
                    assertThat(client.state().baseUri()).isEqualTo(server.uri());
                    assertThat(client.state().quota()).hasValueSatisfying(q -> assertThat(q.perDay()).hasValue(30));
                });
    }

    @Test
    void aCustomPlanOverridesThePreset() {
        runner.withPropertyValues("nekorekten.api-key=" + key(), "nekorekten.quota.per-minute=7",
                "nekorekten.quota.per-day=70").run(context -> assertThat(context.getBean(NekorektenHttp.class)
                        .state().quota()).hasValueSatisfying(q -> {
                            assertThat(q.perMinute()).isEqualTo(7);
                            assertThat(q.perDay()).hasValue(70);
                        }));
    }

    @Test
    void aDailyCapWithoutAMinuteFigureFailsStartupWithTheProperty() {
        runner.withPropertyValues("nekorekten.api-key=" + key(), "nekorekten.quota.per-day=70").run(context ->
                assertThat(context).getFailure().hasStackTraceContaining("nekorekten.quota.per-minute"));
    }

    @Test
    void theScreeningBeanScreensADemoBuyerThroughTheRealClient() {
        runner.withPropertyValues("nekorekten.api-key=" + key(), "nekorekten.base-uri=" + server.uri())
                .run(context -> assertThat(context.getBean(Screening.class)
                        .screen(Buyer.builder().phone("0888 123 456").build()).verdict()).isEqualTo(Verdict.FOUND));
    }

    @Test
    void everyListenerBeanIsRegisteredAndEveryCustomizerApplied() {
        List<CallEnd> ends = new CopyOnWriteArrayList<>();
        NekorektenListener listener = new NekorektenListener() {
            @Override
            public CallListener callStarted(CallStart call) {
                return new CallListener() {
                    @Override
                    public void callEnded(CallEnd end) {
                        ends.add(end);
                    }
                };
            }
        };
        runner.withPropertyValues("nekorekten.api-key=" + key(), "nekorekten.base-uri=" + server.uri())
                .withBean(NekorektenListener.class, () -> listener)
                .withBean(NekorektenHttpBuilderCustomizer.class, () -> b -> b.quota(QuotaPlan.perMinute(3)))
                .run(context -> {
                    NekorektenHttp client = context.getBean(NekorektenHttp.class);
                    client.cities();
                    assertThat(ends).singleElement().satisfies(end -> assertThat(end.operation().tagValue())
                            .isEqualTo("cities"));
                    assertThat(client.state().quota()).hasValueSatisfying(q -> assertThat(q.perMinute()).isEqualTo(3));
                });
    }

    @Test
    void theNekorektenBeanGivesViewsWithOtherOptionsThatEndWithTheContext() {
        AtomicReference<Nekorekten> checkout = new AtomicReference<>();
        runner.withPropertyValues("nekorekten.api-key=" + key(), "nekorekten.base-uri=" + server.uri())
                .run(context -> {
                    Nekorekten bean = context.getBean(Nekorekten.class);
                    checkout.set(bean.withOptions(CallOptions.interactive()));

                    assertThat(checkout.get()).isInstanceOfSatisfying(NekorektenHttp.class, view -> {
                        assertThat(view.options()).isEqualTo(CallOptions.interactive());
                        assertThat(view.state()).isSameAs(((NekorektenHttp) bean).state());
                    });
                    assertThat(checkout.get().search(SearchCriteria.builder().phone("0888 123 456").build()).reports())
                            .isNotEmpty();
                    checkout.get().close();
                    assertThat(bean.cities()).as("the bean, after a view was closed").isNotEmpty();
                });
        assertThatThrownBy(() -> checkout.get().cities()).as("a view, once the context closed its client")
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void inFakeModeAViewIsTheFakeItself() {
        runner.withPropertyValues("nekorekten.mode=fake").run(context -> {
            Nekorekten bean = context.getBean(Nekorekten.class);
            assertThat(bean.withOptions(CallOptions.batch())).isSameAs(bean);
        });
    }

    @Test
    void anApplicationsOwnNekorektenBeanWins() {
        NekorektenFake own = NekorektenFake.create();
        runner.withPropertyValues("nekorekten.api-key=" + key()).withBean(Nekorekten.class, () -> own)
                .run(context -> {
                    assertThat(context).doesNotHaveBean(NekorektenHttp.class);
                    assertThat(context.getBean(Nekorekten.class)).isSameAs(own);
                    assertThat(context).hasSingleBean(Screening.class);
                });
    }

    @Test
    void fakeModeGivesTheInMemoryFakeWithDemoDataAndSaysSoLoudly(CapturedOutput output) {
        runner.withPropertyValues("nekorekten.mode=fake", "nekorekten.fake.demo-data=true").run(context -> {
            assertThat(context).hasSingleBean(NekorektenFake.class).doesNotHaveBean(NekorektenHttp.class);
            assertThat(context.getBean(Nekorekten.class).search(SearchCriteria.builder().phone("0888 123 456").build())
                    .reports()).isNotEmpty();
        });
        assertThat(output).contains("nekorekten.mode=fake", "IN-MEMORY FAKE", "Never use this mode in production");
    }

    @Test
    void fakeModeNeedsNoKeyAndStartsEmptyUnlessAsked() {
        runner.withPropertyValues("nekorekten.mode=fake").run(context -> assertThat(context.getBean(NekorektenFake.class)
                .reportCount()).isZero());
    }

    @Test
    void withAnObservationRegistryCallsAreTimedAndCounted() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        ObservationRegistry observations = ObservationRegistry.create();
        observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
        runner.withPropertyValues("nekorekten.api-key=" + key(), "nekorekten.base-uri=" + server.uri())
                .withBean(ObservationRegistry.class, () -> observations)
                .withBean(MeterRegistry.class, () -> meters)
                .run(context -> {
                    assertThat(context).hasSingleBean(NekorektenObservability.class);
                    context.getBean(Nekorekten.class).search(SearchCriteria.builder().phone("0888 123 456").build());
                    assertThat(meters.get("nekorekten.client.calls").tag("operation", "search")
                            .tag("outcome", "success").timer().count()).isEqualTo(1);
                    assertThat(meters.get("nekorekten.quota.permits").counter().count()).isEqualTo(1);
                });
    }

    @Test
    void observationCanBeSwitchedOffAndIsAbsentWithoutARegistry() {
        runner.withPropertyValues("nekorekten.api-key=" + key())
                .run(context -> assertThat(context).doesNotHaveBean(NekorektenObservability.class));
        runner.withPropertyValues("nekorekten.api-key=" + key(), "nekorekten.observability.enabled=false")
                .withBean(ObservationRegistry.class, ObservationRegistry::create)
                .run(context -> assertThat(context).doesNotHaveBean(NekorektenObservability.class));
    }

    @Test
    void theConfigurationMetadataDescribesEveryPropertyForIdeCompletion() throws IOException {
        String metadata;
        try (InputStream in = NekorektenAutoConfiguration.class.getResourceAsStream(
                "/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("generated metadata").isNotNull();
            metadata = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(metadata).contains("\"nekorekten.api-key\"", "\"nekorekten.base-uri\"", "\"nekorekten.mode\"",
                "\"nekorekten.quota.plan\"", "\"nekorekten.quota.permit-wait\"", "\"nekorekten.quota.store\"",
                "\"nekorekten.quota.redis.uri\"", "\"nekorekten.quota.redis.fallback-instances\"",
                "\"nekorekten.cache.store\"", "\"nekorekten.cache.redis.lock-lease\"",
                "\"nekorekten.timeouts.call\"", "\"nekorekten.cache.search-ttl\"", "\"nekorekten.transport\"",
                "\"nekorekten.fake.demo-data\"", "\"nekorekten.observability.propagate-trace-context\"",
                "The API key from the nekorekten.com profile page");
    }
}
