package io.nekorekten4j.spring.boot.autoconfigure;

import io.nekorekten4j.ports.ServiceFacts;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code nekorekten.*} settings of the Spring Boot starter. Only {@code nekorekten.api-key} is
 * needed for the real service; {@code nekorekten.mode=fake} runs the in-memory fake instead.
 * {@link #toString()} never shows the key.
 */
@ConfigurationProperties(prefix = "nekorekten")
public class NekorektenProperties {

    /** Which adapter the {@code Nekorekten} bean is. */
    public enum Mode {
        /** The real service over HTTP ({@code NekorektenHttp}); needs an API key. */
        HTTP,
        /** The in-memory fake ({@code NekorektenFake}): nothing is sent anywhere. For local runs only. */
        FAKE
    }

    /** Which wire the HTTP client uses. */
    public enum TransportKind {
        /** Apache HttpClient 5 (the default). */
        APACHE,
        /** The JDK's java.net.http client. */
        JDK
    }

    /** Where the result cache keeps search answers. */
    public enum CacheStoreKind {
        /** In this JVM's memory. */
        MEMORY,
        /** On Redis, shared by every instance of the app (needs the quota-redis module). */
        REDIS
    }

    /** Where the quota's sliding log is kept. */
    public enum QuotaStoreKind {
        /** In this JVM: every client of a key in this process shares one gate. */
        JVM,
        /**
         * Shared by every instance of the app on Redis: needs {@code nekorekten4j-quota-redis} on the
         * class path and {@code nekorekten.quota.redis.uri}.
         */
        REDIS
    }

    /**
     * The API key from the nekorekten.com profile page. The Nekorekten bean (HTTP mode) is created
     * only when it is set. Never logged or shown.
     */
    private String apiKey;

    /** The service's base URI; plain http only for loopback addresses. */
    private URI baseUri = ServiceFacts.BASE_URI;

    /** http: the real service; fake: the in-memory fake (loudly logged, never for production). */
    private Mode mode = Mode.HTTP;

    /** The wire of the HTTP client. */
    private TransportKind transport = TransportKind.APACHE;

    private final Quota quota = new Quota();
    private final Timeouts timeouts = new Timeouts();
    private final Cache cache = new Cache();
    private final Fake fake = new Fake();
    private final Observability observability = new Observability();

    /**
     * The API key from the nekorekten.com profile page. The Nekorekten bean (HTTP mode) is created only when
     * it is set. Never logged or shown.
     */
    public String getApiKey() {
        return apiKey;
    }

    /** Sets {@link #getApiKey()}. */
    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    /** The service's base URI; plain http only for loopback addresses. */
    public URI getBaseUri() {
        return baseUri;
    }

    /** Sets {@link #getBaseUri()}. */
    public void setBaseUri(URI baseUri) {
        this.baseUri = baseUri;
    }

    /** http: the real service; fake: the in-memory fake (loudly logged, never for production). */
    public Mode getMode() {
        return mode;
    }

    /** Sets {@link #getMode()}. */
    public void setMode(Mode mode) {
        this.mode = mode;
    }

    /** The wire of the HTTP client. */
    public TransportKind getTransport() {
        return transport;
    }

    /** Sets {@link #getTransport()}. */
    public void setTransport(TransportKind transport) {
        this.transport = transport;
    }

    /** The quota settings. */
    public Quota getQuota() {
        return quota;
    }

    /** The timeouts settings. */
    public Timeouts getTimeouts() {
        return timeouts;
    }

    /** The cache settings. */
    public Cache getCache() {
        return cache;
    }

    /** The fake settings. */
    public Fake getFake() {
        return fake;
    }

    /** The observability settings. */
    public Observability getObservability() {
        return observability;
    }

    /** The settings, never the key (only whether one is set). */
    @Override
    public String toString() {
        return "NekorektenProperties[mode=" + mode + ", apiKey=" + (apiKey == null || apiKey.isBlank() ? "unset" : "set")
                + ", baseUri=" + baseUri + ", transport=" + transport + ", quota.plan=" + quota.plan
                + ", quota.store=" + quota.store + "]";
    }

    /** The key's plan and how long a call may wait for a permit. */
    public static class Quota {

        /**
         * The key's plan: Default (10/min), Free (5/min, 30/day), Start (10/min, 100/day), Standard
         * (20/min, 300/day) or Business (60/min, 1000/day). Ignored when per-minute is set.
         */
        private String plan = "Default";

        /** A custom plan's requests per minute (overrides plan). */
        private Integer perMinute;

        /** A custom plan's requests per day (with per-minute; empty for no daily cap). */
        private Integer perDay;

        /** The longest a call waits for a quota permit before failing with RateLimitWaitExceededException. */
        private Duration permitWait = Duration.ofSeconds(30);

        /** Where the quota is kept: jvm (this process) or redis (every instance of the app). */
        private QuotaStoreKind store = QuotaStoreKind.JVM;

        private final Redis redis = new Redis();

        /** The Redis store's settings (with store=redis). */
        public Redis getRedis() {
            return redis;
        }

        /**
         * The key's plan: Default (10/min), Free (5/min, 30/day), Start (10/min, 100/day), Standard (20/min,
         * 300/day) or Business (60/min, 1000/day). Ignored when per-minute is set.
         */
        public String getPlan() {
            return plan;
        }

        /** Sets {@link #getPlan()}. */
        public void setPlan(String plan) {
            this.plan = plan;
        }

        /** A custom plan's requests per minute (overrides plan). */
        public Integer getPerMinute() {
            return perMinute;
        }

        /** Sets {@link #getPerMinute()}. */
        public void setPerMinute(Integer perMinute) {
            this.perMinute = perMinute;
        }

        /** A custom plan's requests per day (with per-minute; empty for no daily cap). */
        public Integer getPerDay() {
            return perDay;
        }

        /** Sets {@link #getPerDay()}. */
        public void setPerDay(Integer perDay) {
            this.perDay = perDay;
        }

        /** The longest a call waits for a quota permit before failing with RateLimitWaitExceededException. */
        public Duration getPermitWait() {
            return permitWait;
        }

        /** Sets {@link #getPermitWait()}. */
        public void setPermitWait(Duration permitWait) {
            this.permitWait = permitWait;
        }

        /** Where the quota is kept: jvm (this process) or redis (every instance of the app). */
        public QuotaStoreKind getStore() {
            return store;
        }

        /** Sets {@link #getStore()}. */
        public void setStore(QuotaStoreKind store) {
            this.store = store;
        }
    }

    /**
     * The Redis quota store of {@code nekorekten.quota.store=redis} ({@code nekorekten4j-quota-redis}).
     * {@link #toString()} shows neither a password in the URI nor the key secret.
     */
    public static class Redis {

        /**
         * Where Redis is: redis://[:password@]host[:port][/db], rediss://... (TLS) or
         * redis-sentinel://host1:26379,host2:26379/0#masterName. Required with store=redis.
         */
        private String uri;

        /** Whether the URI names a node of a Redis Cluster (Lettuce's cluster client then finds the others). */
        private boolean cluster;

        /** The first part of every Redis key: give each environment sharing a Redis its own. */
        private String namespace = "nekorekten4j:quota";

        /**
         * The secret of the keyed hash that names the Redis keys (at least 16 characters, the same on
         * every instance). Empty: one derived from the namespace.
         */
        private String keySecret;

        /** The bound of every Redis command; past it a call fails with QuotaStoreUnavailableException. */
        private Duration commandTimeout = Duration.ofMillis(500);

        /** The bound of opening a connection to Redis. */
        private Duration connectTimeout = Duration.ofSeconds(2);

        /**
         * Opt-in: while Redis is unreachable, each instance goes on alone with the plan divided by
         * this declared number of instances, instead of failing calls. Empty: no fallback.
         */
        private Integer fallbackInstances;

        /**
         * Where Redis is: redis://[:password@]host[:port][/db], rediss://... (TLS) or redis-
         * sentinel://host1:26379,host2:26379/0#masterName. Required with store=redis.
         */
        public String getUri() {
            return uri;
        }

        /** Sets {@link #getUri()}. */
        public void setUri(String uri) {
            this.uri = uri;
        }

        /** Whether the URI names a node of a Redis Cluster (Lettuce's cluster client then finds the others). */
        public boolean isCluster() {
            return cluster;
        }

        /** Sets {@link #isCluster()}. */
        public void setCluster(boolean cluster) {
            this.cluster = cluster;
        }

        /** The first part of every Redis key: give each environment sharing a Redis its own. */
        public String getNamespace() {
            return namespace;
        }

        /** Sets {@link #getNamespace()}. */
        public void setNamespace(String namespace) {
            this.namespace = namespace;
        }

        /**
         * The secret of the keyed hash that names the Redis keys (at least 16 characters, the same on every
         * instance). Empty: one derived from the namespace.
         */
        public String getKeySecret() {
            return keySecret;
        }

        /** Sets {@link #getKeySecret()}. */
        public void setKeySecret(String keySecret) {
            this.keySecret = keySecret;
        }

        /** The bound of every Redis command; past it a call fails with QuotaStoreUnavailableException. */
        public Duration getCommandTimeout() {
            return commandTimeout;
        }

        /** Sets {@link #getCommandTimeout()}. */
        public void setCommandTimeout(Duration commandTimeout) {
            this.commandTimeout = commandTimeout;
        }

        /** The bound of opening a connection to Redis. */
        public Duration getConnectTimeout() {
            return connectTimeout;
        }

        /** Sets {@link #getConnectTimeout()}. */
        public void setConnectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
        }

        /**
         * Opt-in: while Redis is unreachable, each instance goes on alone with the plan divided by this
         * declared number of instances, instead of failing calls. Empty: no fallback.
         */
        public Integer getFallbackInstances() {
            return fallbackInstances;
        }

        /** Sets {@link #getFallbackInstances()}. */
        public void setFallbackInstances(Integer fallbackInstances) {
            this.fallbackInstances = fallbackInstances;
        }

        /** The settings, never a password nor the key secret (only whether one is set). */
        @Override
        public String toString() {
            return "Redis[uri=" + (uri == null ? "unset" : "set") + ", cluster=" + cluster + ", namespace=" + namespace
                    + ", keySecret=" + (keySecret == null || keySecret.isEmpty() ? "derived" : "set")
                    + ", commandTimeout=" + commandTimeout + ", connectTimeout=" + connectTimeout
                    + ", fallbackInstances=" + (fallbackInstances == null ? "none" : fallbackInstances) + "]";
        }
    }

    /**
     * The shared result cache of {@code nekorekten.cache.store=redis} ({@code RedisResultStore} of
     * {@code nekorekten4j-quota-redis}). {@link #toString()} shows neither a password nor the secret.
     */
    public static class CacheRedis {

        /** Where Redis is (redis://, rediss://, redis-sentinel://). Required with cache.store=redis. */
        private String uri;

        /** The first part of every Redis key of the cache: one per application and environment. */
        private String namespace = "nekorekten4j:cache";

        /** The secret of the keyed hash that names the keys (at least 16 characters, the same everywhere). */
        private String keySecret;

        /** How long identical lookups on other instances wait for one instance's answer. */
        private Duration lockLease = Duration.ofSeconds(5);

        /** The bound of every Redis command; a lookup past it is a miss. */
        private Duration commandTimeout = Duration.ofMillis(500);

        /** Where Redis is (redis://, rediss://, redis-sentinel://). Required with cache.store=redis. */
        public String getUri() {
            return uri;
        }

        /** Sets {@link #getUri()}. */
        public void setUri(String uri) {
            this.uri = uri;
        }

        /** The first part of every Redis key of the cache: one per application and environment. */
        public String getNamespace() {
            return namespace;
        }

        /** Sets {@link #getNamespace()}. */
        public void setNamespace(String namespace) {
            this.namespace = namespace;
        }

        /** The secret of the keyed hash that names the keys (at least 16 characters, the same everywhere). */
        public String getKeySecret() {
            return keySecret;
        }

        /** Sets {@link #getKeySecret()}. */
        public void setKeySecret(String keySecret) {
            this.keySecret = keySecret;
        }

        /** How long identical lookups on other instances wait for one instance's answer. */
        public Duration getLockLease() {
            return lockLease;
        }

        /** Sets {@link #getLockLease()}. */
        public void setLockLease(Duration lockLease) {
            this.lockLease = lockLease;
        }

        /** The bound of every Redis command; a lookup past it is a miss. */
        public Duration getCommandTimeout() {
            return commandTimeout;
        }

        /** Sets {@link #getCommandTimeout()}. */
        public void setCommandTimeout(Duration commandTimeout) {
            this.commandTimeout = commandTimeout;
        }

        /** The settings, never a password nor the key secret (only whether one is set). */
        @Override
        public String toString() {
            return "CacheRedis[uri=" + (uri == null ? "unset" : "set") + ", namespace=" + namespace + ", keySecret="
                    + (keySecret == null || keySecret.isEmpty() ? "derived" : "set") + ", lockLease=" + lockLease
                    + ", commandTimeout=" + commandTimeout + "]";
        }
    }

    /** Timeouts of each attempt and of the whole call. */
    public static class Timeouts {

        /** Per attempt: how long to wait for a connection. */
        private Duration connect = Duration.ofSeconds(5);

        /** Per attempt: how long to wait between bytes of the answer. */
        private Duration response = Duration.ofSeconds(15);

        /** The whole call: permit waits, attempts and backoffs. */
        private Duration call = Duration.ofSeconds(60);

        /** Per attempt: how long to wait for a connection. */
        public Duration getConnect() {
            return connect;
        }

        /** Sets {@link #getConnect()}. */
        public void setConnect(Duration connect) {
            this.connect = connect;
        }

        /** Per attempt: how long to wait between bytes of the answer. */
        public Duration getResponse() {
            return response;
        }

        /** Sets {@link #getResponse()}. */
        public void setResponse(Duration response) {
            this.response = response;
        }

        /** The whole call: permit waits, attempts and backoffs. */
        public Duration getCall() {
            return call;
        }

        /** Sets {@link #getCall()}. */
        public void setCall(Duration call) {
            this.call = call;
        }
    }

    /** The client's result cache and single-flight. */
    public static class Cache {

        /** Whether searches and cities are cached and identical concurrent calls shared. */
        private boolean enabled = true;

        /** How long a search answer is kept. */
        private Duration searchTtl = Duration.ofMinutes(10);

        /** How long the cities are kept. */
        private Duration citiesTtl = Duration.ofHours(24);

        /** The most search answers kept (in memory). */
        private long maximumSize = 10_000;

        /**
         * Where search answers are kept: memory (this process) or redis (shared by every instance of
         * the app; needs nekorekten4j-quota-redis and nekorekten.cache.redis.uri).
         */
        private CacheStoreKind store = CacheStoreKind.MEMORY;

        private final CacheRedis redis = new CacheRedis();

        /**
         * Where search answers are kept: memory (this process) or redis (shared by every instance of the app;
         * needs nekorekten4j-quota-redis and nekorekten.cache.redis.uri).
         */
        public CacheStoreKind getStore() {
            return store;
        }

        /** Sets {@link #getStore()}. */
        public void setStore(CacheStoreKind store) {
            this.store = store;
        }

        /** The shared Redis cache's settings (with store=redis). */
        public CacheRedis getRedis() {
            return redis;
        }

        /** Whether searches and cities are cached and identical concurrent calls shared. */
        public boolean isEnabled() {
            return enabled;
        }

        /** Sets {@link #isEnabled()}. */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /** How long a search answer is kept. */
        public Duration getSearchTtl() {
            return searchTtl;
        }

        /** Sets {@link #getSearchTtl()}. */
        public void setSearchTtl(Duration searchTtl) {
            this.searchTtl = searchTtl;
        }

        /** How long the cities are kept. */
        public Duration getCitiesTtl() {
            return citiesTtl;
        }

        /** Sets {@link #getCitiesTtl()}. */
        public void setCitiesTtl(Duration citiesTtl) {
            this.citiesTtl = citiesTtl;
        }

        /** The most search answers kept (in memory). */
        public long getMaximumSize() {
            return maximumSize;
        }

        /** Sets {@link #getMaximumSize()}. */
        public void setMaximumSize(long maximumSize) {
            this.maximumSize = maximumSize;
        }
    }

    /** The in-memory fake of mode=fake. */
    public static class Fake {

        /** Whether the fake starts with its twelve invented demo reports. */
        private boolean demoData;

        /** Whether the fake starts with its twelve invented demo reports. */
        public boolean isDemoData() {
            return demoData;
        }

        /** Sets {@link #isDemoData()}. */
        public void setDemoData(boolean demoData) {
            this.demoData = demoData;
        }
    }

    /**
     * Metrics and tracing through Micrometer (when nekorekten4j-micrometer and an ObservationRegistry are
     * present).
     */
    public static class Observability {

        /** Whether calls are observed (timers, spans, quota/cache/circuit meters). */
        private boolean enabled = true;

        /**
         * Whether the trace context (W3C traceparent) is sent to the service. Off: the service is a
         * third party and learns nothing of your traces.
         */
        private boolean propagateTraceContext;

        /** Whether calls are observed (timers, spans, quota/cache/circuit meters). */
        public boolean isEnabled() {
            return enabled;
        }

        /** Sets {@link #isEnabled()}. */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /**
         * Whether the trace context (W3C traceparent) is sent to the service. Off: the service is a third
         * party and learns nothing of your traces.
         */
        public boolean isPropagateTraceContext() {
            return propagateTraceContext;
        }

        /** Sets {@link #isPropagateTraceContext()}. */
        public void setPropagateTraceContext(boolean propagateTraceContext) {
            this.propagateTraceContext = propagateTraceContext;
        }
    }
}
