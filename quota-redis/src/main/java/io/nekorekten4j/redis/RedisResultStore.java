package io.nekorekten4j.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.nekorekten4j.cache.ResultStore;
import io.nekorekten4j.cache.SearchKey;
import io.nekorekten4j.domain.SearchCriteria;
import io.nekorekten4j.domain.SearchField;
import io.nekorekten4j.domain.SearchMode;
import io.nekorekten4j.domain.SearchResult;
import io.nekorekten4j.ports.ServiceFacts;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiPredicate;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A result cache shared by every instance of an application, on Redis: the {@link ResultStore} of
 * searches behind the client's cache ({@code NekorektenHttp.builder().cacheStore(store)}). The cache
 * decides what is kept and for how long — answers only, never failures, each for the search TTL — and
 * this store keeps it on Redis, so two instances screening the same buyer within the TTL cost one
 * request.
 *
 * <h2>Concurrent identical lookups coalesce across instances</h2>
 * A lookup that misses takes a short lock on the search ({@code SET NX} with a lease) in the same
 * Lua script that looked, and its instance sends the request; an identical lookup on another
 * instance meanwhile finds the lock and waits (polling every {@value #POLL_MILLIS} ms) for the answer
 * instead of sending a second request. The lock is released when the answer is stored. A request
 * that fails stores nothing (failures are never cached): the others then wait until the lease ends
 * and one of them sends its own — so the lease ({@linkplain Builder#lockLease default 5 s}) bounds
 * that wait; give it about the longest a search takes, permit wait included.
 * The same instance looking twice (the cache looks again before it sends) finds its own lock and
 * does not wait for itself. A lookup that misses and then sends nothing (the source of a subset
 * answer that expired meanwhile) leaves its lock to end with its lease.
 *
 * <h2>What it writes</h2>
 * Per search, {@code <namespace>:{<digest>}:answer} and, while a lookup is in flight,
 * {@code <namespace>:{<digest>}:lock}. The digest is an HMAC-SHA256, under the key secret, of the
 * service's origin and the search (its filters, mode and page): key names hold neither the API key
 * (answers do not depend on it — refusals are failures and are never cached) nor the buyer's data.
 * The answer's value holds what the client would have kept in memory: the search's filters (the
 * buyer's phone, e-mail, name or site, as searched — needed to drop the answers a write through the
 * client affects, on every instance) and the service's answer (reports with their masked personal
 * data). Every answer expires with the TTL it was stored with; a lock with its lease.
 *
 * <h2>When Redis is down or slow</h2>
 * Every command is bounded by the command timeout. A store that cannot read answers empty, so the
 * request is sent (a cache miss, never a failure); one that cannot write or drop logs it and goes
 * on: the answer stays in Redis at most its TTL. {@link #removeIf} scans the namespace, so a
 * namespace should hold one application's searches.
 *
 * <p>Thread safe; share one store among the clients of a JVM and {@link #close()} it on shutdown.
 */
public final class RedisResultStore implements ResultStore<SearchKey, SearchResult>, AutoCloseable {

    /** The default namespace of the cache's keys. */
    public static final String DEFAULT_NAMESPACE = "nekorekten4j:cache";
    /** The default lease of the lock of a lookup in flight. */
    public static final Duration DEFAULT_LOCK_LEASE = Duration.ofSeconds(5);
    /** How often a lookup waiting for another instance's answer looks again. */
    static final long POLL_MILLIS = 10;

    private static final Logger LOG = LoggerFactory.getLogger(RedisResultStore.class);
    private static final Pattern NAMESPACE = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");
    private static final int FORMAT = 1;

    /**
     * KEYS answer, lock; ARGV token, lease ms. {1, answer}: hit; {0}: the lock is ours (taken now, or
     * already ours: the cache looks twice before it sends), send; {2}: another instance is sending.
     */
    private static final String LOOK_OR_LOCK = """
            local v = redis.call('GET', KEYS[1])
            if v then return {1, v} end
            if redis.call('GET', KEYS[2]) == ARGV[1] then
              redis.call('PEXPIRE', KEYS[2], ARGV[2])
              return {0}
            end
            if redis.call('SET', KEYS[2], ARGV[1], 'NX', 'PX', ARGV[2]) then return {0} end
            return {2}
            """;
    /** More locks than this held at once (lookups whose answer never came) are forgotten, not kept forever. */
    private static final int MAX_HELD_LOCKS = 10_000;
    /** KEYS answer, lock; ARGV value, ttl ms, token: stores, and releases the lock if it is ours. */
    private static final String STORE_AND_UNLOCK = """
            redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
            if redis.call('GET', KEYS[2]) == ARGV[3] then redis.call('DEL', KEYS[2]) end
            return 1
            """;
    /** KEYS answer; ARGV value: deletes the answer only if it still holds that value. */
    private static final String REMOVE_IF_SAME = """
            if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
            return 0
            """;

    private final String namespace;
    private final String origin;
    private final byte[] keySecret;
    private final Duration commandTimeout;
    private final Duration lockLease;
    private final RedisClient client;
    private final RedisURI uri;
    private final String where;
    private final ReentrantLock connecting = new ReentrantLock();
    /** The locks this store holds: answer key → token, released when the answer is stored. */
    private final ConcurrentMap<String, String> heldLocks = new ConcurrentHashMap<>();
    /** How often a lookup found another instance's lock and waited: for tests and operators. */
    private final AtomicLong waits = new AtomicLong();
    private volatile StatefulRedisConnection<String, String> connection;
    private volatile boolean closed;

    private RedisResultStore(Builder b) {
        this.namespace = b.namespace;
        this.origin = origin(b.service);
        this.keySecret = b.keySecret != null ? b.keySecret.clone()
                : sha256("nekorekten4j cache key names in " + b.namespace);
        this.commandTimeout = b.commandTimeout;
        this.lockLease = b.lockLease;
        this.uri = RedisURI.builder(b.uri).withTimeout(b.commandTimeout).build();
        this.where = b.uri.getHost() + ":" + b.uri.getPort();
        this.client = RedisClient.create();
        client.setOptions(ClientOptions.builder()
                .socketOptions(SocketOptions.builder().connectTimeout(b.connectTimeout).build())
                .timeoutOptions(TimeoutOptions.enabled(b.commandTimeout))
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS).build());
    }

    /** A store on the Redis at {@code redisUri} for the real service, with the defaults. Connects on first use. */
    public static RedisResultStore create(String redisUri) {
        return builder().uri(redisUri).build();
    }

    /** A builder: the URI is required, everything else has a default. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The answer stored for {@code key}, or — when there is none — empty after taking the lookup's
     * lock (this instance sends the request); while another instance's identical lookup holds the
     * lock, waits for its answer, at most until the lease ends.
     */
    @Override
    public Optional<SearchResult> get(SearchKey key) {
        Objects.requireNonNull(key, "key");
        Names names = names(key);
        // This instance's token for the search: a second look by the same instance (the cache looks
        // again before it sends) finds its own lock, not another instance's.
        String token = heldLocks.getOrDefault(names.answer, UUID.randomUUID().toString());
        long deadline = System.nanoTime() + lockLease.plusSeconds(1).toNanos();
        try {
            while (true) {
                List<Object> reply = commands().eval(LOOK_OR_LOCK, ScriptOutputType.MULTI,
                        new String[] {names.answer, names.lock}, token, String.valueOf(lockLease.toMillis()));
                long kind = (Long) reply.get(0);
                if (kind == 1) {
                    return decode((String) reply.get(1));
                }
                if (kind == 0) {
                    if (heldLocks.size() >= MAX_HELD_LOCKS) {
                        heldLocks.clear(); // their leases have long ended on Redis
                    }
                    heldLocks.put(names.answer, token);
                    return Optional.empty();
                }
                if (System.nanoTime() > deadline) {
                    return Optional.empty(); // the lock outlived its lease on Redis's clock: send
                }
                waits.incrementAndGet();
                Thread.sleep(POLL_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (RedisException e) {
            LOG.warn("the shared result cache at {} could not be read ({}); the request is sent", where,
                    e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    /** Stores the answer for {@code ttl} and releases this instance's lock of the lookup. */
    @Override
    public void put(SearchKey key, SearchResult value, Duration ttl) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(ttl, "ttl");
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ttl must be positive, got " + ttl);
        }
        Names names = names(key);
        String token = heldLocks.remove(names.answer);
        try {
            commands().eval(STORE_AND_UNLOCK, ScriptOutputType.INTEGER, new String[] {names.answer, names.lock},
                    encode(key, value), String.valueOf(Math.max(1, ttl.toMillis())), token == null ? "" : token);
        } catch (RedisException e) {
            LOG.warn("the shared result cache at {} could not store an answer ({})", where,
                    e.getClass().getSimpleName());
        }
    }

    @Override
    public void remove(SearchKey key, SearchResult value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        try {
            commands().eval(REMOVE_IF_SAME, ScriptOutputType.INTEGER, new String[] {names(key).answer},
                    encode(key, value));
        } catch (RedisException e) {
            LOG.warn("the shared result cache at {} could not drop a stale answer ({}); it expires with its TTL",
                    where, e.getClass().getSimpleName());
        }
    }

    /** Scans the namespace and drops every answer {@code affected} names, for every instance. */
    @Override
    public void removeIf(BiPredicate<? super SearchKey, ? super SearchResult> affected) {
        Objects.requireNonNull(affected, "affected");
        try {
            RedisCommands<String, String> commands = commands();
            ScanArgs match = ScanArgs.Builder.matches(namespace + ":{*}:answer").limit(500);
            KeyScanCursor<String> cursor = commands.scan(match);
            while (true) {
                for (String name : cursor.getKeys()) {
                    String json = commands.get(name);
                    if (json == null) {
                        continue;
                    }
                    Optional<Entry> entry = entry(json);
                    if (entry.isEmpty() || affected.test(entry.get().key, entry.get().value)) {
                        commands.eval(REMOVE_IF_SAME, ScriptOutputType.INTEGER, new String[] {name}, json);
                    }
                }
                if (cursor.isFinished()) {
                    return;
                }
                cursor = commands.scan(ScanCursor.of(cursor.getCursor()), match);
            }
        } catch (RedisException e) {
            LOG.warn("the shared result cache at {} could not drop the answers a write affects ({}); they expire"
                    + " with their TTL", where, e.getClass().getSimpleName());
        }
    }

    /** How many times a lookup found another instance's identical lookup in flight and waited a poll for it. */
    public long waitsForOtherInstances() {
        return waits.get();
    }

    /** The name of the answer {@code key} would be stored under: for operators and tests. */
    public String answerKeyOf(SearchKey key) {
        return names(key).answer;
    }

    /** Closes the connection and the Lettuce client. Idempotent. */
    @Override
    public void close() {
        connecting.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            if (connection != null) {
                connection.close();
                connection = null;
            }
            client.shutdown();
        } finally {
            connecting.unlock();
        }
    }

    /** Where it points (host and port only: never a password), its namespace and the service. */
    @Override
    public String toString() {
        return "RedisResultStore[" + where + ", namespace=" + namespace + ", service=" + origin + ", lockLease="
                + lockLease + "]";
    }

    private RedisCommands<String, String> commands() {
        StatefulRedisConnection<String, String> c = connection;
        if (c != null) {
            return c.sync();
        }
        connecting.lock();
        try {
            if (closed) {
                throw new IllegalStateException("this RedisResultStore is closed");
            }
            if (connection == null) {
                StatefulRedisConnection<String, String> opened = client.connect(uri);
                opened.setTimeout(commandTimeout);
                connection = opened;
            }
            return connection.sync();
        } finally {
            connecting.unlock();
        }
    }

    private Names names(SearchKey key) {
        String base = namespace + ":{" + digest(canonical(key)) + "}:";
        return new Names(base + "answer", base + "lock");
    }

    /** The search as one unambiguous text: the service's origin, each filter as sent, the mode and the page. */
    private String canonical(SearchKey key) {
        JsonObjectBuilder o = Json.createObjectBuilder().add("origin", origin);
        keyJson(key, o);
        return o.build().toString();
    }

    private String digest(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(keySecret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            // Every Java platform must provide HmacSHA256 (Mac's Javadoc), and any non-empty key fits it.
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static void keyJson(SearchKey key, JsonObjectBuilder o) {
        SearchCriteria c = key.criteria();
        Map<SearchField, String> values = c.queryValues();
        JsonObjectBuilder filters = Json.createObjectBuilder();
        values.forEach((field, value) -> {
            if (field != SearchField.SITE) {
                filters.add(field.name(), value);
            }
        });
        key.siteAsSent().ifPresent(site -> filters.add(SearchField.SITE.name(), site));
        o.add("filters", filters).add("mode", c.mode().name()).add("page", c.page());
    }

    private static String encode(SearchKey key, SearchResult value) {
        JsonObjectBuilder k = Json.createObjectBuilder();
        keyJson(key, k);
        return Json.createObjectBuilder().add("format", FORMAT).add("key", k)
                .add("answer", SearchResultCodec.write(value)).build().toString();
    }

    private static Optional<SearchResult> decode(String json) {
        return entry(json).map(e -> e.value);
    }

    /** The stored search and answer; empty (a miss) for what another format or version wrote. */
    private static Optional<Entry> entry(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            JsonObject o = reader.readObject();
            if (o.getInt("format", -1) != FORMAT) {
                return Optional.empty();
            }
            Optional<SearchResult> answer = SearchResultCodec.read(o.getString("answer"));
            if (answer.isEmpty()) {
                return Optional.empty();
            }
            JsonObject k = o.getJsonObject("key");
            JsonObject filters = k.getJsonObject("filters");
            SearchCriteria.Builder c = SearchCriteria.builder().mode(SearchMode.valueOf(k.getString("mode")))
                    .page(k.getInt("page"));
            Optional<String> site = Optional.empty();
            for (String field : filters.keySet()) {
                String value = filters.getString(field);
                switch (SearchField.valueOf(field)) {
                    case PHONE -> c.phone(io.nekorekten4j.domain.Phone.of(value));
                    case EMAIL -> c.email(value);
                    case NAME -> c.name(value);
                    case SITE -> {
                        c.site(value);
                        site = Optional.of(value);
                    }
                    default -> {
                        return Optional.empty();
                    }
                }
            }
            return Optional.of(new Entry(new SearchKey(c.build(), site), answer.get()));
        } catch (RuntimeException e) {
            // What this version cannot read is a miss; never the text in the log: it holds personal data.
            LOG.debug("an unreadable entry in the shared result cache is ignored ({})", e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    /** {@code scheme://host:port}, lower case, the scheme's default port when none is given. */
    private static String origin(URI uri) {
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException("baseUri must have a scheme and a host");
        }
        String scheme = uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        return scheme + "://" + uri.getHost().toLowerCase(java.util.Locale.ROOT) + ":" + port;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private record Names(String answer, String lock) {
    }

    private record Entry(SearchKey key, SearchResult value) {
    }

    /**
     * Builds a {@link RedisResultStore}. Setters check their argument at once and name it.
     */
    public static final class Builder {
        private RedisURI uri;
        private URI service = ServiceFacts.BASE_URI;
        private String namespace = DEFAULT_NAMESPACE;
        private byte[] keySecret;
        private Duration commandTimeout = RedisQuotaStore.DEFAULT_COMMAND_TIMEOUT;
        private Duration connectTimeout = RedisQuotaStore.DEFAULT_CONNECT_TIMEOUT;
        private Duration lockLease = DEFAULT_LOCK_LEASE;

        private Builder() {
        }

        /**
         * Where Redis is: {@code redis://[:password@]host[:port][/db]}, {@code rediss://…} (TLS) or
         * {@code redis-sentinel://host1:26379,host2:26379/0#masterName}.
         *
         * @throws IllegalArgumentException when it cannot be parsed (the message never repeats it)
         */
        public Builder uri(String redisUri) {
            Objects.requireNonNull(redisUri, "redisUri");
            try {
                this.uri = RedisURI.create(redisUri);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("redisUri: not a Redis URI (redis://, rediss:// or "
                        + "redis-sentinel://)");
            }
            return this;
        }

        /**
         * The service the answers come from (default {@code https://api.nekorekten.com}): the base
         * URI of the clients sharing the store. Answers of another origin (a fake server) never mix.
         *
         * @throws IllegalArgumentException when it has no scheme or host
         */
        public Builder service(URI baseUri) {
            Objects.requireNonNull(baseUri, "baseUri");
            origin(baseUri);
            this.service = baseUri;
            return this;
        }

        /** The first part of every key (default {@value #DEFAULT_NAMESPACE}): 1 to 64 of {@code A-Z a-z 0-9 _ . : -}. */
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
         * The secret of the keyed hash that names the keys (at least 16 bytes, the same on every
         * instance). Default: one derived from the namespace — names never contain a buyer's data,
         * but anyone who knows the namespace could test a guessed phone against them; set your own.
         */
        public Builder keySecret(byte[] keySecret) {
            Objects.requireNonNull(keySecret, "keySecret");
            if (keySecret.length < 16) {
                throw new IllegalArgumentException("keySecret must be at least 16 bytes, got " + keySecret.length);
            }
            this.keySecret = keySecret.clone();
            return this;
        }

        /** The bound of every Redis command (default 500 ms, at most 10 s). */
        public Builder commandTimeout(Duration commandTimeout) {
            this.commandTimeout = bounded(commandTimeout, "commandTimeout");
            return this;
        }

        /** The bound of opening a connection (default 2 s, at most 10 s). */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = bounded(connectTimeout, "connectTimeout");
            return this;
        }

        /**
         * How long a lookup's lock lasts (default 5 s, from 100 ms to 5 minutes): how long identical
         * lookups on other instances wait for its answer before sending their own.
         */
        public Builder lockLease(Duration lockLease) {
            Objects.requireNonNull(lockLease, "lockLease");
            if (lockLease.compareTo(Duration.ofMillis(100)) < 0 || lockLease.compareTo(Duration.ofMinutes(5)) > 0) {
                throw new IllegalArgumentException("lockLease must be from 100 ms to 5 minutes, got " + lockLease);
            }
            this.lockLease = lockLease;
            return this;
        }

        /**
         * The store. Does not connect: the first lookup does.
         *
         * @throws IllegalStateException when no URI was given
         */
        public RedisResultStore build() {
            if (uri == null) {
                throw new IllegalStateException("uri: a Redis URI is required");
            }
            return new RedisResultStore(this);
        }

        private static Duration bounded(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.isZero() || d.compareTo(Duration.ofSeconds(10)) > 0) {
                throw new IllegalArgumentException(name + " must be positive and at most 10 s, got " + d);
            }
            return d;
        }
    }
}
