package io.nekorekten4j.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import io.nekorekten4j.ports.TlsFailureException;
import javax.net.ssl.SSLHandshakeException;

import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.Credentials;
import org.apache.hc.client5.http.auth.CredentialsProvider;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.impl.ChainElement;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.routing.DefaultRoutePlanner;
import org.apache.hc.client5.http.impl.routing.SystemDefaultRoutePlanner;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.client5.http.routing.HttpRoutePlanner;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.ManagedHttpClientConnectionFactory;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.io.HttpClientResponseHandler;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.message.BasicHeader;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default {@link Transport}: Apache HttpClient 5 classic, configured against its risky
 * defaults — a bounded connection pool; redirects off (a 3xx reaches the handler, the key never
 * travels to another origin); its own retries off (the client's policy decides, knowing whether a
 * write may be repeated); content decompression off; the key header marked sensitive; response
 * header size limits; a whole-call deadline enforced by cancelling the exchange; a size-capped body
 * stream that aborts the exchange on overflow; and every pool lease released on every path.
 *
 * <p>Build one with {@link #builder()}; thread safe; {@link #close()} shuts the pool down.
 */
public final class ApacheTransport implements Transport {

    private static final Logger LOG = LoggerFactory.getLogger(ApacheTransport.class);

    /** Headers HttpClient writes itself from the entity and connection state; it refuses duplicates. */
    private static final Set<String> TRANSPORT_MANAGED_HEADERS =
            Set.of("host", "connection", "content-length", "transfer-encoding", "expect", "upgrade", "keep-alive");

    /** An answer's status line or a header line longer than this is refused: no legitimate one is. */
    private static final int MAX_HEADER_LINE_LENGTH = 8 * 1024;
    private static final int MAX_HEADER_COUNT = 100;
    /** A pooled connection idle this long is checked before reuse, so a stale one is not written to. */
    private static final TimeValue VALIDATE_AFTER_INACTIVITY = TimeValue.ofMilliseconds(500);
    private static final TimeValue EVICT_IDLE_AFTER = TimeValue.ofSeconds(30);
    /** The context attribute set once an exchange has passed the connect step (see the constructor). */
    private static final String REACHED_SERVICE = "io.nekorekten4j.reached-service";

    private final PoolingHttpClientConnectionManager pool;
    private final CloseableHttpClient client;
    private final int maxConnections;
    private final int maxConnectionsPerRoute;
    private final Optional<ProxyOptions> proxy;
    private final String description;
    private final AtomicBoolean closed = new AtomicBoolean();

    private ApacheTransport(Builder builder) {
        ConnectionSettings settings = builder.settings;
        this.maxConnections = settings.maxConnections();
        this.maxConnectionsPerRoute = settings.maxConnectionsPerRoute();
        this.proxy = settings.proxy();
        this.description = settings.describe();
        Http1Config http1 = Http1Config.custom()
                .setMaxLineLength(MAX_HEADER_LINE_LENGTH)
                .setMaxHeaderCount(MAX_HEADER_COUNT)
                .build();
        PoolingHttpClientConnectionManagerBuilder poolBuilder = PoolingHttpClientConnectionManagerBuilder.create()
                .setConnectionFactory(ManagedHttpClientConnectionFactory.builder().http1Config(http1).build())
                .setMaxConnTotal(maxConnections)
                .setMaxConnPerRoute(maxConnectionsPerRoute)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.ofSeconds(5))
                        .setValidateAfterInactivity(VALIDATE_AFTER_INACTIVITY)
                        .build());
        // Host-name verification stays the default one: only the trust decision changes.
        settings.sslContext().ifPresent(ssl -> poolBuilder.setTlsSocketStrategy(new DefaultClientTlsStrategy(ssl)));
        this.pool = poolBuilder.build();
        HttpClientBuilder clientBuilder = HttpClients.custom()
                .setConnectionManager(pool)
                // Direct unless a proxy was configured: the JVM's proxy properties apply only when asked
                // for (ProxyOptions.system()), and plain http never goes through a proxy.
                .setRoutePlanner(proxy.<HttpRoutePlanner>map(p -> new SystemDefaultRoutePlanner(p.selector()))
                        .orElseGet(() -> new DefaultRoutePlanner(null)))
                // Credentials for the proxy of the route only: a 401 challenge of the service (or any
                // other host) never gets them.
                .setDefaultCredentialsProvider(new ProxyOnlyCredentials(proxy))
                // Marks an exchange that got past the connect step (and any tunnel): an answer without
                // the mark is the proxy's refusal of the CONNECT, not the service's answer.
                .addExecInterceptorAfter(ChainElement.CONNECT.name(), "nekorekten4j-reached-service",
                        (request, scope, chain) -> {
                            scope.clientContext.setAttribute(REACHED_SERVICE, Boolean.TRUE);
                            return chain.proceed(request, scope);
                        });
        this.client = clientBuilder
                // A redirect would carry the Api-Key header to wherever Location points (HttpClient
                // 5.5+ withholds only sensitive or Authorization/Cookie headers) and re-send a 307 body.
                .disableRedirectHandling()
                // Its default strategy retries 429/503 for any method, POST included, sleeping for an
                // unbounded Retry-After and bypassing the quota gate: the client's own policy decides.
                .disableAutomaticRetries()
                // Transparent gzip/deflate has no size limit: a small "gzip bomb" would inflate past
                // any cap before our bounded stream saw a byte. We ask for no coding, decode none.
                .disableContentCompression()
                .disableCookieManagement()
                .disableAuthCaching()
                .evictIdleConnections(EVICT_IDLE_AFTER)
                .build();
    }

    /** A builder with the defaults: 20 connections in all, 10 per route, direct, the JVM's default TLS trust. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * {@inheritDoc}
     *
     * <p>The exchange is cancelled when {@link TransportRequest#deadline()} passes, whatever it is
     * blocked on (pool lease, connect, a read); a body not read to its end is discarded with its
     * connection rather than drained.
     */
    @Override
    public <T> T execute(TransportRequest request, ResponseHandler<T> handler) throws IOException {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(handler, "handler");
        long nanoDeadline = DeadlineWatchdog.startExchange(request, closed.get());
        HttpUriRequestBase http = toHttpRequest(request, nanoDeadline);
        LOG.debug("{} {}{}", request.method(), request.uri().getHost(), request.uri().getRawPath());
        HttpClientContext context = HttpClientContext.create();
        Exchange<T> exchange = new Exchange<>(http, handler, request.maxResponseBytes(), nanoDeadline,
                status -> proxyRefusal(request, context, status));
        Future<?> watch = DeadlineWatchdog.at(nanoDeadline, exchange::expire);
        try {
            return client.execute(http, context, exchange);
        } catch (IOException | RuntimeException e) {
            if (exchange.handlerFailure == e) {
                throw e;
            }
            if (exchange.handled) {
                // The handler finished and we discarded the unread rest of the body; HttpClient's
                // clean-up then trips over the closed connection. The answer is still good.
                return exchange.result;
            }
            if (e instanceof IOException io) {
                throw toTransportIOException(io, nanoDeadline);
            }
            throw e;
        } finally {
            watch.cancel(false);
        }
    }

    /**
     * The failure for an answer that came from the proxy rather than the service: HttpClient hands a
     * refused {@code CONNECT}'s answer to the handler as if it were the service's.
     */
    private Optional<TransportIOException> proxyRefusal(TransportRequest request, HttpClientContext context, int status) {
        if (Boolean.TRUE.equals(context.getAttribute(REACHED_SERVICE))) {
            return Optional.empty();
        }
        if (status == 407) {
            return Optional.of(ProxyFailures.authenticationRequired(proxy, request.uri(), "", null));
        }
        return Optional.of(ProxyFailures.tunnelRefused(proxy, request.uri(), status));
    }

    /** The pool's current figures; after every call has returned, {@code leased} and {@code pending} are 0. */
    public PoolStats poolStats() {
        org.apache.hc.core5.pool.PoolStats stats = pool.getTotalStats();
        return new PoolStats(stats.getLeased(), stats.getPending(), stats.getAvailable(), stats.getMax());
    }

    /** Closes every connection at once and stops the pool's threads. Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            client.close(CloseMode.IMMEDIATE);
        }
    }

    /** Shows the pool limits and the proxy, never a proxy password. */
    @Override
    public String toString() {
        return "ApacheTransport[" + description + (closed.get() ? ", closed" : "") + "]";
    }

    // The only per-request connect timeout HttpClient 5 has: ConnectionConfig is per route, and
    // PoolingHttpClientConnectionManager.connect still prefers this value when it is set (5.6).
    @SuppressWarnings("deprecation")
    private static HttpUriRequestBase toHttpRequest(TransportRequest request, long nanoDeadline) {
        HttpUriRequestBase http = new HttpUriRequestBase(request.method(), request.uri());
        for (Map.Entry<String, String> header : request.headers().entrySet()) {
            String name = header.getKey();
            checkHeader(name, header.getValue());
            String lower = name.toLowerCase(Locale.ROOT);
            boolean bodyType = lower.equals("content-type") && request.body().isPresent();
            if (!TRANSPORT_MANAGED_HEADERS.contains(lower) && !bodyType) {
                // Sensitive: HttpClient withholds such a header from any other origin, should a
                // redirect ever be followed despite the configuration above.
                http.addHeader(new BasicHeader(name, header.getValue(), request.isSensitive(name)));
            }
        }
        request.body().ifPresent(body -> http.setEntity(toEntity(body, request)));
        long remainingMillis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(DeadlineWatchdog.remainingNanos(nanoDeadline)));
        http.setConfig(RequestConfig.custom()
                .setConnectionRequestTimeout(Timeout.ofMilliseconds(remainingMillis))
                .setConnectTimeout(Timeout.ofMilliseconds(Math.min(remainingMillis, positiveMillis(request.connectTimeout()))))
                .setResponseTimeout(Timeout.ofMilliseconds(Math.min(remainingMillis, positiveMillis(request.responseTimeout()))))
                .setRedirectsEnabled(false)
                .setContentCompressionEnabled(false)
                .setProtocolUpgradeEnabled(false)
                .build());
        return http;
    }

    private static HttpEntity toEntity(RequestBody body, TransportRequest request) {
        if (body instanceof RequestBody.Json json) {
            ContentType type = request.headers().entrySet().stream()
                    .filter(h -> h.getKey().equalsIgnoreCase("content-type"))
                    .map(h -> ContentType.parse(h.getValue()))
                    .findFirst()
                    .orElse(ContentType.APPLICATION_JSON);
            return new ByteArrayEntity(json.bytes(), type);
        }
        MultipartEncoder.Encoded encoded = MultipartEncoder.encode((RequestBody.Multipart) body);
        return new ByteArrayEntity(encoded.body(), ContentType.parse(encoded.contentType()));
    }

    /** Maps a failure outside the body stream onto the kind that tells whether the server may have seen it. */
    private static TransportIOException toTransportIOException(IOException e, long nanoDeadline) {
        if (e instanceof TransportIOException transportException) {
            return transportException;
        }
        if (DeadlineWatchdog.passed(nanoDeadline)) {
            return new TransportIOException(TransportIOException.Kind.TIMEOUT,
                    "the call deadline passed before the answer came", e);
        }
        Optional<TlsFailureException.Reason> tls = TlsFailures.classify(e);
        if (tls.isPresent()) {
            return new TransportIOException(TransportIOException.Kind.TLS,
                    "the TLS set-up failed (" + e.getClass().getSimpleName() + ")", e);
        }
        if (e instanceof ConnectTimeoutException || e instanceof ConnectException
                || e instanceof UnknownHostException || e instanceof NoRouteToHostException
                || e instanceof SSLHandshakeException) {
            return new TransportIOException(TransportIOException.Kind.NOT_SENT,
                    "could not connect (" + e.getClass().getSimpleName() + ")", e);
        }
        if (e instanceof SocketTimeoutException
                || e instanceof org.apache.hc.core5.http.ConnectionRequestTimeoutException) {
            return new TransportIOException(TransportIOException.Kind.TIMEOUT,
                    "no answer within the timeout (" + e.getClass().getSimpleName() + ")", e);
        }
        return new TransportIOException(TransportIOException.Kind.BROKEN,
                "the exchange broke off (" + e.getClass().getSimpleName() + ")", e);
    }

    private static void checkHeader(String name, String value) {
        if (name.isEmpty() || hasLineBreakOrControl(name) || hasLineBreakOrControl(value)) {
            // Name the header, never echo its value: it may be the key.
            throw new IllegalArgumentException("header " + printable(name) + " holds a control character");
        }
    }

    private static boolean hasLineBreakOrControl(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7f) {
                return true;
            }
        }
        return false;
    }

    private static String printable(String name) {
        return name.replaceAll("\\p{Cntrl}", "?");
    }

    /** At least 1 ms, because HttpClient reads a zero timeout as "wait forever"; saturates on overflow. */
    private static long positiveMillis(Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            return 1;
        }
        return duration.compareTo(Duration.ofMillis(Integer.MAX_VALUE)) > 0 ? Integer.MAX_VALUE
                : Math.max(1, duration.toMillis());
    }

    /**
     * The HttpClient response handler around the user's handler: wraps the body in the bounded
     * stream, and makes sure a body not read to its end is discarded, not drained.
     */
    private static final class Exchange<T> implements HttpClientResponseHandler<T> {
        private final HttpUriRequestBase http;
        private final ResponseHandler<T> handler;
        private final long maxBytes;
        private final long nanoDeadline;
        private final java.util.function.IntFunction<Optional<TransportIOException>> proxyRefusal;
        private volatile BoundedInputStream body;
        private volatile boolean expired;
        Throwable handlerFailure;
        boolean handled;
        T result;

        Exchange(HttpUriRequestBase http, ResponseHandler<T> handler, long maxBytes, long nanoDeadline,
                 java.util.function.IntFunction<Optional<TransportIOException>> proxyRefusal) {
            this.http = http;
            this.handler = handler;
            this.maxBytes = maxBytes;
            this.nanoDeadline = nanoDeadline;
            this.proxyRefusal = proxyRefusal;
        }

        @Override
        public T handleResponse(ClassicHttpResponse response) throws IOException {
            Optional<TransportIOException> refused = proxyRefusal.apply(response.getCode());
            if (refused.isPresent()) {
                handlerFailure = refused.get();
                http.cancel();
                throw refused.get();
            }
            HttpEntity entity = response.getEntity();
            InputStream raw = entity == null ? InputStream.nullInputStream() : entity.getContent();
            BoundedInputStream bounded = new BoundedInputStream(raw, maxBytes, nanoDeadline, http::cancel);
            body = bounded;
            if (expired) {
                bounded.expire();
            }
            try {
                T value = handler.handle(new Answer(response, bounded));
                if (!bounded.completed()) {
                    // The rest may be huge or endless: drop the connection rather than drain it.
                    http.cancel();
                }
                result = value;
                handled = true;
                return value;
            } catch (IOException | RuntimeException | Error e) {
                handlerFailure = e;
                http.cancel();
                throw e;
            }
        }

        /** Run by the watchdog at the deadline: wakes whatever the exchange is blocked on. */
        void expire() {
            expired = true;
            BoundedInputStream current = body;
            if (current != null) {
                current.expire();
            }
            http.cancel();
        }
    }

    /** A response as the handler sees it. */
    private static final class Answer implements TransportResponse {
        private final ClassicHttpResponse response;
        private final InputStream body;

        Answer(ClassicHttpResponse response, InputStream body) {
            this.response = response;
            this.body = body;
        }

        @Override
        public int status() {
            return response.getCode();
        }

        @Override
        public Optional<String> header(String name) {
            Objects.requireNonNull(name, "name");
            Header header = response.getFirstHeader(name);
            return header == null ? Optional.empty() : Optional.ofNullable(header.getValue());
        }

        @Override
        public InputStream body() {
            return body;
        }

        @Override
        public String toString() {
            return "TransportResponse[status=" + response.getCode() + "]";
        }
    }

    /**
     * Connection pool figures.
     *
     * @param leased    connections handed to a call right now
     * @param pending   calls waiting for a connection
     * @param available idle connections kept for reuse
     * @param max       the pool's limit
     */
    public record PoolStats(int leased, int pending, int available, int max) {
    }

    /**
     * The credentials provider of this client: the proxy's credentials, and only while the exchange
     * has not passed the connect step — i.e. for the proxy's challenge to the {@code CONNECT}. A
     * challenge from the service (or anything past the tunnel) gets nothing, so the proxy password
     * can never reach it.
     */
    private static final class ProxyOnlyCredentials implements CredentialsProvider {
        private final Optional<ProxyOptions> proxy;

        ProxyOnlyCredentials(Optional<ProxyOptions> proxy) {
            this.proxy = proxy;
        }

        @Override
        public Credentials getCredentials(AuthScope scope, HttpContext context) {
            if (proxy.isEmpty() || !proxy.get().hasCredentials() || context == null
                    || context.getAttribute(REACHED_SERVICE) != null) {
                return null;
            }
            return new UsernamePasswordCredentials(proxy.get().username().orElseThrow(),
                    proxy.get().password().toCharArray());
        }

        @Override
        public String toString() {
            return "ProxyOnlyCredentials[" + proxy.map(ProxyOptions::toString).orElse("none") + "]";
        }
    }

    /** Configures an {@link ApacheTransport}. Not thread safe. */
    public static final class Builder {
        private final ConnectionSettings settings = new ConnectionSettings();

        private Builder() {
        }

        /** The most connections open at once, over every host (default 20): the pool's size. */
        public Builder maxConnections(int maxConnections) {
            settings.maxConnections(maxConnections);
            return this;
        }

        /** The most connections open at once to one host (default 10). */
        public Builder maxConnectionsPerRoute(int maxConnectionsPerRoute) {
            settings.maxConnectionsPerRoute(maxConnectionsPerRoute);
            return this;
        }

        /**
         * Reach the service through an HTTP proxy (default: direct, whatever the JVM's proxy
         * properties say). HTTPS is tunnelled ({@code CONNECT}); the proxy's credentials, if any,
         * are sent with Basic when it asks for them (407), only to it. See {@link ProxyOptions}.
         */
        public Builder proxy(ProxyOptions proxy) {
            settings.proxy(proxy);
            return this;
        }

        /**
         * The TLS context for HTTPS connections (default: the JVM's, trusting its {@code cacerts} or
         * {@code javax.net.ssl.trustStore}), e.g. one that trusts a company's TLS-inspecting proxy's
         * CA. Host names are still verified. Replaces a {@link #trustStore(KeyStore)}.
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

        /** Package-private: the client builder hands its own settings over. */
        Builder settings(java.util.function.Consumer<ConnectionSettings> configure) {
            configure.accept(settings);
            return this;
        }

        /**
         * Builds the transport.
         *
         * @throws IllegalArgumentException when more connections are allowed per route than in all
         */
        public ApacheTransport build() {
            settings.check();
            return new ApacheTransport(this);
        }
    }
}
