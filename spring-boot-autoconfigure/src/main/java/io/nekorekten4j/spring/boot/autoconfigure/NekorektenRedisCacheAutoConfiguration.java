package io.nekorekten4j.spring.boot.autoconfigure;

import io.nekorekten4j.http.NekorektenHttp;
import io.nekorekten4j.redis.RedisResultStore;
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
 * {@code nekorekten.cache.store=redis}: one result cache for every instance of the application, on
 * Redis ({@code nekorekten4j-quota-redis}, an optional dependency). Defines a {@link RedisResultStore}
 * from {@code nekorekten.cache.redis.*} for the answers of {@code nekorekten.base-uri} (closed with the
 * context) and a {@link NekorektenHttpBuilderCustomizer} that installs it in the {@link NekorektenHttp}
 * bean; the cache's TTLs and rules stay those of {@code nekorekten.cache.*}. An application's own
 * {@code RedisResultStore} bean wins.
 */
@AutoConfiguration(before = NekorektenAutoConfiguration.class)
@ConditionalOnClass({NekorektenHttp.class, RedisResultStore.class})
@ConditionalOnProperty(prefix = "nekorekten.cache", name = "store", havingValue = "redis")
@EnableConfigurationProperties(NekorektenProperties.class)
public class NekorektenRedisCacheAutoConfiguration {

    /** The store, built from {@code nekorekten.cache.redis.*}; every bad setting is named at once. */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    RedisResultStore nekorektenRedisResultStore(NekorektenProperties properties) {
        NekorektenProperties.CacheRedis redis = properties.getCache().getRedis();
        List<String> problems = new ArrayList<>();
        RedisResultStore.Builder builder = RedisResultStore.builder();
        if (redis.getUri() == null || redis.getUri().isBlank()) {
            problems.add("nekorekten.cache.redis.uri is required with nekorekten.cache.store=redis "
                    + "(e.g. redis://redis.internal:6379)");
        } else {
            apply(problems, "nekorekten.cache.redis.uri", () -> builder.uri(redis.getUri()));
        }
        apply(problems, "nekorekten.base-uri", () -> builder.service(properties.getBaseUri()));
        apply(problems, "nekorekten.cache.redis.namespace", () -> builder.namespace(redis.getNamespace()));
        if (redis.getKeySecret() != null && !redis.getKeySecret().isEmpty()) {
            apply(problems, "nekorekten.cache.redis.key-secret",
                    () -> builder.keySecret(redis.getKeySecret().getBytes(StandardCharsets.UTF_8)));
        }
        apply(problems, "nekorekten.cache.redis.lock-lease", () -> builder.lockLease(redis.getLockLease()));
        apply(problems, "nekorekten.cache.redis.command-timeout",
                () -> builder.commandTimeout(redis.getCommandTimeout()));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The shared result cache is misconfigured: " + String.join("; ", problems));
        }
        return builder.build();
    }

    /** Installs the store in the client the starter builds. */
    @Bean
    NekorektenHttpBuilderCustomizer nekorektenRedisResultStoreCustomizer(RedisResultStore store) {
        return builder -> builder.cacheStore(store);
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
