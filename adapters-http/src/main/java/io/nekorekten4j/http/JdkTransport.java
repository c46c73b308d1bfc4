package io.nekorekten4j.http;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.net.Authenticator;
import java.net.PasswordAuthentication;
import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Transport} over the JDK's {@code java.net.http.HttpClient}, for users who want no
 * Apache HttpClient on their class path. Redirects are never followed ({@code Redirect.NEVER}), no
 * content coding is requested or decoded, multipart bodies are encoded here (the JDK has no
 * encoder), and HTTP/1.1 is used.
 *
 * <p>Where the JDK client falls short of the {@link Transport} contract, this class makes up for it:
 * <ul>
 *   <li><b>One transmission per call.</b> The JDK client re-sends a {@code GET} once by itself when
 *       the connection breaks before the first byte of an answer, on fresh connections too, outside
 *       any quota gate; no setting turns that off. Every request here carries a body publisher that
 *       lets the client write the request once and makes it fail a second time before a byte of it
 *       reaches the wire ({@link SendOnceBodyPublisher}); the call then fails as
 *       {@link TransportIOException.Kind#BROKEN}, like on the Apache transport. This holds whatever
 *       {@code jdk.httpclient.*} system properties say.</li>
 *   <li><b>Timeouts as documented.</b> The connect timeout bounds the connect; the response timeout
 *       runs from the moment the request was written (its body handed to the connection) until the
 *       response head arrives, then between bytes of the body; the deadline bounds the whole
 *       exchange. (The JDK's own request timeout runs from the start of the connect, so it is only a
 *       backstop here.)</li>
 *   <li><b>A connection cap</b> like the Apache transport's pool: at most
 *       {@link Builder#maxConnections(int)} exchanges (default 20), {@link Builder#maxConnectionsPerRoute(int)}
 *       per host (default 10); further calls wait for a free one until their deadline.</li>
 *   <li><b>{@link #close()} aborts calls in flight</b>: a call not yet written fails as
 *       {@link TransportIOException.Kind#NOT_SENT}, one written or reading its answer as
 *       {@link TransportIOException.Kind#BROKEN}; their connections are closed; the transport's own
 *       threads are stopped. On Java 21 and later the JDK clients are shut down too
 *       ({@code HttpClient.shutdownNow()}); Java 17's client has no such method, so its idle
 *       keep-alive connections and selector thread end when the dropped client is garbage
 *       collected.</li>
 * </ul>
 *
 * <p>Build one with {@link #builder()}; thread safe.
 */
public final class JdkTransport implements Transport {

    private static final Logger LOG = LoggerFactory.getLogger(JdkTransport.class);

    /** Headers the JDK client writes itself and refuses from the caller. */
    private static final Set<String> TRANSPORT_MANAGED_HEADERS =
            Set.of("host", "connection", "content-length", "transfer-encoding", "expect", "upgrade", "keep-alive");

    /** Distinct connect timeouts served by clients of their own; beyond it, an existing client serves. */
    private static final int MAX_CLIENTS = 8;
    private static final Duration MIN_IDLE_CHECK = Duration.ofMillis(20);
    private static final Duration MAX_IDLE_CHECK = Duration.ofMillis(500);
    /** As on {@link ApacheTransport}: an answer with more header lines, or a longer one, is refused. */
    private static final int MAX_HEADER_COUNT = 100;
    private static final int MAX_HEADER_LINE_LENGTH = 8 * 1024;
    private static final AtomicInteger INSTANCES = new AtomicInteger();
    /** {@code HttpClient.shutdownNow()} on Java 21 and later; {@code null} on Java 17. */
    private static final MethodHandle SHUTDOWN_NOW = findShutdownNow();
    private static final AtomicBoolean UNOBSERVED_TRANSMISSION_LOGGED = new AtomicBoolean();

    private final Duration connectTimeout;
    private final Executor executor;
    /** The executor this transport made and shuts down on close; {@code null} when the user gave one. */
    private final ExecutorService ownExecutor;
    private final String threadNamePrefix;
    private final int maxConnections;
    private final int maxConnectionsPerRoute;
    private final Optional<ProxyOptions> proxy;
    private final Optional<SSLContext> sslContext;
    private final String description;
    private final ConnectionCap cap;
    private final Map<Duration, HttpClient> clients = new ConcurrentHashMap<>();
    private final Set<Exchange> inFlight = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();

    private JdkTransport(Builder builder) {
        this.connectTimeout = builder.connectTimeout;
        this.maxConnections = builder.settings.maxConnections();
        this.maxConnectionsPerRoute = builder.settings.maxConnectionsPerRoute();
        this.proxy = builder.settings.proxy();
        this.sslContext = builder.settings.sslContext();
        this.description = builder.settings.describe();
        this.cap = new ConnectionCap(maxConnections, maxConnectionsPerRoute);
        this.threadNamePrefix = "nekorekten4j-jdk-http-" + INSTANCES.incrementAndGet() + "-";
        if (builder.executor != null) {
            this.executor = builder.executor;
            this.ownExecutor = null;
        } else {
            this.ownExecutor = Executors.newCachedThreadPool(daemonThreads(threadNamePrefix));
            this.executor = ownExecutor;
        }
    }

    /** A builder: connect timeout from each request, 20 connections (10 per host), an executor of its own. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * {@inheritDoc}
     *
     * <p>The request is written at most once; a call over the connection cap waits for a free
     * connection until the deadline; {@link #close()} aborts the call wherever it is.
     */
    @Override
    public <T> T execute(TransportRequest request, ResponseHandler<T> handler) throws IOException {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(handler, "handler");
        long nanoDeadline = DeadlineWatchdog.startExchange(request, closed.get());
        Exchange exchange = new Exchange(request, nanoDeadline, proxy);
        HttpRequest httpRequest = toHttpRequest(request, nanoDeadline, exchange.sendOnce());
        inFlight.add(exchange);
        try {
            if (closed.get()) {
                throw new IllegalStateException("this transport is closed");
            }
            try (ConnectionCap.Slot slot = acquireSlot(request, nanoDeadline)) {
                HttpClient client = clientFor(connectTimeout != null ? connectTimeout : request.connectTimeout());
                LOG.debug("{} {}{}", request.method(), request.uri().getHost(), request.uri().getRawPath());
                HttpResponse<InputStream> response = exchange.send(client, httpRequest);
                return exchange.handle(response, handler);
            }
        } finally {
            exchange.ended();
            inFlight.remove(exchange);
        }
    }

    private ConnectionCap.Slot acquireSlot(TransportRequest request, long nanoDeadline) throws TransportIOException {
        try {
            return cap.acquire(request.uri(), nanoDeadline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportIOException(TransportIOException.Kind.NOT_SENT,
                    "interrupted while waiting for a connection; nothing was sent", e);
        }
    }

    /** Shows the configuration only, never a proxy password. */
    @Override
    public String toString() {
        return "JdkTransport[connectTimeout=" + (connectTimeout == null ? "per request" : connectTimeout)
                + ", " + description + (closed.get() ? ", closed" : "") + "]";
    }

    /**
     * Refuses further calls, aborts the calls in flight (see the class comment for what they
     * report), stops this transport's threads (an executor given to the builder is left to its
     * owner) and lets go of the JDK clients, shutting them down on Java 21 and later. Returns at
     * once; idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        cap.close();
        for (Exchange exchange : inFlight) {
            exchange.abortForClose();
        }
        for (HttpClient client : clients.values()) {
            shutDown(client);
        }
        clients.clear();
        if (ownExecutor != null) {
            ownExecutor.shutdownNow();
        }
    }

    /** Exchanges under way now (holding a connection slot); for tests. */
    int exchangesInUse() {
        return cap.inUse();
    }

    /** Calls under way now, whether holding a connection or waiting for one; for tests. */
    int exchangesInFlight() {
        return inFlight.size();
    }

    /** The name prefix of the threads this transport starts; for tests. */
    String threadNamePrefix() {
        return threadNamePrefix;
    }

    /** Shuts a JDK client down at once where the JDK can (Java 21+); on Java 17 dropping it is all there is. */
    private static void shutDown(HttpClient client) {
        if (SHUTDOWN_NOW == null) {
            return;
        }
        try {
            SHUTDOWN_NOW.invoke(client);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            // shutdownNow() declares no checked exception; this cannot happen, but say so if it does.
            throw new IllegalStateException("HttpClient.shutdownNow() failed", e);
        }
    }

    private static MethodHandle findShutdownNow() {
        try {
            return MethodHandles.publicLookup().findVirtual(HttpClient.class, "shutdownNow",
                    MethodType.methodType(void.class));
        } catch (NoSuchMethodException | IllegalAccessException e) {
            return null;
        }
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private HttpClient clientFor(Duration timeout) {
        Duration key = timeout.isNegative() || timeout.isZero() ? Duration.ofMillis(1) : timeout;
        HttpClient existing = clients.get(key);
        if (existing != null) {
            return existing;
        }
        if (clients.size() >= MAX_CLIENTS) {
            // The deadline still bounds a connect that takes too long.
            return clients.values().iterator().next();
        }
        HttpClient client = clients.computeIfAbsent(key, this::newClient);
        if (closed.get()) {
            // close() ran meanwhile and may have missed this client.
            shutDown(client);
            throw new IllegalStateException("this transport is closed");
        }
        return client;
    }

    private HttpClient newClient(Duration timeout) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                // NEVER is the JDK default; say it anyway: a followed redirect would carry the key.
                .followRedirects(HttpClient.Redirect.NEVER)
                // Plain-http HTTP/2 would send an h2c upgrade with every request; keep the wire simple.
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .executor(executor)
                // Without a proxy, direct: the JDK client would otherwise follow the JVM's proxy
                // properties by itself, which the Apache transport does not; ProxyOptions.system() opts in.
                .proxy(proxy.map(ProxyOptions::selector).orElse(HttpClient.Builder.NO_PROXY));
        sslContext.ifPresent(builder::sslContext);
        proxy.filter(ProxyOptions::hasCredentials).ifPresent(p -> builder.authenticator(new ProxyOnlyAuthenticator(p)));
        return builder.build();
    }

    /**
     * Gives the proxy's credentials to the JDK client when a proxy asks (407), and nothing when the
     * service or any other server asks (401): the proxy password never reaches the service.
     */
    private static final class ProxyOnlyAuthenticator extends Authenticator {
        private final ProxyOptions proxy;

        ProxyOnlyAuthenticator(ProxyOptions proxy) {
            this.proxy = proxy;
        }

        @Override
        protected PasswordAuthentication getPasswordAuthentication() {
            if (getRequestorType() != RequestorType.PROXY) {
                return null;
            }
            return new PasswordAuthentication(proxy.username().orElseThrow(), proxy.password().toCharArray());
        }

        @Override
        public String toString() {
            return "ProxyOnlyAuthenticator[" + proxy + "]";
        }
    }

    /**
     * Whether the JDK client in this JVM refuses to send Basic credentials to a proxy for an HTTPS
     * tunnel: the system property {@value ProxyFailures#JDK_TUNNELING_DISABLED_SCHEMES} if set, else
     * the JDK's {@code conf/net.properties} (which lists {@code Basic} by default). The JDK reads
     * it once, when {@code java.net.http} is first used; so must the command line set it.
     */
    static boolean basicTunnelAuthDisabled() {
        String value = System.getProperty(ProxyFailures.JDK_TUNNELING_DISABLED_SCHEMES);
        if (value == null) {
            java.nio.file.Path netProperties = java.nio.file.Path.of(System.getProperty("java.home"), "conf",
                    "net.properties");
            java.util.Properties defaults = new java.util.Properties();
            try (java.io.Reader in = java.nio.file.Files.newBufferedReader(netProperties,
                    java.nio.charset.StandardCharsets.ISO_8859_1)) {
                defaults.load(in);
                value = defaults.getProperty(ProxyFailures.JDK_TUNNELING_DISABLED_SCHEMES, "");
            } catch (IOException | RuntimeException e) {
                // Unreadable: assume the JDK's documented default, which disables Basic.
                value = "Basic";
            }
        }
        for (String scheme : value.split(",")) {
            if (scheme.strip().equalsIgnoreCase("Basic")) {
                return true;
            }
        }
        return false;
    }

    private static HttpRequest toHttpRequest(TransportRequest request, long nanoDeadline,
                                             Function<HttpRequest.BodyPublisher, HttpRequest.BodyPublisher> sendOnce) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.uri());
        boolean hasBody = request.body().isPresent();
        for (Map.Entry<String, String> header : request.headers().entrySet()) {
            String name = header.getKey();
            String lower = name.toLowerCase(Locale.ROOT);
            if (TRANSPORT_MANAGED_HEADERS.contains(lower) || (hasBody && lower.equals("content-type"))) {
                continue;
            }
            checkHeader(name, header.getValue());
            builder.header(name, header.getValue());
        }
        HttpRequest.BodyPublisher publisher = HttpRequest.BodyPublishers.noBody();
        if (hasBody) {
            RequestBody body = request.body().get();
            if (body instanceof RequestBody.Json json) {
                builder.header("Content-Type", request.headers().entrySet().stream()
                        .filter(h -> h.getKey().equalsIgnoreCase("content-type"))
                        .map(Map.Entry::getValue)
                        .findFirst()
                        .orElse("application/json"));
                publisher = HttpRequest.BodyPublishers.ofByteArray(json.bytes());
            } else {
                MultipartEncoder.Encoded encoded = MultipartEncoder.encode((RequestBody.Multipart) body);
                builder.header("Content-Type", encoded.contentType());
                publisher = HttpRequest.BodyPublishers.ofByteArray(encoded.body());
            }
        }
        // Only a backstop: the JDK starts this timer before the connect, so it covers connect,
        // write and wait for the head together. The response timeout proper is armed by the
        // exchange when the request has been written.
        long nanos = Math.min(DeadlineWatchdog.remainingNanos(nanoDeadline),
                saturatedSum(saturatedNanos(request.connectTimeout()), saturatedNanos(request.responseTimeout())));
        return builder.method(request.method(), sendOnce.apply(publisher))
                .timeout(Duration.ofNanos(Math.max(1_000_000, nanos)))
                .build();
    }

    /**
     * Maps a failure before the response head onto the kind that tells whether the server may have
     * seen the request. {@code written} says whether the client began to write it.
     */
    private static TransportIOException toTransportIOException(Throwable failure, boolean written, long nanoDeadline) {
        Throwable cause = unwrap(failure);
        if (cause instanceof TransportIOException transportException) {
            return transportException;
        }
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof SendOnceBodyPublisher.TransmissionRefusedException refused && refused.refusedResend()) {
                // The first transmission went out and its connection broke before any answer.
                return new TransportIOException(TransportIOException.Kind.BROKEN, "the connection broke before any"
                        + " answer (the JDK client's automatic re-send of the request was refused)", cause);
            }
        }
        if (TlsFailures.classify(cause).isPresent()) {
            // Permanent (certificate, host name, protocol): see TlsFailures. Nothing was written.
            return new TransportIOException(TransportIOException.Kind.TLS,
                    "the TLS set-up failed (" + cause.getClass().getSimpleName() + ")", cause);
        }
        if (cause instanceof HttpConnectTimeoutException || cause instanceof ConnectException
                || cause instanceof UnknownHostException || cause instanceof NoRouteToHostException
                || cause instanceof SSLHandshakeException) {
            return new TransportIOException(TransportIOException.Kind.NOT_SENT,
                    "could not connect (" + cause.getClass().getSimpleName() + ")", cause);
        }
        if (DeadlineWatchdog.passed(nanoDeadline)) {
            return new TransportIOException(TransportIOException.Kind.TIMEOUT,
                    "the call deadline passed before the answer came (" + cause.getClass().getSimpleName() + ")",
                    cause);
        }
        if (!written) {
            return new TransportIOException(TransportIOException.Kind.NOT_SENT,
                    "could not connect (" + cause.getClass().getSimpleName() + "); the request was not written",
                    cause);
        }
        if (cause instanceof HttpTimeoutException) {
            return new TransportIOException(TransportIOException.Kind.TIMEOUT,
                    "no answer within the timeout (" + cause.getClass().getSimpleName() + ")", cause);
        }
        if (cause instanceof Error error) {
            throw error;
        }
        // A runtime exception here comes from the JDK client reading what the server sent after
        // the request was written (e.g. a NumberFormatException on a Content-Length beyond a
        // long): the server broke the exchange, and the caller gets a transport failure for it.
        return new TransportIOException(TransportIOException.Kind.BROKEN,
                "the exchange broke off (" + cause.getClass().getSimpleName() + ")", cause);
    }

    private static Throwable unwrap(Throwable e) {
        Throwable cause = e;
        while ((cause instanceof ExecutionException || cause instanceof CompletionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** Cancels a send we no longer wait for, and closes its body should the answer still arrive. */
    private static void abandon(CompletableFuture<HttpResponse<InputStream>> pending) {
        pending.cancel(true);
        pending.thenAccept(response -> closeQuietly(response.body()));
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            LOG.debug("closing an abandoned body failed: {}", e.getClass().getSimpleName());
        }
    }

    private static void checkHeader(String name, String value) {
        if (name.isEmpty() || hasControl(name) || hasControl(value)) {
            // Name the header, never echo its value: it may be the key.
            throw new IllegalArgumentException("header " + name.replaceAll("\\p{Cntrl}", "?")
                    + " holds a control character");
        }
    }

    private static boolean hasControl(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7f) {
                return true;
            }
        }
        return false;
    }

    private static Duration idleCheckPeriod(Duration responseTimeout) {
        Duration quarter = responseTimeout.dividedBy(4);
        if (quarter.compareTo(MIN_IDLE_CHECK) < 0) {
            return MIN_IDLE_CHECK;
        }
        return quarter.compareTo(MAX_IDLE_CHECK) > 0 ? MAX_IDLE_CHECK : quarter;
    }

    private static long saturatedNanos(Duration duration) {
        if (duration.isNegative()) {
            return 0;
        }
        return duration.compareTo(Duration.ofNanos(Long.MAX_VALUE / 4)) > 0 ? Long.MAX_VALUE / 4 : duration.toNanos();
    }

    private static long saturatedSum(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE / 2 : sum;
    }

    /**
     * One call in flight: what it has written, the timers armed for it, and how to abort it from
     * another thread (its response timer, the transport's close).
     */
    private static final class Exchange implements SendOnceBodyPublisher.Listener {
        private final TransportRequest request;
        private final long nanoDeadline;
        private final long responseTimeoutNanos;
        private final boolean hasBody;
        private final Optional<ProxyOptions> proxy;
        /** Guards {@link #written} against {@link #abortReason}: one of them is decided first. */
        private final Object lock = new Object();
        private boolean written;
        private TransportIOException abortReason;
        private SendOnceBodyPublisher publisher;
        private volatile CompletableFuture<HttpResponse<InputStream>> pending;
        private volatile BoundedInputStream body;
        private volatile Future<?> responseTimer;

        Exchange(TransportRequest request, long nanoDeadline, Optional<ProxyOptions> proxy) {
            this.request = request;
            this.proxy = proxy;
            this.nanoDeadline = nanoDeadline;
            this.responseTimeoutNanos = Math.max(1, saturatedNanos(request.responseTimeout()));
            this.hasBody = request.body().isPresent();
        }

        /** Wraps the request's body publisher so the request is written at most once, and this exchange hears of it. */
        Function<HttpRequest.BodyPublisher, HttpRequest.BodyPublisher> sendOnce() {
            return delegate -> {
                publisher = new SendOnceBodyPublisher(delegate, this);
                return publisher;
            };
        }

        @Override
        public void headWriting() {
            synchronized (lock) {
                if (abortReason != null) {
                    throw new SendOnceBodyPublisher.TransmissionRefusedException("the call was aborted before"
                            + " the request was written");
                }
                written = true;
            }
            if (!hasBody) {
                armResponseTimer();
            }
        }

        @Override
        public void bodyHandedOver() {
            armResponseTimer();
        }

        private void armResponseTimer() {
            // The response timeout counts from the written request, as a read timeout does on the
            // Apache transport; the JDK's request timeout would count the connect in.
            responseTimer = DeadlineWatchdog.at(saturatedSum(System.nanoTime(), responseTimeoutNanos),
                    () -> abort(new TransportIOException(TransportIOException.Kind.TIMEOUT,
                            "no answer within the response timeout of " + request.responseTimeout()
                                    + " after the request was sent", null)));
        }

        /** Sends the request and waits for the response head, until the deadline. */
        HttpResponse<InputStream> send(HttpClient client, HttpRequest httpRequest) throws TransportIOException {
            CompletableFuture<HttpResponse<InputStream>> started =
                    client.sendAsync(httpRequest, HttpResponse.BodyHandlers.ofInputStream());
            pending = started;
            if (abortReason() != null) {
                started.cancel(true);
            }
            try {
                HttpResponse<InputStream> response =
                        started.get(Math.max(1, DeadlineWatchdog.remainingNanos(nanoDeadline)), TimeUnit.NANOSECONDS);
                cancelResponseTimer();
                checkProxyAnswer(response);
                checkTransmissionWasObserved();
                checkHeaderLimits(response);
                return response;
            } catch (TimeoutException e) {
                abandon(started);
                throw new TransportIOException(TransportIOException.Kind.TIMEOUT,
                        "the call deadline passed before the answer came", e);
            } catch (CancellationException e) {
                abandon(started);
                TransportIOException reason = abortReason();
                throw reason != null ? reason : new TransportIOException(TransportIOException.Kind.BROKEN,
                        "the exchange was cancelled", e);
            } catch (InterruptedException e) {
                abandon(started);
                Thread.currentThread().interrupt();
                throw new TransportIOException(written() ? TransportIOException.Kind.BROKEN : TransportIOException.Kind.NOT_SENT,
                        "interrupted while waiting for the answer", e);
            } catch (ExecutionException e) {
                TransportIOException reason = abortReason();
                if (reason != null) {
                    throw reason;
                }
                if (!written() && proxyRefusedCredentials(e)) {
                    throw ProxyFailures.authenticationRequired(proxy, request.uri(), "", unwrap(e));
                }
                throw toTransportIOException(e, written(), nanoDeadline);
            }
        }

        /**
         * A 407 through a proxy is the proxy's: the JDK client hands a tunnel's 407 over as the
         * answer when it cannot or may not authenticate. Nothing reached the service.
         */
        private void checkProxyAnswer(HttpResponse<InputStream> response) throws TransportIOException {
            if (response.statusCode() != 407 || proxy.isEmpty() || proxy.get().proxyFor(request.uri()).isEmpty()) {
                return;
            }
            if (response.body() != null) {
                closeQuietly(response.body());
            }
            throw ProxyFailures.authenticationRequired(proxy, request.uri(), "", null);
        }

        /**
         * The JDK client gives up on proxy authentication with a bare {@link IOException}: after
         * repeated 407s to the credentials given ("too many authentication attempts"), or when
         * the authenticator had none to give. Only with credentials for a proxy configured.
         */
        private boolean proxyRefusedCredentials(ExecutionException e) {
            if (proxy.isEmpty() || !proxy.get().hasCredentials() || proxy.get().proxyFor(request.uri()).isEmpty()) {
                return false;
            }
            Throwable cause = unwrap(e);
            String message = cause.getMessage() == null ? "" : cause.getMessage();
            return cause instanceof IOException && (message.startsWith("too many authentication attempts")
                    || message.equals("No credentials provided"));
        }

        /** Hands the answer to the handler through the bounded body, with its idle and deadline watches. */
        <T> T handle(HttpResponse<InputStream> response, ResponseHandler<T> handler) throws IOException {
            InputStream raw = response.body();
            // Closing the JDK's body stream before its end cancels the body subscription, which
            // discards the connection rather than reading the rest.
            BoundedInputStream bounded = new BoundedInputStream(raw, request.maxResponseBytes(), nanoDeadline,
                    () -> closeQuietly(raw));
            body = bounded;
            TransportIOException reason = abortReason();
            if (reason != null) {
                bounded.expire(reason);
            }
            Future<?> deadlineWatch = DeadlineWatchdog.at(nanoDeadline, bounded::expire);
            Future<?> idleWatch = DeadlineWatchdog.every(idleCheckPeriod(request.responseTimeout()), () -> {
                long started = bounded.readStartedNanos();
                if (started != 0 && System.nanoTime() - started > responseTimeoutNanos) {
                    bounded.expireIdle();
                }
            });
            try {
                T value = handler.handle(new Answer(response, bounded));
                // Read to its end, the connection went back to the pool already; otherwise this drops it.
                closeQuietly(raw);
                return value;
            } catch (IOException | RuntimeException | Error e) {
                closeQuietly(raw);
                throw e;
            } finally {
                deadlineWatch.cancel(false);
                idleWatch.cancel(false);
            }
        }

        /** Aborts the call because the transport is closing: not sent if not yet written, else broken. */
        void abortForClose() {
            TransportIOException why;
            synchronized (lock) {
                if (abortReason != null) {
                    return;
                }
                // Decided under the lock: a request not yet written now never will be (headWriting refuses).
                why = written
                        ? new TransportIOException(TransportIOException.Kind.BROKEN, "the transport was closed while the"
                                + " call was in flight; the request may have reached the server", null)
                        : new TransportIOException(TransportIOException.Kind.NOT_SENT,
                                "the transport was closed before the request was sent", null);
                abortReason = why;
            }
            stop(why);
        }

        /** Ends the exchange wherever it is; the first reason wins. Safe from any thread. */
        private void abort(TransportIOException why) {
            synchronized (lock) {
                if (abortReason != null) {
                    return;
                }
                abortReason = why;
            }
            stop(why);
        }

        /** Cancels the send or fails the body; outside the lock, since cancelling runs JDK code. */
        private void stop(TransportIOException why) {
            CompletableFuture<HttpResponse<InputStream>> started = pending;
            if (started != null) {
                started.cancel(true);
            }
            BoundedInputStream current = body;
            if (current != null) {
                current.expire(why);
            }
        }

        /** Called when the call returns or throws: disarms what is still armed. */
        void ended() {
            cancelResponseTimer();
        }

        private void cancelResponseTimer() {
            Future<?> timer = responseTimer;
            if (timer != null) {
                timer.cancel(false);
            }
        }

        private TransportIOException abortReason() {
            synchronized (lock) {
                return abortReason == null ? null
                        : new TransportIOException(abortReason.kind(), abortReason.getMessage(), abortReason.getCause());
            }
        }

        private boolean written() {
            synchronized (lock) {
                return written;
            }
        }

        /**
         * Refuses an answer with more than {@value #MAX_HEADER_COUNT} header lines or one longer than
         * {@value #MAX_HEADER_LINE_LENGTH} characters, as the Apache transport's parser does; the JDK
         * client only caps the head's total size.
         */
        private static void checkHeaderLimits(HttpResponse<InputStream> response) throws TransportIOException {
            int lines = 0;
            for (Map.Entry<String, List<String>> header : response.headers().map().entrySet()) {
                for (String value : header.getValue()) {
                    lines++;
                    if (header.getKey().length() + 2 + value.length() > MAX_HEADER_LINE_LENGTH) {
                        closeQuietly(response.body());
                        throw new TransportIOException(TransportIOException.Kind.BROKEN,
                                "the answer has a header line longer than " + MAX_HEADER_LINE_LENGTH + " characters", null);
                    }
                }
            }
            if (lines > MAX_HEADER_COUNT) {
                closeQuietly(response.body());
                throw new TransportIOException(TransportIOException.Kind.BROKEN,
                        "the answer has more than " + MAX_HEADER_COUNT + " header lines", null);
            }
        }

        /**
         * The send-once guard relies on the JDK asking the body publisher for its length once per
         * transmission. Should a JDK ever stop doing so, say it once rather than claim a guarantee.
         */
        private void checkTransmissionWasObserved() {
            if (publisher != null && publisher.transmissionsStarted() == 0
                    && UNOBSERVED_TRANSMISSION_LOGGED.compareAndSet(false, true)) {
                LOG.warn("this JDK ({}) wrote a request without asking its body publisher for the length;"
                        + " JdkTransport cannot refuse the JDK client's automatic re-sends of a GET here:"
                        + " prefer ApacheTransport", Runtime.version());
            }
        }
    }

    /** A response as the handler sees it. */
    private static final class Answer implements TransportResponse {
        private final HttpResponse<InputStream> response;
        private final InputStream body;

        Answer(HttpResponse<InputStream> response, InputStream body) {
            this.response = response;
            this.body = body;
        }

        @Override
        public int status() {
            return response.statusCode();
        }

        @Override
        public Optional<String> header(String name) {
            Objects.requireNonNull(name, "name");
            return response.headers().firstValue(name);
        }

        @Override
        public InputStream body() {
            return body;
        }

        @Override
        public String toString() {
            return "TransportResponse[status=" + response.statusCode() + "]";
        }
    }

    /** Configures a {@link JdkTransport}. Not thread safe. */
    public static final class Builder {
        private Duration connectTimeout;
        private Executor executor;
        private final ConnectionSettings settings = new ConnectionSettings();

        private Builder() {
        }

        /**
         * One connect timeout for every call, instead of each request's own (the JDK client takes it
         * per client, not per request).
         */
        public Builder connectTimeout(Duration connectTimeout) {
            Objects.requireNonNull(connectTimeout, "connectTimeout");
            if (connectTimeout.isNegative() || connectTimeout.isZero()) {
                throw new IllegalArgumentException("connectTimeout must be positive, got " + connectTimeout);
            }
            this.connectTimeout = connectTimeout;
            return this;
        }

        /**
         * The executor the JDK client runs its asynchronous work on. Default: one of the
         * transport's own (daemon threads), shut down by {@link JdkTransport#close()}; one given here
         * stays running: its owner shuts it down.
         */
        public Builder executor(Executor executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /** The most connections in use at once, over every host (default 20), as on {@link ApacheTransport}. */
        public Builder maxConnections(int maxConnections) {
            settings.maxConnections(maxConnections);
            return this;
        }

        /** The most connections in use at once to one host (default 10). */
        public Builder maxConnectionsPerRoute(int maxConnectionsPerRoute) {
            settings.maxConnectionsPerRoute(maxConnectionsPerRoute);
            return this;
        }

        /**
         * Reach the service through an HTTP proxy (default: direct — unlike a bare
         * {@code java.net.http.HttpClient}, the JVM's proxy properties are not followed unless you pass
         * {@link ProxyOptions#system()}). HTTPS is tunnelled ({@code CONNECT}). See {@link ProxyOptions}.
         *
         * <p><b>Proxy credentials need a JVM setting.</b> The JDK's HTTP client sends no Basic
         * credentials to a proxy for an HTTPS tunnel while the system property
         * {@code jdk.http.auth.tunneling.disabledSchemes} lists {@code Basic} — the JDK's default
         * (in {@code conf/net.properties}), there since Java 8u111 to keep passwords off networks
         * where a tunnel's Basic header travels in clear text between client and proxy. Start
         * the JVM with {@code -Djdk.http.auth.tunneling.disabledSchemes=} (empty) to allow it; the
         * JDK reads it once, so it must be on the command line. Without it, {@link #build()}
         * refuses credentials rather than have every call fail with a 407; or use
         * {@link ApacheTransport}, which needs no such setting.
         *
         * <p>With proxy credentials the JDK client also consults them for a 401 that carries a
         * {@code WWW-Authenticate: Basic} challenge; they are given to proxies only, so such a 401
         * from the service ends as a transport failure (the JDK's "No credentials provided")
         * instead of an {@code InvalidApiKeyException}. The Apache transport has no such quirk.
         */
        public Builder proxy(ProxyOptions proxy) {
            settings.proxy(proxy);
            return this;
        }

        /**
         * The TLS context for HTTPS connections (default: the JVM's default context), e.g. one that
         * trusts a company's TLS-inspecting proxy's CA. Host names are still verified. Replaces a
         * {@link #trustStore(KeyStore)}.
         */
        public Builder sslContext(SSLContext sslContext) {
            settings.sslContext(sslContext);
            return this;
        }

        /**
         * Shorthand for an {@link #sslContext(SSLContext)} that trusts exactly the certificates in
         * {@code trustStore} (the JVM's default ones no longer), with host-name verification.
         *
         * @throws IllegalArgumentException when the store cannot be used
         */
        public Builder trustStore(KeyStore trustStore) {
            settings.trustStore(trustStore);
            return this;
        }

        /**
         * Builds the transport.
         *
         * @throws IllegalArgumentException when more connections are allowed per route than in all
         * @throws IllegalStateException    when proxy credentials are set and this JVM keeps the JDK
         *                                  client from sending them (see {@link #proxy(ProxyOptions)})
         */
        public JdkTransport build() {
            settings.check();
            if (settings.proxy().map(ProxyOptions::hasCredentials).orElse(false) && basicTunnelAuthDisabled()) {
                throw new IllegalStateException("JdkTransport cannot send proxy credentials in this JVM: java.net.http"
                        + " sends no Basic credentials to a proxy for an HTTPS tunnel while the system property "
                        + ProxyFailures.JDK_TUNNELING_DISABLED_SCHEMES + " lists Basic (the JDK's default). Start the"
                        + " JVM with -D" + ProxyFailures.JDK_TUNNELING_DISABLED_SCHEMES + "= (empty), or use"
                        + " ApacheTransport");
            }
            return new JdkTransport(this);
        }
    }
}
