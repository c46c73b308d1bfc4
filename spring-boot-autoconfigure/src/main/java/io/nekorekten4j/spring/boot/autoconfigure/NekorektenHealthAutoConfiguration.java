package io.nekorekten4j.spring.boot.autoconfigure;

import io.nekorekten4j.http.NekorektenHttp;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code nekorekten} health indicator of the HTTP client, for Spring Boot 3's actuator or
 * Spring Boot 4's health module, whichever is present. It reads what the client already knows
 * and never calls the service. {@code management.health.nekorekten.enabled=false} turns it off.
 */
@AutoConfiguration(after = NekorektenAutoConfiguration.class)
@ConditionalOnBean({NekorektenHttp.class, NekorektenHealthRecorder.class, QuotaStoreProbe.class})
@ConditionalOnProperty(name = "management.health.nekorekten.enabled", matchIfMissing = true)
public class NekorektenHealthAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    NekorektenHealth nekorektenHealth(NekorektenHttp client, NekorektenHealthRecorder recorder, QuotaStoreProbe store) {
        return new NekorektenHealth(client.state(), recorder, store);
    }

    /** Spring Boot 4: {@code org.springframework.boot.health.contributor}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
    static class Boot4 {
        @Bean
        @ConditionalOnMissingBean(name = "nekorektenHealthIndicator")
        Boot4NekorektenHealthIndicator nekorektenHealthIndicator(NekorektenHealth health) {
            return new Boot4NekorektenHealthIndicator(health);
        }
    }

    /** Spring Boot 3: {@code org.springframework.boot.actuate.health}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.actuate.health.HealthIndicator")
    static class Boot3 {
        @Bean
        @ConditionalOnMissingBean(name = "nekorektenHealthIndicator")
        Boot3NekorektenHealthIndicator nekorektenHealthIndicator(NekorektenHealth health) {
            return new Boot3NekorektenHealthIndicator(health);
        }
    }
}
