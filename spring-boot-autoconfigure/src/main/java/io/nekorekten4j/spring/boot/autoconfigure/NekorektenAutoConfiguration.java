package io.nekorekten4j.spring.boot.autoconfigure;

import io.nekorekten4j.fake.NekorektenFake;
import io.nekorekten4j.cache.CacheOptions;
import io.nekorekten4j.http.JdkTransport;
import io.nekorekten4j.http.NekorektenHttp;
import io.nekorekten4j.http.NekorektenListener;
import io.nekorekten4j.ports.Nekorekten;
import io.nekorekten4j.ports.QuotaPlan;
import io.nekorekten4j.ports.screening.Screening;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import org.springframework.util.ClassUtils;

/**
 * The {@link Nekorekten} bean from the {@code nekorekten.*} properties:
 * <ul>
 *   <li>{@code nekorekten.mode=http} (the default) and {@code nekorekten.api-key} set (not blank): a
 *       {@link NekorektenHttp} with every {@link NekorektenListener} bean registered (metrics,
 *       tracing, the health recorder) and every {@link NekorektenHttpBuilderCustomizer} applied;</li>
 *   <li>{@code nekorekten.mode=fake}: the in-memory {@link NekorektenFake} (with the demo reports
 *       when {@code nekorekten.fake.demo-data=true}), announced by a WARN line at startup — nothing is
 *       sent anywhere, and its verdicts are invented;</li>
 *   <li>a {@link Screening} over whichever {@code Nekorekten} bean there is.</li>
 * </ul>
 * Each bean backs off when the application defines its own.
 */
@AutoConfiguration
@ConditionalOnClass(Nekorekten.class)
@EnableConfigurationProperties(NekorektenProperties.class)
public class NekorektenAutoConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(NekorektenAutoConfiguration.class);

    /** The real service over HTTP. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(NekorektenHttp.class)
    @ConditionalOnProperty(prefix = "nekorekten", name = "mode", havingValue = "http", matchIfMissing = true)
    static class HttpClientConfiguration {

        @Bean
        @ConditionalOnMissingBean
        NekorektenHealthRecorder nekorektenHealthRecorder() {
            return new NekorektenHealthRecorder();
        }

        @Bean
        @ConditionalOnMissingBean
        QuotaStoreProbe nekorektenQuotaStoreProbe(NekorektenProperties properties) {
            if (properties.getQuota().getStore() == NekorektenProperties.QuotaStoreKind.REDIS) {
                // Reached only when NekorektenRedisQuotaAutoConfiguration did not apply: the module is missing.
                throw new IllegalStateException("nekorekten.quota.store=redis needs the Redis quota store: add "
                        + "io.nekorekten4j:nekorekten4j-quota-redis to the application's dependencies and set "
                        + "nekorekten.quota.redis.uri (or define a QuotaStoreProbe and a NekorektenHttpBuilderCustomizer "
                        + "bean that installs a store of your own), or set nekorekten.quota.store=jvm");
            }
            return QuotaStoreProbe.JVM;
        }

        @Bean(destroyMethod = "close")
        @ConditionalOnMissingBean(Nekorekten.class)
        @Conditional(OnApiKeyCondition.class)
        NekorektenHttp nekorekten(NekorektenProperties properties, ObjectProvider<NekorektenListener> listeners,
                                  ObjectProvider<NekorektenHttpBuilderCustomizer> customizers,
                                  QuotaStoreProbe quotaStore, ResourceLoader resources) {
            NekorektenHttp.Builder builder = NekorektenHttp.builder()
                    .apiKey(properties.getApiKey())
                    .baseUri(properties.getBaseUri())
                    .quota(plan(properties.getQuota()))
                    .permitWaitTimeout(properties.getQuota().getPermitWait())
                    .connectTimeout(properties.getTimeouts().getConnect())
                    .responseTimeout(properties.getTimeouts().getResponse())
                    .callTimeout(properties.getTimeouts().getCall())
                    .cache(cache(properties.getCache()));
            if (properties.getTransport() == NekorektenProperties.TransportKind.JDK) {
                builder.transport(JdkTransport.builder().build());
            } // else the builder's default, Apache HttpClient 5, made only if no customizer sets another
            if (properties.getCache().getStore() == NekorektenProperties.CacheStoreKind.REDIS
                    && !ClassUtils.isPresent("io.nekorekten4j.redis.RedisResultStore", resources.getClassLoader())) {
                // Reached only when NekorektenRedisCacheAutoConfiguration could not apply: the module is missing.
                throw new IllegalStateException("nekorekten.cache.store=redis needs the shared result cache: add "
                        + "io.nekorekten4j:nekorekten4j-quota-redis to the application's dependencies and set "
                        + "nekorekten.cache.redis.uri, or set nekorekten.cache.store=memory");
            }
            listeners.orderedStream().forEach(builder::listener);
            customizers.orderedStream().forEach(c -> c.customize(builder));
            NekorektenHttp client = builder.build();
            LOG.info("nekorekten4j: {} (quota store: {})", client, quotaStore.name());
            return client;
        }

        static QuotaPlan plan(NekorektenProperties.Quota quota) {
            if (quota.getPerMinute() != null) {
                return quota.getPerDay() == null ? QuotaPlan.perMinute(quota.getPerMinute())
                        : QuotaPlan.of(quota.getPerMinute(), quota.getPerDay());
            }
            if (quota.getPerDay() != null) {
                throw new IllegalArgumentException("nekorekten.quota.per-day needs nekorekten.quota.per-minute too");
            }
            return QuotaPlan.preset(quota.getPlan());
        }

        static CacheOptions cache(NekorektenProperties.Cache cache) {
            if (!cache.isEnabled()) {
                return CacheOptions.disabled();
            }
            return CacheOptions.builder().searchTtl(cache.getSearchTtl()).citiesTtl(cache.getCitiesTtl())
                    .maximumSize(cache.getMaximumSize()).build();
        }
    }

    /** The in-memory fake, for local runs. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(NekorektenFake.class)
    @ConditionalOnProperty(prefix = "nekorekten", name = "mode", havingValue = "fake")
    static class FakeConfiguration {

        @Bean
        @ConditionalOnMissingBean(Nekorekten.class)
        NekorektenFake nekorekten(NekorektenProperties properties) {
            NekorektenFake fake = NekorektenFake.create();
            if (properties.getFake().isDemoData()) {
                fake.seedDemoData();
            }
            LOG.warn("*** nekorekten.mode=fake: the Nekorekten bean is an IN-MEMORY FAKE{}. Nothing is sent to "
                    + "nekorekten.com and every verdict is invented. Never use this mode in production. ***",
                    properties.getFake().isDemoData() ? " with invented demo reports" : "");
            return fake;
        }
    }

    /** Screening of buyers over the Nekorekten bean. */
    @Bean
    @ConditionalOnBean(Nekorekten.class)
    @ConditionalOnMissingBean
    Screening nekorektenScreening(Nekorekten nekorekten) {
        return Screening.of(nekorekten);
    }
}
