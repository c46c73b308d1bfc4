package io.nekorekten4j.spring.boot.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nekorekten4j.domain.SearchCriteria;
import io.nekorekten4j.fakeserver.FakeServer;
import io.nekorekten4j.ports.Nekorekten;
import io.nekorekten4j.spring.boot.autoconfigure.Boot4NekorektenHealthIndicator;
import io.nekorekten4j.spring.boot.autoconfigure.NekorektenAutoConfiguration;
import io.nekorekten4j.spring.boot.autoconfigure.NekorektenHealthAutoConfiguration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/** Spring Boot 4's health API ({@code org.springframework.boot.health.contributor}): the indicator, its statuses, and how to turn it off. */
class Boot4HealthIndicatorTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
            AutoConfigurations.of(NekorektenAutoConfiguration.class, NekorektenHealthAutoConfiguration.class));

    @Test
    void theIndicatorIsUpThenDownWhenTheServiceRefusesTheKey() {
        String key = "b4-" + UUID.randomUUID();
        try (FakeServer server = FakeServer.builder().build().start()) {
            runner.withPropertyValues("nekorekten.api-key=" + key, "nekorekten.base-uri=" + server.uri()).run(context -> {
                assertThat(context).hasSingleBean(Boot4NekorektenHealthIndicator.class);
                HealthIndicator indicator = context.getBean("nekorektenHealthIndicator", HealthIndicator.class);
                assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
                server.fake().refuseKey(key);
                assertThatThrownBy(() -> context.getBean(Nekorekten.class)
                        .search(SearchCriteria.builder().phone("0888 123 456").build()));

                assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);
                assertThat(indicator.health().getDetails()).containsKey("keyRefusedAt");
                assertThat(indicator.health().toString()).doesNotContain(key);
            });
        }
    }

    @Test
    void aFailureOfTheServiceIsDegraded() {
        try (FakeServer server = FakeServer.builder().build().start()) {
            runner.withPropertyValues("nekorekten.api-key=b4-" + UUID.randomUUID(), "nekorekten.base-uri=" + server.uri(),
                    "nekorekten.cache.enabled=false").run(context -> {
                server.fake().failNext(3, io.nekorekten4j.ports.ErrorCode.SERVICE_UNAVAILABLE);
                assertThatThrownBy(() -> context.getBean(Nekorekten.class)
                        .search(SearchCriteria.builder().phone("0888 123 456").build()));

                assertThat(context.getBean(HealthIndicator.class).health().getStatus().getCode()).isEqualTo("DEGRADED");
            });
        }
    }

    @Test
    void itCanBeTurnedOffAndIsAbsentInFakeMode() {
        runner.withPropertyValues("nekorekten.api-key=b4-" + UUID.randomUUID(), "management.health.nekorekten.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(HealthIndicator.class));
        runner.withPropertyValues("nekorekten.mode=fake")
                .run(context -> assertThat(context).doesNotHaveBean(HealthIndicator.class));
    }
}
