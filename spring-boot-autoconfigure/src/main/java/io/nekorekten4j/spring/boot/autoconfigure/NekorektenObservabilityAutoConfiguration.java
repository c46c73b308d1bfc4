package io.nekorekten4j.spring.boot.autoconfigure;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.nekorekten4j.micrometer.NekorektenObservability;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Metrics and traces of the client through the application's {@link ObservationRegistry} (and its
 * {@link MeterRegistry} for the quota, cache and circuit meters), when {@code nekorekten4j-micrometer}
 * is on the class path. The trace context is not sent to the service unless
 * {@code nekorekten.observability.propagate-trace-context=true}.
 */
@AutoConfiguration(before = NekorektenAutoConfiguration.class, afterName = {
        "org.springframework.boot.actuate.autoconfigure.observation.ObservationAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration"})
@ConditionalOnClass({NekorektenObservability.class, ObservationRegistry.class, MeterRegistry.class})
@ConditionalOnBean(ObservationRegistry.class)
@ConditionalOnProperty(prefix = "nekorekten.observability", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(NekorektenProperties.class)
public class NekorektenObservabilityAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    NekorektenObservability nekorektenObservability(ObservationRegistry observations,
                                                    ObjectProvider<MeterRegistry> meters,
                                                    NekorektenProperties properties) {
        NekorektenObservability.Builder builder = NekorektenObservability.builder().observationRegistry(observations)
                .propagateTraceContext(properties.getObservability().isPropagateTraceContext());
        MeterRegistry registry = meters.getIfUnique();
        if (registry != null) {
            builder.meterRegistry(registry);
        }
        return builder.build();
    }
}
