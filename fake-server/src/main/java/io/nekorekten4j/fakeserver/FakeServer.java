package io.nekorekten4j.fakeserver;

import com.sun.net.httpserver.HttpServer;
import io.nekorekten4j.fake.NekorektenFake;
import io.nekorekten4j.ports.ErrorCode;
import io.nekorekten4j.ports.IpNotWhitelistedException;
import io.nekorekten4j.ports.QuotaPlan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link NekorektenFake} served over the real wire protocol of nekorekten.com on a loopback port
 * ({@code 127.0.0.1}), with the JDK's own HTTP server: point any client — the HTTP adapter, a shop
 * plugin, {@code curl} — at {@link #uri()} instead of {@code https://api.nekorekten.com}.
 *
 * <pre>{@code
 * try (FakeServer server = FakeServer.builder().seedDemoData().build().start();
 *      Nekorekten api = NekorektenHttp.builder().baseUri(server.uri()).apiKey("any-key").build()) {
 *     api.search(SearchCriteria.builder().phone("0888 123 456").build()); // finds the demo report
 * }
 * }</pre>
 * The HTTP adapter applies no quota plan of its own to a loopback origin unless one is set, and
 * keeps the quota state of each origin apart: the example runs for any number of calls. To
 * exercise quota handling, let the fake simulate a plan ({@link Builder#quota}): its 429s carry
 * {@code Retry-After}, which the client honours.
 *
 * <h2>The API it serves</h2>
 * <ul>
 *   <li>{@code GET /api/v1/reports?phone=&email=&name=&siteUrl=&searchMode=all|one-of&page=},
 *       {@code POST /api/v1/reports} (JSON or form), {@code PATCH /api/v1/reports/{id}},
 *       {@code DELETE /api/v1/reports/{id}}, {@code POST /api/v1/files} ({@code multipart/form-data},
 *       one {@code files[]} part per file, at most {@value #MAX_BODY_BYTES} bytes in all, else 413),
 *       {@code GET /api/v1/cities};</li>
 *   <li>the {@code Api-Key} header: 401 when it is missing or blank, or — when keys were
 *       {@linkplain Builder#acceptKey accepted} — not one of them; each key is its own account
 *       ({@link NekorektenFake#withKey}), so a report can be changed only with the key that filed it;
 *       a key the fake {@linkplain NekorektenFake#refuseKey refuses} gets 401, one it
 *       {@linkplain NekorektenFake#refuseFromIp refuses from an IP} 403 naming the address;</li>
 *   <li>the live envelope of the reference (§2): {@code items}, {@code count} (the total),
 *       {@code currentPage}, {@code itemsPerPage} (20), {@code message},
 *       {@code server: {date, httpCode}} — {@code date} in Sofia time — and every report field of the
 *       live payload, names and e-mails masked;</li>
 *   <li>errors as {@code {message, server}}, 400 adding {@code errors: {field: message}}; 404; 429
 *       with {@code Retry-After} when the fake's quota (or an injected refusal) says so; the fake's
 *       injected faults as the wire shows them — 5xx, a dropped connection, a stalled answer, a
 *       truncated body (see {@code ErrorAnswers}).</li>
 * </ul>
 * Arrange state, inject faults and read the call log through {@link #fake()}, while it serves;
 * make the service talk as a hostile one does ({@link #sayNext}) or fall silent
 * ({@link #leaveUnanswered}) through the server itself.
 *
 * <p>Thread safe. The server never logs or prints a request, a key or personal data.
 */
public final class FakeServer implements AutoCloseable {

    /** The port of the command line when none is given. The builder's default is 0: a free port. */
    public static final int DEFAULT_PORT = 8089;
    /** The largest request body accepted (an upload of several files): 12 MiB. Larger gets 413. */
    public static final int MAX_BODY_BYTES = 12 * 1024 * 1024;
    /** How long a simulated timeout holds its answer back by default. */
    public static final Duration DEFAULT_STALL = Duration.ofSeconds(30);

    private static final int THREADS = 32;
    private static final int QUEUED_CONNECTIONS = 256;
    private static final AtomicInteger SERVERS = new AtomicInteger();

    private final int requestedPort;
    private final NekorektenFake fake;
    private final ApiHandler handler;
    private final CountDownLatch closing = new CountDownLatch(1);
    private final Object lock = new Object();
    // Guarded by lock.
    private HttpServer server;
    private ThreadPoolExecutor executor;
    private boolean closed;

    private FakeServer(Builder b, NekorektenFake fake, Set<String> acceptedKeys) {
        this.requestedPort = b.port;
        this.fake = fake;
        this.handler = new ApiHandler(fake, acceptedKeys, b.clock, b.stall, closing);
    }

    /** A builder: a free port, a fresh empty fake, every non-blank key accepted, no quota. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Binds {@code 127.0.0.1} on the port and starts serving.
     *
     * @return this server
     * @throws IllegalStateException when it was started or closed before
     * @throws UncheckedIOException  when the port cannot be bound (in use, say)
     */
    public FakeServer start() {
        synchronized (lock) {
            if (closed || server != null) {
                throw new IllegalStateException("a FakeServer starts once; build another");
            }
            HttpServer http;
            try {
                // A literal address: no name lookup, and never another interface than loopback.
                http = HttpServer.create(new InetSocketAddress("127.0.0.1", requestedPort), 0);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot listen on 127.0.0.1:" + requestedPort + ": " + e.getMessage(), e);
            }
            executor = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS,
                    new ArrayBlockingQueue<>(QUEUED_CONNECTIONS), threads());
            executor.allowCoreThreadTimeOut(true);
            http.createContext("/", handler);
            http.setExecutor(executor);
            http.start();
            server = http;
            return this;
        }
    }

    /**
     * The base URI to give a client, {@code http://127.0.0.1:<port>}.
     *
     * @throws IllegalStateException when the server was not started
     */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + port());
    }

    /**
     * The port it listens on (the one picked, when the builder asked for 0).
     *
     * @throws IllegalStateException when the server was not started
     */
    public int port() {
        synchronized (lock) {
            if (server == null) {
                throw new IllegalStateException("the server is not started");
            }
            return server.getAddress().getPort();
        }
    }

    /** The fake behind the API: arrange reports, inject faults, read its call log — while it serves. */
    public NekorektenFake fake() {
        return fake;
    }

    /**
     * How many HTTP requests reached the server so far, refused ones (bad key, bad request,
     * injected fault) included. Unlike {@link NekorektenFake#calls()}, it also counts requests the
     * server refused before they reached the fake.
     */
    public long requestCount() {
        return handler.requestCount();
    }

    /**
     * Makes the server answer the next {@code requests} requests that carry a key (of any key, to
     * any address) with the refusal {@code code} stands for, <em>in the service's own words</em>:
     * {@code message} is the answer's JSON {@code message} — and, for a 400, the message of a field
     * error of {@code text} — sent as it is, JSON-escaped but neither cleaned nor cut: control
     * characters, ANSI escapes, forged log lines, 100 KB, an echoed key. It is how a hostile or
     * broken service talks, for testing what a client does with the service's words (the fake's
     * own failures cannot carry such text: their context sanitises it). These answers come before
     * the fake's, which the requests never reach; they queue up in order with
     * {@link #leaveUnanswered}'s.
     *
     * @param code one of {@code INVALID_REQUEST} (400), {@code INVALID_API_KEY} (401),
     *             {@code FORBIDDEN} (403), {@code NOT_FOUND} (404), {@code SERVICE_UNAVAILABLE} (503)
     * @throws IllegalArgumentException when {@code requests} is below 1 or {@code code} is another code
     */
    public void sayNext(int requests, ErrorCode code, String message) {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        handler.said(code, "", Instant.EPOCH); // refuses another code, now
        handler.script().add(requests, now -> handler.said(code, message, now));
    }

    /**
     * Makes the server take the next {@code requests} requests that carry a key and never answer
     * them: no status, no byte, the connection held open until the server {@linkplain #close()
     * closes}. A client must end such a call by its own timeouts. The requests never reach the
     * fake; they queue up in order with {@link #sayNext}'s.
     *
     * @throws IllegalArgumentException when {@code requests} is below 1
     */
    public void leaveUnanswered(int requests) {
        handler.script().add(requests, now -> new Answer.Silence());
    }

    /**
     * Stops serving at once: answers being held back end, open connections close, and the threads
     * stop. Idempotent.
     */
    @Override
    public void close() {
        HttpServer http;
        ThreadPoolExecutor pool;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            http = server;
            pool = executor;
        }
        closing.countDown();
        if (http != null) {
            http.stop(0);
        }
        if (pool != null) {
            pool.shutdownNow();
            try {
                pool.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Names the address, never a key. */
    @Override
    public String toString() {
        synchronized (lock) {
            if (server == null) {
                return "FakeServer[" + (closed ? "closed" : "not started") + "]";
            }
            return "FakeServer[" + uri() + (closed ? ", closed" : "") + "]";
        }
    }

    private static ThreadFactory threads() {
        int number = SERVERS.incrementAndGet();
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread t = new Thread(task, "nekorekten4j-fake-server-" + number + "-" + count.incrementAndGet());
            // The JDK server's own dispatcher thread keeps a running server's JVM alive.
            t.setDaemon(true);
            return t;
        };
    }

    /** Builds a {@link FakeServer}; every setter validates its argument. */
    public static final class Builder {
        private int port;
        private NekorektenFake fake;
        private QuotaPlan quota;
        private Clock clock = Clock.systemUTC();
        private Duration stall = DEFAULT_STALL;
        private boolean seedDemoData;
        private final Set<String> acceptedKeys = new LinkedHashSet<>();
        private final Set<String> refusedKeys = new LinkedHashSet<>();
        private final Map<String, String> refusedIps = new LinkedHashMap<>();

        private Builder() {
        }

        /** The port on 127.0.0.1, 0 (the default) for a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be 0 to 65535, got " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * The fake to serve (default: a new {@code NekorektenFake} with this builder's clock and
         * quota). Keep a reference, or use {@link FakeServer#fake()}, to arrange state.
         */
        public Builder fake(NekorektenFake fake) {
            this.fake = Objects.requireNonNull(fake, "fake");
            return this;
        }

        /**
         * Accepts {@code key} as valid. Once any key is accepted, every other key gets 401; without
         * any, every non-blank key is accepted.
         */
        public Builder acceptKey(String key) {
            acceptedKeys.add(requireKey(key, "key"));
            return this;
        }

        /** Makes the fake refuse {@code key} (401), as a revoked key. */
        public Builder refuseKey(String key) {
            refusedKeys.add(requireKey(key, "key"));
            return this;
        }

        /**
         * Makes the fake refuse {@code key} as used from {@code ip} (403 naming the address), as a
         * key whose dashboard whitelist lacks this machine. The key counts as accepted.
         *
         * @throws IllegalArgumentException when {@code ip} is not an IPv4 or IPv6 address
         */
        public Builder refuseFromIp(String key, String ip) {
            requireKey(key, "key");
            Objects.requireNonNull(ip, "ip");
            if (!IpNotWhitelistedException.extractIpAddress(ip).filter(ip::equals).isPresent()) {
                throw new IllegalArgumentException("ip must be an IPv4 or IPv6 address, got '" + ip + "'");
            }
            refusedIps.put(key, ip);
            return this;
        }

        /**
         * Simulates {@code plan}'s quota per key (429 with {@code Retry-After} past the minute's
         * requests, the daily-limit 429 past the day's); default none. Only for the fake this builder
         * makes: a fake you pass carries its own quota.
         */
        public Builder quota(QuotaPlan plan) {
            this.quota = Objects.requireNonNull(plan, "plan");
            return this;
        }

        /** The clock of {@code server.date} and of the fake this builder makes (default the system clock). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Stores the fake's twelve demo reports ({@link NekorektenFake#seedDemoData()}) before serving. */
        public Builder seedDemoData() {
            this.seedDemoData = true;
            return this;
        }

        /**
         * How long a simulated timeout ({@code ErrorCode.TIMEOUT} injected into the fake) holds its
         * answer back before sending 504 (default {@link FakeServer#DEFAULT_STALL}); make it longer
         * than the client's response timeout.
         */
        public Builder stallFor(Duration stall) {
            Objects.requireNonNull(stall, "stall");
            if (stall.isNegative()) {
                throw new IllegalArgumentException("stall must not be negative, got " + stall);
            }
            this.stall = stall;
            return this;
        }

        /**
         * The server, not started: applies the refusals and the demo data to the fake.
         *
         * @throws IllegalStateException when both a fake and a quota were given
         */
        public FakeServer build() {
            if (fake != null && quota != null) {
                throw new IllegalStateException("give the quota to the NekorektenFake you pass, not to the server");
            }
            NekorektenFake served = fake != null ? fake : NekorektenFake.builder().clock(clock).quota(quota).build();
            refusedKeys.forEach(served::refuseKey);
            refusedIps.forEach(served::refuseFromIp);
            Set<String> accepted = new LinkedHashSet<>(acceptedKeys);
            if (!accepted.isEmpty()) {
                accepted.addAll(refusedIps.keySet());
            }
            if (seedDemoData) {
                served.seedDemoData();
            }
            return new FakeServer(this, served, accepted);
        }

        /** Names the settings, never a key. */
        @Override
        public String toString() {
            List<String> parts = new ArrayList<>();
            parts.add("port=" + port);
            parts.add("acceptedKeys=" + (acceptedKeys.isEmpty() ? "any" : acceptedKeys.size()));
            parts.add("quota=" + (quota == null ? "off" : quota.name()));
            return "FakeServer.Builder[" + String.join(", ", parts) + "]";
        }

        private static String requireKey(String key, String name) {
            Objects.requireNonNull(key, name);
            if (key.isBlank()) {
                throw new IllegalArgumentException(name + " must not be blank");
            }
            return key;
        }
    }
}
