package io.nekorekten4j.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisScriptingCommands;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.nekorekten4j.http.LocalQuotaStore;
import io.nekorekten4j.http.QuotaDecision;
import io.nekorekten4j.http.QuotaLimits;
import io.nekorekten4j.http.QuotaPermit;
import io.nekorekten4j.http.QuotaScope;
import io.nekorekten4j.http.QuotaStore;
import io.nekorekten4j.ports.ErrorContext;
import io.nekorekten4j.ports.QuotaStoreUnavailableException;
import io.nekorekten4j.ports.ServiceFacts;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One quota for every instance of an application: a {@link QuotaStore} on Redis. Select it with
 * one builder call:
 * <pre>{@code
 * RedisQuotaStore quota = RedisQuotaStore.create("redis://redis.internal:6379");   // close it on shutdown
 * NekorektenHttp api = NekorektenHttp.builder().apiKey(key).quotaStore(quota).build();
 * }</pre>
 *
 * <h2>What it guarantees</h2>
 * The rule of {@link QuotaStore} — at most {@code permits} requests in any window of the plan's
 * length, anchored on answers, and the daily cap over the Sofia day and the last 24 hours — for all
 * instances together: one Lua script checks and records each permit atomically, and reads the time
 * from Redis ({@code TIME}), so instances whose clocks disagree (by seconds) still agree on the
 * quota. A 429's {@code Retry-After} pauses every instance.
 *
 * <h2>What it writes</h2>
 * Per API key and service origin, four keys {@code <namespace>:{<digest>}:open|log|day|meta},
 * where {@code <digest>} is an HMAC-SHA256 of the origin and the key's SHA-256 under the
 * {@linkplain Builder#keySecret key secret}: never the key, nor anything that lets one test a guess
 * of it without the secret. The braces are a Redis Cluster hash tag: the four keys live in one slot.
 * They hold permit ids (random UUIDs) and instants, nothing else; every write sets a TTL of 49 hours
 * (the longest the daily cap looks back, plus a day), so an unused key disappears.
 *
 * <h2>When Redis is down or slow</h2>
 * Every command has a bounded timeout ({@linkplain Builder#commandTimeout default 500 ms}); a
 * permit that cannot be had in time fails with {@link QuotaStoreUnavailableException} and nothing
 * is sent — a screening then reports the buyer {@code NOT_CHECKED}, never clean. Sending resumes
 * on its own when Redis answers again (Lettuce reconnects; a store that could not connect at all
 * tries again on the next call). Opt-in, {@link Builder#fallbackToLocalShare(int)} lets each
 * instance go on alone with a conservative share of the plan (each figure divided by the declared
 * number of instances) while Redis is unreachable; see there for its one caveat.
 *
 * <h2>Redis Sentinel and Cluster</h2>
 * Through Lettuce's own support: a Sentinel URI
 * ({@code redis-sentinel://sentinel1:26379,sentinel2:26379/0#mymaster}) with {@link #create(String)},
 * a Cluster with {@link Builder#cluster(boolean)} and any node's URI ({@code redis://node1:6379}).
 * TLS: {@code rediss://}. A password in the URI is never logged or put in a message.
 *
 * <p>Thread safe; share one store among all clients of the JVM and {@link #close()} it on shutdown.
 */
public final class RedisQuotaStore implements QuotaStore {

    /** The default namespace, the first part of every key. */
    public static final String DEFAULT_NAMESPACE = "nekorekten4j:quota";
    /** The default bound of every Redis command. */
    public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofMillis(500);
    /** The default bound of opening a connection (TLS and the handshake included). */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);

    private static final Logger LOG = LoggerFactory.getLogger(RedisQuotaStore.class);
    private static final Pattern NAMESPACE = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");
    /** The daily cap looks back at most 24 h and to the start of the Sofia day: 49 h covers both with room. */
    private static final Duration KEY_TTL = Duration.ofHours(49);
    private static final String LOCAL_PREFIX = "local:";
    private static final String SCRIPT = loadScript();
    private static final String SCRIPT_SHA = sha1(SCRIPT);

    private final Builder settings;
    private final String where;
    private final LocalQuotaStore fallback;
    private final ReentrantLock connecting = new ReentrantLock();
    private final AtomicBoolean degraded = new AtomicBoolean();
    private volatile Connection connection;
    private volatile boolean closed;

    private RedisQuotaStore(Builder b) {
        this.settings = b;
        this.where = b.uris.stream().map(u -> u.getHost() + ":" + u.getPort()).collect(Collectors.joining(","));
        this.fallback = b.instances > 0 ? LocalQuotaStore.create(Clock.systemUTC()) : null;
    }

    /**
     * A store on the Redis at {@code redisUri} ({@code redis://}, {@code rediss://} or
     * {@code redis-sentinel://}), with the defaults. Connects on first use.
     *
     * @throws IllegalArgumentException when the URI cannot be parsed (the message never repeats it)
     */
    public static RedisQuotaStore create(String redisUri) {
        return builder().uri(redisUri).build();
    }

    /** A builder: the URI is required, everything else has a default. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public QuotaDecision acquire(QuotaScope scope, QuotaLimits limits, Duration maxWait, Duration lease) {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(limits, "limits");
        requireNotNegative(maxWait, "maxWait");
        requireNotNegative(lease, "lease");
        long ttl = Math.max(KEY_TTL.toMillis(), limits.spacing().plus(lease).plus(KEY_TTL).toMillis());
        String id = UUID.randomUUID().toString();
        List<Long> reply;
        try {
            reply = run(scope, "acquire", String.valueOf(limits.permits()), String.valueOf(limits.spacing().toMillis()),
                    String.valueOf(limits.perDay().orElse(0)), String.valueOf(maxWait.toMillis()),
                    String.valueOf(Math.max(1, ceilMillis(lease))), id, String.valueOf(ttl),
                    midnightsAround(limits.perDay()));
        } catch (QuotaStoreUnavailableException e) {
            if (fallback == null) {
                throw e;
            }
            if (degraded.compareAndSet(false, true)) {
                LOG.warn("the Redis quota store at {} is unreachable ({}); each instance now sends at most its "
                        + "share of the plan (1/{})", where, e.getCause().getClass().getSimpleName(),
                        settings.instances);
            }
            return fromFallback(scope, limits, maxWait, lease);
        }
        if (degraded.compareAndSet(true, false)) {
            LOG.warn("the Redis quota store at {} answers again; the shared quota is back", where);
        }
        return decision(reply, id);
    }

    @Override
    public boolean confirm(QuotaScope scope, QuotaPermit permit) {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(permit, "permit");
        if (permit.id().startsWith(LOCAL_PREFIX)) {
            return fallback.confirm(scope, local(permit));
        }
        return run(scope, "confirm", permit.id()).get(0) == 1L;
    }

    @Override
    public void release(QuotaScope scope, QuotaPermit permit, boolean sent) {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(permit, "permit");
        if (permit.id().startsWith(LOCAL_PREFIX)) {
            fallback.release(scope, local(permit), sent);
            return;
        }
        run(scope, "release", permit.id(), sent ? "1" : "0", String.valueOf(KEY_TTL.toMillis()));
    }

    @Override
    public void penalise(QuotaScope scope, Duration retryAfter) {
        Objects.requireNonNull(scope, "scope");
        requireNotNegative(retryAfter, "retryAfter");
        if (fallback != null) {
            fallback.penalise(scope, retryAfter); // also holds back the local share, should Redis fail next
        }
        run(scope, "penalise", String.valueOf(ceilMillis(retryAfter)), String.valueOf(KEY_TTL.toMillis()));
    }

    /** The names of the four keys of {@code scope}: for operators and tests. */
    public List<String> keysOf(QuotaScope scope) {
        String base = settings.namespace + ":{" + scope.digest(settings.keySecret) + "}:";
        return List.of(base + "open", base + "log", base + "day", base + "meta");
    }

    /**
     * Whether Redis answers a {@code PING} now, within the command timeout (connecting first if
     * needed, within the connect timeout): for health checks. Spends no quota; never throws — an
     * unreachable or closed store is {@code false}.
     */
    public boolean reachable() {
        if (closed) {
            return false;
        }
        try {
            return "PONG".equals(connection().ping().get());
        } catch (RedisException | IllegalStateException e) {
            LOG.debug("the Redis quota store at {} is not reachable ({})", where, e.getClass().getSimpleName());
            return false;
        }
    }

    /** Closes the connection and the Lettuce client. Idempotent. */
    @Override
    public void close() {
        connecting.lock();
        try {
            closed = true;
            if (connection != null) {
                connection.close();
                connection = null;
            }
        } finally {
            connecting.unlock();
        }
    }

    /** Where it points (hosts and ports only: never a password) and its namespace. */
    @Override
    public String toString() {
        return "RedisQuotaStore[" + where + (settings.cluster ? " (cluster)" : "") + ", namespace="
                + settings.namespace + ", commandTimeout=" + settings.commandTimeout
                + (fallback != null ? ", fallback=1/" + settings.instances + " of the plan per instance" : "") + "]";
    }

    private QuotaDecision fromFallback(QuotaScope scope, QuotaLimits limits, Duration maxWait, Duration lease) {
        QuotaDecision d = fallback.acquire(scope, limits.share(settings.instances), maxWait, lease);
        if (d instanceof QuotaDecision.Granted g) {
            return new QuotaDecision.Granted(new QuotaPermit(LOCAL_PREFIX + g.permit().id(), g.permit().slot()),
                    g.delay());
        }
        return d;
    }

    private static QuotaPermit local(QuotaPermit permit) {
        return new QuotaPermit(permit.id().substring(LOCAL_PREFIX.length()), permit.slot());
    }

    private static QuotaDecision decision(List<Long> reply, String id) {
        int kind = reply.get(0).intValue();
        return switch (kind) {
            case 0 -> new QuotaDecision.Granted(new QuotaPermit(id, Instant.ofEpochMilli(reply.get(2))),
                    Duration.ofMillis(reply.get(1)));
            case 1 -> new QuotaDecision.Wait(Duration.ofMillis(Math.max(1, reply.get(1))));
            case 2 -> new QuotaDecision.TooFar(Duration.ofMillis(reply.get(1)));
            case 3 -> new QuotaDecision.Exhausted(Instant.ofEpochMilli(reply.get(1)));
            default -> throw new IllegalStateException("the quota script answered an unknown kind " + kind);
        };
    }

    /** Runs one operation of the script for {@code scope}; every failure becomes the typed error. */
    private List<Long> run(QuotaScope scope, String op, String... args) {
        List<String> argv = new ArrayList<>(args.length + 2);
        argv.add(op);
        argv.add(settings.clock == null ? "" : String.valueOf(settings.clock.millis()));
        argv.addAll(List.of(args));
        String[] keys = keysOf(scope).toArray(String[]::new);
        String[] values = argv.toArray(String[]::new);
        try {
            RedisScriptingCommands<String, String> commands = connection().commands();
            List<Long> reply;
            try {
                reply = commands.evalsha(SCRIPT_SHA, ScriptOutputType.MULTI, keys, values);
            } catch (RedisNoScriptException e) {
                reply = commands.eval(SCRIPT, ScriptOutputType.MULTI, keys, values); // loads it, too
            }
            return reply;
        } catch (RedisException e) {
            throw new QuotaStoreUnavailableException("the Redis quota store at " + where + " did not answer within "
                    + settings.commandTimeout + " (" + e.getClass().getSimpleName() + ")", ErrorContext.none(), e);
        }
    }

    /** The connection, opened on first use and again after a failed attempt; never while closed. */
    private Connection connection() {
        Connection c = connection;
        if (c != null) {
            return c;
        }
        connecting.lock();
        try {
            if (closed) {
                throw new IllegalStateException("this RedisQuotaStore is closed");
            }
            if (connection == null) {
                connection = Connection.open(settings);
            }
            return connection;
        } finally {
            connecting.unlock();
        }
    }

    /**
     * The Sofia midnights from three days before to three days after this machine's today: the
     * script picks the day of Redis's own clock among them (instance clocks may be off by seconds,
     * not by days). Empty without a daily cap.
     */
    private String midnightsAround(OptionalInt perDay) {
        if (perDay.isEmpty()) {
            return "";
        }
        Instant now = settings.clock != null ? settings.clock.instant() : Instant.now();
        LocalDate today = ServiceFacts.serviceDay(now);
        List<String> midnights = new ArrayList<>(7);
        for (int d = -3; d <= 3; d++) {
            midnights.add(String.valueOf(today.plusDays(d).atStartOfDay(ServiceFacts.SOFIA).toInstant()
                    .toEpochMilli()));
        }
        return String.join(",", midnights);
    }

    private static long ceilMillis(Duration d) {
        long ms = d.toMillis();
        return d.minusMillis(ms).isZero() ? ms : ms + 1;
    }

    private static void requireNotNegative(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, got " + d);
        }
    }

    private static String loadScript() {
        try (InputStream in = RedisQuotaStore.class.getResourceAsStream("quota.lua")) {
            if (in == null) {
                throw new IllegalStateException("quota.lua is missing from the nekorekten4j-quota-redis jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read quota.lua", e);
        }
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-1 (MessageDigest's Javadoc).
            throw new IllegalStateException("SHA-1 is not available", e);
        }
    }

    /** A Lettuce client and its one connection: standalone/Sentinel or Cluster. */
    private record Connection(AutoCloseable client, StatefulConnection<String, String> connection,
                              RedisScriptingCommands<String, String> commands, Supplier<String> ping) {

        static Connection open(Builder b) {
            SocketOptions socket = SocketOptions.builder().connectTimeout(b.connectTimeout).build();
            TimeoutOptions timeouts = TimeoutOptions.enabled(b.commandTimeout);
            List<RedisURI> uris = new ArrayList<>();
            for (RedisURI u : b.uris) {
                RedisURI copy = RedisURI.builder(u).withTimeout(b.commandTimeout).build();
                uris.add(copy);
            }
            if (b.cluster) {
                RedisClusterClient client = RedisClusterClient.create(uris);
                client.setOptions(ClusterClientOptions.builder().socketOptions(socket).timeoutOptions(timeouts)
                        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS).build());
                try {
                    StatefulRedisClusterConnection<String, String> c = client.connect();
                    c.setTimeout(b.commandTimeout);
                    return new Connection(client::shutdown, c, c.sync(), c.sync()::ping);
                } catch (RedisException e) {
                    client.shutdown();
                    throw e;
                }
            }
            RedisClient client = RedisClient.create();
            client.setOptions(ClientOptions.builder().socketOptions(socket).timeoutOptions(timeouts)
                    .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS).build());
            try {
                StatefulRedisConnection<String, String> c = client.connect(uris.get(0));
                c.setTimeout(b.commandTimeout);
                return new Connection(client::shutdown, c, c.sync(), c.sync()::ping);
            } catch (RedisException e) {
                client.shutdown();
                throw e;
            }
        }

        void close() {
            try {
                connection.close();
            } finally {
                try {
                    client.close();
                } catch (Exception e) {
                    LOG.warn("closing the Lettuce client failed: {}", e.toString());
                }
            }
        }
    }

    /**
     * Builds a {@link RedisQuotaStore}. Setters check their argument at once and name it.
     */
    public static final class Builder {
        private final List<RedisURI> uris = new ArrayList<>();
        private boolean cluster;
        private String namespace = DEFAULT_NAMESPACE;
        private byte[] keySecret;
        private Duration commandTimeout = DEFAULT_COMMAND_TIMEOUT;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private int instances;
        private Clock clock;

        private Builder() {
        }

        /**
         * Where Redis is: {@code redis://[:password@]host[:port][/db]}, {@code rediss://…} (TLS) or
         * {@code redis-sentinel://host1:26379,host2:26379/0#masterName}. Replaces any URI given before.
         *
         * @throws IllegalArgumentException when it cannot be parsed (the message never repeats it:
         *                                  it may hold a password)
         */
        public Builder uri(String redisUri) {
            Objects.requireNonNull(redisUri, "redisUri");
            try {
                return uri(RedisURI.create(redisUri));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("redisUri: not a Redis URI (redis://, rediss:// or "
                        + "redis-sentinel://)");
            }
        }

        /** Where Redis is, as Lettuce's {@link RedisURI}. Replaces any URI given before. */
        public Builder uri(RedisURI redisUri) {
            Objects.requireNonNull(redisUri, "redisUri");
            uris.clear();
            uris.add(redisUri);
            return this;
        }

        /**
         * Whether the URI names a node of a Redis Cluster (default no): the store then uses Lettuce's
         * cluster client, which discovers the other nodes and follows the slots. Give more seed
         * nodes with {@link #seedNode(String)}.
         */
        public Builder cluster(boolean cluster) {
            this.cluster = cluster;
            return this;
        }

        /** Another seed node of a Redis Cluster (only with {@link #cluster(boolean) cluster(true)}). */
        public Builder seedNode(String redisUri) {
            Objects.requireNonNull(redisUri, "redisUri");
            try {
                uris.add(RedisURI.create(redisUri));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("seedNode: not a Redis URI");
            }
            return this;
        }

        /**
         * The first part of every key (default {@value #DEFAULT_NAMESPACE}): 1 to 64 of
         * {@code A-Z a-z 0-9 _ . : -}. Give each environment sharing a Redis its own.
         */
        public Builder namespace(String namespace) {
            Objects.requireNonNull(namespace, "namespace");
            if (!NAMESPACE.matcher(namespace).matches()) {
                throw new IllegalArgumentException("namespace must be 1 to 64 of A-Z a-z 0-9 _ . : -, got \""
                        + namespace + "\"");
            }
            this.namespace = namespace;
            return this;
        }

        /**
         * The secret of the keyed hash that names the keys (at least 16 bytes; every instance must use
         * the same). Default: one derived from the namespace — the names never contain the key, but
         * anyone who knows the namespace could test a guessed key against them; set your own (e.g. from
         * the secret store that holds the API key) to rule that out.
         */
        public Builder keySecret(byte[] keySecret) {
            Objects.requireNonNull(keySecret, "keySecret");
            if (keySecret.length < 16) {
                throw new IllegalArgumentException("keySecret must be at least 16 bytes, got " + keySecret.length);
            }
            this.keySecret = keySecret.clone();
            return this;
        }

        /**
         * The bound of every Redis command (default 500 ms, at most 10 s): past it the call fails with
         * {@link QuotaStoreUnavailableException} and nothing is sent.
         */
        public Builder commandTimeout(Duration commandTimeout) {
            Objects.requireNonNull(commandTimeout, "commandTimeout");
            if (commandTimeout.isNegative() || commandTimeout.isZero()
                    || commandTimeout.compareTo(Duration.ofSeconds(10)) > 0) {
                throw new IllegalArgumentException("commandTimeout must be positive and at most 10 s, got "
                        + commandTimeout);
            }
            this.commandTimeout = commandTimeout;
            return this;
        }

        /**
         * The bound of opening a connection (default 2 s, at most 10 s): a call that finds no
         * connection fails after it with {@link QuotaStoreUnavailableException}; the next call tries again.
         */
        public Builder connectTimeout(Duration connectTimeout) {
            Objects.requireNonNull(connectTimeout, "connectTimeout");
            if (connectTimeout.isNegative() || connectTimeout.isZero()
                    || connectTimeout.compareTo(Duration.ofSeconds(10)) > 0) {
                throw new IllegalArgumentException("connectTimeout must be positive and at most 10 s, got "
                        + connectTimeout);
            }
            this.connectTimeout = connectTimeout;
            return this;
        }

        /**
         * Opt-in: while Redis is unreachable, let each instance go on alone with a conservative share
         * of the plan — each figure divided by {@code declaredInstances}, rounded down, at least 1 —
         * instead of failing. If the declared count is at least the real one, the fleet stays within
         * the plan while everyone is on its share. <b>Caveat:</b> at the switch back to Redis, Redis
         * does not know the sends made on the shares, so for one window the fleet may send up to one
         * plan plus the shares; a 429 there is handled by the client's Retry-After pause. Without this,
         * calls fail with {@link QuotaStoreUnavailableException} while Redis is down.
         */
        public Builder fallbackToLocalShare(int declaredInstances) {
            if (declaredInstances < 1) {
                throw new IllegalArgumentException("declaredInstances must be at least 1, got " + declaredInstances);
            }
            this.instances = declaredInstances;
            return this;
        }

        /**
         * Tests on virtual time only: decide on this clock instead of Redis's {@code TIME}. Never in
         * production: the point of the store is one clock for every instance.
         */
        Builder clockForTests(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * The store. Does not connect: the first permit does.
         *
         * @throws IllegalStateException when no URI was given, or seed nodes without cluster mode
         */
        public RedisQuotaStore build() {
            if (uris.isEmpty()) {
                throw new IllegalStateException("uri: a Redis URI is required");
            }
            if (uris.size() > 1 && !cluster) {
                throw new IllegalStateException("seedNode: several URIs need cluster(true)");
            }
            if (keySecret == null) {
                keySecret = sha256("nekorekten4j quota key names in " + namespace);
            }
            Builder copy = new Builder();
            copy.uris.addAll(uris);
            copy.cluster = cluster;
            copy.namespace = namespace;
            copy.keySecret = keySecret.clone();
            copy.commandTimeout = commandTimeout;
            copy.connectTimeout = connectTimeout;
            copy.instances = instances;
            copy.clock = clock;
            return new RedisQuotaStore(copy);
        }

        private static byte[] sha256(String text) {
            try {
                return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is not available", e);
            }
        }
    }
}
