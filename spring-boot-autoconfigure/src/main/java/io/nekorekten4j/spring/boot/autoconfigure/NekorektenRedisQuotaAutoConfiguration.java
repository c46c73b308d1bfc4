package io.nekorekten4j.spring.boot.autoconfigure;

import io.nekorekten4j.http.NekorektenHttp;
import io.nekorekten4j.redis.RedisQuotaStore;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * {@code nekorekten.quota.store=redis}: one quota for every instance of the application, on Redis
 * ({@code nekorekten4j-quota-redis}, an optional dependency). Defines a {@link RedisQuotaStore} from
 * {@code nekorekten.quota.redis.*} (closed with the context), a {@link NekorektenHttpBuilderCustomizer}
 * that installs it in the {@link NekorektenHttp} bean, and a {@link QuotaStoreProbe} whose PING the
 * health indicator reports. Runs before {@link NekorektenAutoConfiguration}, whose in-JVM probe then
 * backs off; an application's own {@code RedisQuotaStore} or probe bean wins over these.
 */
@AutoConfiguration(before = NekorektenAutoConfiguration.class)
@ConditionalOnClass({NekorektenHttp.class, RedisQuotaStore.class})
@ConditionalOnProperty(prefix = "nekorekten.quota", name = "store", havingValue = "redis")
@EnableConfigurationProperties(NekorektenProperties.class)
public class NekorektenRedisQuotaAutoConfiguration {

    /** The store, built from {@code nekorekten.quota.redis.*}; every bad setting is named at once. */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    RedisQuotaStore nekorektenRedisQuotaStore(NekorektenProperties properties) {
        NekorektenProperties.Redis redis = properties.getQuota().getRedis();
        List<String> problems = new ArrayList<>();
        RedisQuotaStore.Builder builder = RedisQuotaStore.builder();
        if (redis.getUri() == null || redis.getUri().isBlank()) {
            problems.add("nekorekten.quota.redis.uri is required with nekorekten.quota.store=redis "
                    + "(e.g. redis://redis.internal:6379)");
        } else {
            apply(problems, "nekorekten.quota.redis.uri", () -> builder.uri(redis.getUri()));
        }
        builder.cluster(redis.isCluster());
        apply(problems, "nekorekten.quota.redis.namespace", () -> builder.namespace(redis.getNamespace()));
        if (redis.getKeySecret() != null && !redis.getKeySecret().isEmpty()) {
            apply(problems, "nekorekten.quota.redis.key-secret",
                    () -> builder.keySecret(redis.getKeySecret().getBytes(StandardCharsets.UTF_8)));
        }
        apply(problems, "nekorekten.quota.redis.command-timeout",
                () -> builder.commandTimeout(redis.getCommandTimeout()));
        apply(problems, "nekorekten.quota.redis.connect-timeout",
                () -> builder.connectTimeout(redis.getConnectTimeout()));
        if (redis.getFallbackInstances() != null) {
            apply(problems, "nekorekten.quota.redis.fallback-instances",
                    () -> builder.fallbackToLocalShare(redis.getFallbackInstances()));
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The Redis quota store is misconfigured: " + String.join("; ", problems));
        }
        return builder.build();
    }

    /** Installs the store in the client the starter builds. */
    @Bean
    NekorektenHttpBuilderCustomizer nekorektenRedisQuotaStoreCustomizer(RedisQuotaStore store) {
        return builder -> builder.quotaStore(store);
    }

    /** The health indicator's view of the store: a PING within the command timeout, no quota spent. */
    @Bean
    @ConditionalOnMissingBean
    QuotaStoreProbe nekorektenRedisQuotaStoreProbe(RedisQuotaStore store) {
        return new QuotaStoreProbe() {
            @Override
            public String name() {
                return "redis";
            }

            @Override
            public boolean reachable() {
                return store.reachable();
            }

            @Override
            public String toString() {
                return "QuotaStoreProbe[" + store + "]";
            }
        };
    }

    /** Runs one setter, collecting its complaint (which never repeats a URI or a secret) under the property's name. */
    private static void apply(List<String> problems, String property, Runnable setter) {
        try {
            setter.run();
        } catch (IllegalArgumentException | NullPointerException e) {
            problems.add(property + ": " + e.getMessage());
        }
    }
}
