package io.nekorekten4j.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLHandshakeException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Transport} over the JDK's {@code java.net.http.HttpClient}, for users who want no
 * Apache HttpClient on their class path. Redirects are never followed ({@code Redirect.NEVER}), no
 * content coding is requested or decoded, multipart bodies are encoded here (the JDK has no
 * encoder), HTTP/1.1 is used, and the whole-call deadline is enforced by a watchdog that closes
 * the body stream, so a server dribbling bytes cannot hold a read past it.
 *
 * <p>The JDK client has no per-read timeout for a body: here a watchdog aborts a read that waits
 * longer than {@link TransportRequest#responseTimeout()} for its next bytes. The JDK re-sends a
 * {@code GET} (never a {@code POST}) once on its own when a pooled connection turns out to have been
 * closed by the server before any byte of the answer; that cannot be switched off.
 *
 * <p>Build one with {@link #builder()}; thread safe. On Java 17 the JDK client cannot be closed:
 * {@link #close()} refuses further calls and drops the clients, whose connections end when they
 * are collected; on Java 21 and later it closes them.
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

    private final Duration connectTimeout;
    private final Executor executor;
    private final Map<Duration, HttpClient> clients = new ConcurrentHashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    private JdkTransport(Builder builder) {
        this.connectTimeout = builder.connectTimeout;
        this.executor = builder.executor;
    }

    /** A builder: connect timeout from each request, the JDK's default executor. */
    public static Builder builder() {
        return new Builder();
    }

    /** {@inheritDoc} */
    @Override
    public <T> T execute(TransportRequest request, ResponseHandler<T> handler) throws IOException {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(handler, "handler");
        long nanoDeadline = DeadlineWatchdog.startExchange(request, closed.get());
        HttpRequest httpRequest = toHttpRequest(request, nanoDeadline);
        HttpClient client = clientFor(connectTimeout != null ? connectTimeout : request.connectTimeout());
        LOG.debug("{} {}{}", request.method(), request.uri().getHost(), request.uri().getRawPath());
        HttpResponse<InputStream> response = send(client, httpRequest, nanoDeadline);
        return handle(response, request, handler, nanoDeadline);
    }

    private static HttpResponse<InputStream> send(HttpClient client, HttpRequest httpRequest, long nanoDeadline)
            throws TransportException {
        CompletableFuture<HttpResponse<InputStream>> pending =
                client.sendAsync(httpRequest, HttpResponse.BodyHandlers.ofInputStream());
        try {
            return pending.get(Math.max(1, DeadlineWatchdog.remainingNanos(nanoDeadline)), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            abandon(pending);
            throw new TransportException(TransportException.Kind.TIMEOUT,
                    "the call deadline passed before the answer came", e);
        } catch (InterruptedException e) {
            abandon(pending);
            Thread.currentThread().interrupt();
            throw new TransportException(TransportException.Kind.BROKEN,
                    "interrupted while waiting for the answer", e);
        } catch (ExecutionException e) {
            throw toTransportException(unwrap(e), nanoDeadline);
        }
    }

    private static <T> T handle(HttpResponse<InputStream> response, TransportRequest request,
                                ResponseHandler<T> handler, long nanoDeadline) throws IOException {
        InputStream raw = response.body();
        // Closing the JDK's body stream before its end cancels the body subscription, which
        // discards the connection rather than reading the rest.
        BoundedInputStream body = new BoundedInputStream(raw, request.maxResponseBytes(), nanoDeadline,
                () -> closeQuietly(raw));
        long idleNanos = Math.max(1, saturatedNanos(request.responseTimeout()));
        Future<?> deadlineWatch = DeadlineWatchdog.at(nanoDeadline, body::expire);
        Future<?> idleWatch = DeadlineWatchdog.every(idleCheckPeriod(request.responseTimeout()), () -> {
            long started = body.readStartedNanos();
            if (started != 0 && System.nanoTime() - started > idleNanos) {
                body.expireIdle();
            }
        });
        try {
            T value = handler.handle(new Answer(response, body));
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

    /** Shows the configured connect timeout only. */
    @Override
    public String toString() {
        return "JdkTransport[connectTimeout=" + (connectTimeout == null ? "per request" : connectTimeout)
                + (closed.get() ? ", closed" : "") + "]";
    }

    /**
     * Refuses further calls and lets go of the JDK clients (closing them on Java 21 and later, where
     * they are {@link AutoCloseable}). Idempotent.
     */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            for (HttpClient client : clients.values()) {
                closeClient(client);
            }
            clients.clear();
        }
    }

    private static void closeClient(HttpClient client) {
        if (client instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.debug("closing a JDK HTTP client failed: {}", e.getClass().getSimpleName());
            }
        }
    }

    private HttpClient clientFor(Duration timeout) {
        Duration key = timeout.isNegative() || timeout.isZero() ? Duration.ofMillis(1) : timeout;
        HttpClient existing = clients.get(key);
        if (existing != null) {
            return existing;
        }
        if (clients.size() >= MAX_CLIENTS) {
            // The request's own timeout and the deadline still bound a connect that takes too long.
            return clients.values().iterator().next();
        }
        return clients.computeIfAbsent(key, this::newClient);
    }

    private HttpClient newClient(Duration timeout) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                // NEVER is the JDK default; say it anyway: a followed redirect would carry the key.
                .followRedirects(HttpClient.Redirect.NEVER)
                // Plain-http HTTP/2 would send an h2c upgrade with every request; keep the wire simple.
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout);
        if (executor != null) {
            builder.executor(executor);
        }
        return builder.build();
    }

    private static HttpRequest toHttpRequest(TransportRequest request, long nanoDeadline) {
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
        // The JDK's request timeout runs from the send until the response headers: give it the
        // connect and the first-byte allowance, never more than the time left to the deadline.
        long nanos = Math.min(DeadlineWatchdog.remainingNanos(nanoDeadline),
                saturatedSum(saturatedNanos(request.connectTimeout()), saturatedNanos(request.responseTimeout())));
        return builder.method(request.method(), publisher)
                .timeout(Duration.ofNanos(Math.max(1_000_000, nanos)))
                .build();
    }

    /** Maps a failure before the response headers onto the kind that tells whether the server may have seen it. */
    private static TransportException toTransportException(Throwable cause, long nanoDeadline) {
        if (cause instanceof TransportException transportException) {
            return transportException;
        }
        if (!(cause instanceof IOException)) {
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            return new TransportException(TransportException.Kind.BROKEN,
                    "the exchange failed (" + cause.getClass().getSimpleName() + ")", cause);
        }
        if (cause instanceof HttpConnectTimeoutException || cause instanceof ConnectException
                || cause instanceof UnknownHostException || cause instanceof NoRouteToHostException
                || cause instanceof SSLHandshakeException) {
            return new TransportException(TransportException.Kind.NOT_SENT,
                    "could not connect (" + cause.getClass().getSimpleName() + ")", cause);
        }
        if (cause instanceof HttpTimeoutException || DeadlineWatchdog.passed(nanoDeadline)) {
            return new TransportException(TransportException.Kind.TIMEOUT,
                    "no answer within the timeout (" + cause.getClass().getSimpleName() + ")", cause);
        }
        return new TransportException(TransportException.Kind.BROKEN,
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

        /** The executor the JDK client runs its asynchronous work on (default: its own). */
        public Builder executor(Executor executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /** Builds the transport. */
        public JdkTransport build() {
            return new JdkTransport(this);
        }
    }
}
