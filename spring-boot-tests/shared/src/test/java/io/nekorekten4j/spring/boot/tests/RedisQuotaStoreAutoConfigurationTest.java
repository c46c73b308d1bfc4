package io.nekorekten4j.spring.boot.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.nekorekten4j.domain.SearchCriteria;
import io.nekorekten4j.fakeserver.FakeServer;
import io.nekorekten4j.http.NekorektenHttp;
import io.nekorekten4j.http.QuotaScope;
import io.nekorekten4j.ports.RateLimitWaitExceededException;
import io.nekorekten4j.redis.RedisQuotaStore;
import io.nekorekten4j.redis.RedisResultStore;
import io.nekorekten4j.spring.boot.autoconfigure.NekorektenAutoConfiguration;
import io.nekorekten4j.spring.boot.autoconfigure.NekorektenHealth;
import io.nekorekten4j.spring.boot.autoconfigure.NekorektenHealthAutoConfiguration;
import io.nekorekten4j.spring.boot.autoconfigure.NekorektenObservabilityAutoConfiguration;
import io.nekorekten4j.spring.boot.autoconfigure.NekorektenRedisCacheAutoConfiguration;
import io.nekorekten4j.spring.boot.autoconfigure.NekorektenRedisQuotaAutoConfiguration;
import io.nekorekten4j.spring.boot.autoconfigure.QuotaStoreProbe;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import redis.embedded.RedisServer;

/**
 * {@code nekorekten.quota.store=redis} in a Spring context, against a real {@code redis-server}
 * (the binary inside embedded-redis) on a free loopback port and the fake server: the store is built
 * from the properties, installed in the client, probed by the health check, and two application
 * contexts — two instances of an app — share one quota.
 */
class RedisQuotaStoreAutoConfigurationTest {

    private static final SearchCriteria BUYER = SearchCriteria.builder().phone("0888 123 456").build();

    private static RedisServer redis;
    private static int redisPort;
    private static FakeServer server;

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
            AutoConfigurations.of(NekorektenObservabilityAutoConfiguration.class,
                    NekorektenRedisQuotaAutoConfiguration.class, NekorektenRedisCacheAutoConfiguration.class,
                    NekorektenAutoConfiguration.class,
                    NekorektenHealthAutoConfiguration.class));

    @BeforeAll
    static void start() throws IOException {
        redisPort = freePort();
        redis = RedisServer.newRedisServer().port(redisPort).bind("127.0.0.1").setting("save \"\"")
                .setting("appendonly no").build();
        redis.start();
        server = FakeServer.builder().seedDemoData().build().start();
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
        redis.stop();
    }

    /** Two contexts with one key, one Redis and a plan of 2 a minute: the second sees the first's sends. */
    @Test
    void twoApplicationContextsShareOneQuotaOnRedis() {
        String[] properties = redisProperties("key-" + UUID.randomUUID(), "spring-" + UUID.randomUUID());
        runner.withPropertyValues(properties).run(first -> runner.withPropertyValues(properties).run(second -> {
            assertThat(first).hasSingleBean(RedisQuotaStore.class);
            NekorektenHttp one = first.getBean(NekorektenHttp.class);
            NekorektenHttp two = second.getBean(NekorektenHttp.class);
            assertThat(first.getBean(RedisQuotaStore.class)).isNotSameAs(second.getBean(RedisQuotaStore.class));

            one.search(BUYER);
            one.search(BUYER);

            RateLimitWaitExceededException e = catchThrowableOfType(RateLimitWaitExceededException.class,
                    () -> two.search(BUYER));
            assertThat(e).as("the other instance's third search in the minute").isNotNull();
            assertThat(e.waitNeeded()).isPositive();
            assertThat(server.requestCount()).isGreaterThanOrEqualTo(2);
        }));
    }

    @Test
    void theStoreIsBuiltFromThePropertiesAndWritesOnlyNamespacedHashedKeys() {
        String key = "sk_live_spring-" + UUID.randomUUID();
        String namespace = "spring-" + UUID.randomUUID().toString().substring(0, 8);
        runner.withPropertyValues(redisProperties(key, namespace)).run(context -> {
            RedisQuotaStore store = context.getBean(RedisQuotaStore.class);
            assertThat(store.toString()).contains("127.0.0.1:" + redisPort, "namespace=" + namespace,
                    "commandTimeout=PT5S", "fallback=1/3");
            context.getBean(NekorektenHttp.class).search(BUYER);

            RedisClient inspector = RedisClient.create();
            try (StatefulRedisConnection<String, String> look = inspector.connect(
                    RedisURI.create("redis://127.0.0.1:" + redisPort))) {
                List<String> written = look.sync().keys(namespace + ":*");
                assertThat(written).as("the keys the search's permit wrote").isNotEmpty()
                        .isSubsetOf(store.keysOf(QuotaScope.of(server.uri(), key)))
                        .allSatisfy(name -> {
                            assertThat(name).startsWith(namespace + ":{").doesNotContain(key);
                            assertThat(look.sync().ttl(name)).as("the TTL of " + name).isPositive();
                        });
            } finally {
                inspector.shutdown();
            }
        });
    }

    @Test
    void theHealthCheckPingsTheRedisStore() {
        runner.withPropertyValues(redisProperties("key-" + UUID.randomUUID(), "health")).run(context -> {
            assertThat(context.getBean(QuotaStoreProbe.class).name()).isEqualTo("redis");
            NekorektenHealth.Report report = context.getBean(NekorektenHealth.class).check();
            assertThat(report.details()).containsEntry("quotaStore", Map.of("name", "redis", "reachable", true));
        });
    }

    @Test
    void withoutAUriStartupFailsNamingTheProperty() {
        runner.withPropertyValues("nekorekten.api-key=key-" + UUID.randomUUID(), "nekorekten.quota.store=redis",
                "nekorekten.quota.redis.command-timeout=0s").run(context -> assertThat(context).getFailure()
                        .hasStackTraceContaining("nekorekten.quota.redis.uri is required")
                        .hasStackTraceContaining("nekorekten.quota.redis.command-timeout"));
    }

    @Test
    void aPasswordInTheUriNeverReachesTheStoresDescription() {
        runner.withPropertyValues("nekorekten.api-key=key-" + UUID.randomUUID(), "nekorekten.quota.store=redis",
                "nekorekten.quota.redis.uri=redis://:s3cr3t-pw@127.0.0.1:" + redisPort).run(context -> {
                    assertThat(context.getBean(RedisQuotaStore.class).toString()).doesNotContain("s3cr3t-pw");
                    assertThat(context.getBean(NekorektenHttp.class).toString()).doesNotContain("s3cr3t-pw");
                });
    }

    @Test
    void withoutTheModuleStartupFailsWithAClearMessage() {
        runner.withClassLoader(new FilteredClassLoader(RedisQuotaStore.class))
                .withPropertyValues("nekorekten.api-key=key-" + UUID.randomUUID(), "nekorekten.quota.store=redis")
                .run(context -> assertThat(context).getFailure()
                        .hasStackTraceContaining("nekorekten4j-quota-redis"));
    }

    /** nekorekten.cache.store=redis: a buyer one instance screened is the other instance's cache hit. */
    @Test
    void twoApplicationContextsShareOneResultCacheOnRedis() {
        String[] properties = {"nekorekten.api-key=key-" + UUID.randomUUID(), "nekorekten.base-uri=" + server.uri(),
            "nekorekten.cache.store=redis", "nekorekten.cache.redis.uri=redis://127.0.0.1:" + redisPort,
            "nekorekten.cache.redis.namespace=cache-" + UUID.randomUUID().toString().substring(0, 8),
            "nekorekten.cache.redis.key-secret=a-secret-of-at-least-16-chars",
            "nekorekten.cache.redis.command-timeout=5s"};
        SearchCriteria buyer = SearchCriteria.builder().phone("0899 " + (100_000 + (int) (Math.random() * 800_000)))
                .build();
        runner.withPropertyValues(properties).run(first -> runner.withPropertyValues(properties).run(second -> {
            assertThat(first).hasSingleBean(RedisResultStore.class).doesNotHaveBean(RedisQuotaStore.class);
            long before = server.requestCount();
            first.getBean(NekorektenHttp.class).search(buyer);
            assertThat(server.requestCount() - before).as("the first instance's search").isEqualTo(1);

            second.getBean(NekorektenHttp.class).search(buyer);

            assertThat(server.requestCount() - before).as("the second instance's identical search").isEqualTo(1);
        }));
    }

    @Test
    void aSharedCacheWithoutItsUriOrModuleFailsStartupNamingWhatIsMissing() {
        runner.withPropertyValues("nekorekten.api-key=key-" + UUID.randomUUID(), "nekorekten.cache.store=redis")
                .run(context -> assertThat(context).getFailure()
                        .hasStackTraceContaining("nekorekten.cache.redis.uri is required"));
        runner.withClassLoader(new FilteredClassLoader(RedisResultStore.class))
                .withPropertyValues("nekorekten.api-key=key-" + UUID.randomUUID(), "nekorekten.cache.store=redis")
                .run(context -> assertThat(context).getFailure()
                        .hasStackTraceContaining("nekorekten.cache.store=redis")
                        .hasStackTraceContaining("nekorekten4j-quota-redis"));
    }

    @Test
    void theJvmStoreNeedsNoRedis() {
        runner.withPropertyValues("nekorekten.api-key=key-" + UUID.randomUUID(), "nekorekten.base-uri=" + server.uri())
                .run(context -> {
                    assertThat(context).doesNotHaveBean(RedisQuotaStore.class).doesNotHaveBean(RedisResultStore.class);
                    assertThat(context.getBean(QuotaStoreProbe.class).name()).isEqualTo("jvm");
                });
    }

    private static String[] redisProperties(String apiKey, String namespace) {
        return new String[] {"nekorekten.api-key=" + apiKey, "nekorekten.base-uri=" + server.uri(),
                "nekorekten.quota.store=redis", "nekorekten.quota.redis.uri=redis://127.0.0.1:" + redisPort,
                "nekorekten.quota.redis.namespace=" + namespace, "nekorekten.quota.redis.command-timeout=5s",
                "nekorekten.quota.redis.connect-timeout=5s", "nekorekten.quota.redis.fallback-instances=3",
                "nekorekten.quota.redis.key-secret=a-secret-of-at-least-16-chars",
                "nekorekten.quota.per-minute=2", "nekorekten.quota.permit-wait=0s", "nekorekten.cache.enabled=false"};
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }
}
