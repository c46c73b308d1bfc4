package io.nekorekten4j.http;

import io.nekorekten4j.cache.CacheInvalidation;
import io.nekorekten4j.cache.CacheOptions;
import io.nekorekten4j.cache.ResultStore;
import io.nekorekten4j.cache.SearchKey;
import io.nekorekten4j.domain.Attachment;
import io.nekorekten4j.domain.City;
import io.nekorekten4j.domain.FileId;
import io.nekorekten4j.domain.ReportDraft;
import io.nekorekten4j.domain.ReportId;
import io.nekorekten4j.domain.ReportPatch;
import io.nekorekten4j.domain.ReportReceipt;
import io.nekorekten4j.domain.SearchCriteria;
import io.nekorekten4j.domain.SearchResult;
import io.nekorekten4j.domain.ValidationException;
import io.nekorekten4j.domain.Violation;
import io.nekorekten4j.ports.ApiPaths;
import io.nekorekten4j.ports.CallOptions;
import io.nekorekten4j.ports.Nekorekten;
import io.nekorekten4j.ports.QuotaPlan;
import io.nekorekten4j.ports.ServiceFacts;
import io.nekorekten4j.ports.UploadRule;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;

/**
 * The nekorekten.com API over HTTP: {@link Nekorekten} for the real service.
 *
 * <pre>{@code
 * try (Nekorekten api = NekorektenHttp.builder().apiKey(System.getenv("NEKOREKTEN_API_KEY")).build()) {
 *     SearchResult r = api.search(SearchCriteria.builder().phone("0888 123 456").build());
 * }
 * }</pre>
 *
 * <h2>Builder options</h2>
 * <table>
 *   <caption>Builder options and their defaults</caption>
 *   <tr><th>option</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@code apiKey(String)} / {@code apiKey(Supplier<String>)}</td><td>required</td>
 *       <td>the key from the nekorekten.com profile page; a supplier is read for every request, so a
 *       rotated key takes effect at once. Never printed, logged or sent to another host.</td></tr>
 *   <tr><td>{@code baseUri}</td><td>{@code https://api.nekorekten.com}</td>
 *       <td>where the API lives; plain {@code http} only for loopback hosts (127.0.0.0/8, ::1, localhost)</td></tr>
 *   <tr><td>{@code transport}</td><td>{@link ApacheTransport} (Apache HttpClient 5)</td>
 *       <td>the wire; {@link JdkTransport} or your own {@link Transport}. Closed with the client —
 *       also one you supplied.</td></tr>
 *   <tr><td>{@code connectTimeout}</td><td>5 s</td><td>per attempt: waiting for a connection</td></tr>
 *   <tr><td>{@code responseTimeout}</td><td>15 s</td><td>per attempt: waiting between bytes of the answer</td></tr>
 *   <tr><td>{@code callTimeout}</td><td>60 s</td><td>the whole call: permit waits, attempts and
 *       backoffs; nothing outlives it</td></tr>
 *   <tr><td>{@code quota}</td><td>{@link QuotaPlan#DOCUMENTED_DEFAULT} (10 a minute); none for a
 *       loopback base URI</td>
 *       <td>the key's plan ({@link QuotaPlan#FREE}, {@link QuotaPlan#START}, {@link QuotaPlan#STANDARD},
 *       {@link QuotaPlan#BUSINESS} or custom); shared by every client of the same origin and key in
 *       the JVM. A loopback origin (a fake server, a stub) gets no plan unless one is set: only its
 *       own 429 pauses apply. See {@link #state()}.</td></tr>
 *   <tr><td>{@code quotaStore}</td><td>this JVM's {@link LocalQuotaStore}</td>
 *       <td>where the quota is counted; the Redis store of {@code nekorekten4j-quota-redis} shares it
 *       among several instances (see {@link QuotaStore})</td></tr>
 *   <tr><td>{@code permitWaitTimeout}</td><td>30 s</td><td>the longest wait for a quota permit;
 *       past it the call fails at once with {@code RateLimitWaitExceededException}; zero: take a
 *       free permit now or fail at once</td></tr>
 *   <tr><td>{@code retry}</td><td>{@link RetryOptions#defaults()}: 3 attempts, 500 ms ×2 up to 8 s,
 *       jitter 0.5</td><td>{@link RetryOptions#disabled()} for none. A {@code POST} is retried only when
 *       the connection never opened.</td></tr>
 *   <tr><td>{@code circuitBreaker}</td><td>{@link CircuitBreakerOptions#defaults()}: opens after 5
 *       consecutive 5xx/timeouts/transport failures, 30 s open, 1 trial call</td>
 *       <td>{@link CircuitBreakerOptions#disabled()} for none</td></tr>
 *   <tr><td>{@code maxResponseBytes}</td><td>5 MiB</td><td>the largest answer read; a larger one is an
 *       {@code UnexpectedResponseException}</td></tr>
 *   <tr><td>{@code cache}</td><td>{@link CacheOptions#defaults()}: searches 10 min, cities 24 h,
 *       10,000 searches, single-flight and subset answers on</td>
 *       <td>{@link CacheOptions#disabled()} for none; what is cached, shared, derived and invalidated
 *       is specified exactly in {@link CacheOptions}</td></tr>
 *   <tr><td>{@code cacheStore}</td><td>in memory</td><td>where search answers are kept: a
 *       {@link ResultStore} of your own, e.g. one shared by several instances</td></tr>
 *   <tr><td>{@code listener}</td><td>none</td><td>a {@link NekorektenListener} of calls, quota
 *       permits, 429s, cache results and circuit state — the seam for metrics and tracing
 *       ({@code nekorekten4j-micrometer}); may be added several times</td></tr>
 *   <tr><td>{@code addPolicy} / {@code replacePolicy}</td><td>none</td><td>a {@link CallPolicy} of
 *       your own, run just before a {@link PipelineStage}'s built-in step or in its place (not
 *       {@code VALIDATION} or {@code TRANSPORT})</td></tr>
 *   <tr><td>{@code clock}</td><td>{@link Clock#systemUTC()}</td><td>the time source of timeouts,
 *       the quota gate, the circuit breaker and the cache's TTLs</td></tr>
 *   <tr><td>{@code userAgentSuffix}</td><td>none</td><td>your application's name and version, appended
 *       to the {@code User-Agent}</td></tr>
 *   <tr><td>{@code proxy}</td><td>none: direct</td><td>an HTTP proxy ({@link ProxyOptions#of(String, int)},
 *       optionally with credentials) or the JVM's proxy settings ({@link ProxyOptions#system()}), for the
 *       default transport; HTTPS is tunnelled, so the proxy never sees the key</td></tr>
 *   <tr><td>{@code sslContext} / {@code trustStore}</td><td>the JVM's</td><td>the TLS trust of the
 *       default transport, e.g. a company CA; host names are still verified</td></tr>
 *   <tr><td>{@code sleeper}</td><td>{@link Sleeper#SYSTEM}</td><td>how the client waits for permits
 *       and between retries; with {@code clock}, a {@link VirtualTime} runs the client on virtual
 *       time in tests</td></tr>
 * </table>
 * {@link Builder#build()} checks every setting and reports all bad ones at once in a
 * {@link ValidationException}. Requests carry
 * {@code User-Agent: nekorekten4j/<version> Java/<java.version>}, followed by the suffix if set.
 *
 * <h2>Logging</h2>
 * {@link Builder#build()} logs one warning (once per JVM) when the HTTP library the transport uses
 * is set to log what it sends: Apache HttpClient's {@code org.apache.hc.client5.http.headers} or
 * {@code org.apache.hc.client5.http.wire} logger at DEBUG, or the JDK client's
 * {@code jdk.httpclient.HttpClient.log} system property with headers, requests, content or frames.
 * Those logs print the API key and buyers' personal data; nekorekten4j itself never logs either.
 *
 * <h2>Behaviour</h2>
 * <ul>
 *   <li>Arguments are validated before any request: {@code null} gives a
 *       {@link NullPointerException} naming it; an upload of no file or of more than
 *       10 files a {@link ValidationException}.</li>
 *   <li>Each call passes a pipeline of steps, one job each, in the order {@link PipelineStage}
 *       declares: <em>validation → observation → cache (with single-flight) → circuit breaker → retry →
 *       quota → transport</em>; the steps up to retry run once per call, quota and transport once per
 *       attempt. Searches and cities use the cache and single-flight; uploads never do. Add a
 *       {@link CallPolicy} of your own before any step, or in place of one, with
 *       {@link Builder#addPolicy} and {@link Builder#replacePolicy}.</li>
 *   <li>Only answers are cached, never failures. Concurrent identical searches share one request
 *       and one quota permit; its failure reaches every waiter and is not cached.</li>
 *   <li>A search whose filters are a subset of a cached, complete {@code ONE_OF} search is answered
 *       from it when every cached hit is decidable for the subset: only then, by the exact rule in
 *       {@link CacheOptions} (a phone match decides; a match "compatible with the mask" or by a name
 *       or site rule the service does not document does not).</li>
 *   <li>A create, update or delete through this client drops the cached searches it can affect
 *       before it returns, also when it failed: a write, then a search, sees the write. Writes made
 *       elsewhere are seen when the entries expire.</li>
 *   <li>A search that failed throws; it never looks like "no reports".</li>
 *   <li>A {@code DELETE} whose answer was lost and that is retried may find the report already
 *       gone: it then throws {@link io.nekorekten4j.ports.NotFoundException}, truthfully, rather than
 *       pretend it deleted the report itself. Treat that as "deleted" if that is what you meant.</li>
 *   <li>Redirects are never followed: a 3xx is an {@code UnexpectedResponseException}, so the key
 *       never reaches another host.</li>
 * </ul>
 *
 * <h2>Per-call options</h2>
 * {@link #withOptions(CallOptions)} gives a view of the client whose calls wait for permits, time
 * out and retry differently — a checkout with {@link CallOptions#interactive()}, a nightly batch
 * with {@link CallOptions#batch()} — while sharing everything else with it: one quota, one cache
 * and single-flight, one circuit breaker, the listeners and the transport.
 *
 * <p>Thread safe; build one client per API key and share it. {@link #close()} releases the
 * transport.
 */
public final class NekorektenHttp implements Nekorekten {

    /** The service's address. */
    public static final URI DEFAULT_BASE_URI = ServiceFacts.BASE_URI;

    private final URI baseUri;
    private final Pipeline.Settings settings;
    private final Transport transport;
    private final JsonCodec json;
    private final WireRequests requests;
    private final WireAnswers answers;
    private final Pipeline pipeline;
    private final ClientState state;
    /** What calls made through this object may spend: the builder's settings, or a view's options over them. */
    private final CallLimits limits;
    /** The options this object's calls run with, over the client's settings ({@link CallOptions#fromClient()} for the client). */
    private final CallOptions options;
    /** The client that owns the transport: this object, or the client a view was made from. */
    private final NekorektenHttp client;
    private final AtomicBoolean closed = new AtomicBoolean();

    private NekorektenHttp(Builder b, URI baseUri, QuotaPlan plan, Supplier<String> apiKey,
                           Function<String, QuotaGate> gates) {
        this.baseUri = baseUri;
        this.settings = new Pipeline.Settings(b.connectTimeout, b.responseTimeout, b.callTimeout,
                b.permitWaitTimeout, b.maxResponseBytes, plan, b.retry, b.circuitBreaker, b.clock, b.sleeper,
                b.cache, UserAgent.of(Optional.ofNullable(b.userAgentSuffix)), Optional.ofNullable(b.cacheStore));
        this.json = new JsonCodec();
        this.requests = new WireRequests(json, baseUri);
        this.answers = new WireAnswers(json, baseUri);
        this.transport = b.transport != null ? b.transport : b.defaultTransport();
        this.pipeline = new Pipeline(transport, settings, apiKey, gates, answers, new Listeners(b.listeners, b.clock),
                b.policies.copy());
        this.state = pipeline.state(baseUri);
        this.limits = CallLimits.of(settings);
        this.options = CallOptions.fromClient();
        this.client = this;
    }

    /** A view of {@code parent}'s client with {@code options} over {@code parent}'s own. */
    private NekorektenHttp(NekorektenHttp parent, CallOptions options) {
        this.baseUri = parent.baseUri;
        this.settings = parent.settings;
        this.json = parent.json;
        this.requests = parent.requests;
        this.answers = parent.answers;
        this.transport = parent.transport;
        this.pipeline = parent.pipeline;
        this.state = parent.state;
        this.options = options.over(parent.options);
        this.limits = CallLimits.of(settings).with(this.options);
        this.client = parent.client;
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * {@inheritDoc}
     *
     * <p>May be answered from the cache, from a cached {@code ONE_OF} search it is a subset of, or
     * by an identical search in progress, exactly as {@link CacheOptions} states; such an answer is
     * the one a fresh request would have given then.
     */
    @Override
    public SearchResult search(SearchCriteria criteria) {
        Objects.requireNonNull(criteria, "criteria");
        ensureOpen();
        return pipeline.run(new Pipeline.Call<SearchResult>("GET", ApiPaths.REPORTS, requests.searchUri(criteria),
                Pipeline.Call.noBody(), body -> answers.search(body, criteria), WireRequests.personalData(criteria))
                .cached(CachePolicy.search(criteria)), limits);
    }

    /**
     * {@inheritDoc} A create is sent once: it is retried only when the connection never opened.
     * Cached searches the new report could match are dropped (see {@link CacheOptions}).
     */
    @Override
    public ReportReceipt create(ReportDraft draft) {
        Objects.requireNonNull(draft, "draft");
        ensureOpen();
        return pipeline.run(new Pipeline.Call<ReportReceipt>("POST", ApiPaths.REPORTS, requests.reportsUri(),
                () -> Optional.of(new RequestBody.Json(requests.reportBody(draft.fields()))),
                answer -> answers.receipt(answer, Optional.empty()))
                .cached(CachePolicy.write(CacheInvalidation.created(draft.fields()))), limits);
    }

    /**
     * {@inheritDoc} Only the fields the patch names are sent. Cached searches the change can affect
     * are dropped (see {@link CacheOptions}).
     */
    @Override
    public ReportReceipt update(ReportId id, ReportPatch patch) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(patch, "patch");
        ensureOpen();
        return pipeline.run(new Pipeline.Call<ReportReceipt>("PATCH", WireRequests.reportPath(id),
                requests.reportUri(id), () -> Optional.of(new RequestBody.Json(requests.reportBody(patch.fields()))),
                answer -> answers.receipt(answer, Optional.of(id)))
                .cached(CachePolicy.write(CacheInvalidation.updated(id, patch.fields()))), limits);
    }

    /**
     * {@inheritDoc}
     *
     * <p>A delete is retried when its answer was lost. If the lost attempt did delete the report,
     * the retry finds nothing and this throws {@link io.nekorekten4j.ports.NotFoundException}: the
     * truth as far as the client can know it, never a success it cannot prove. Cached searches
     * that show the report, or may hide it on a page not seen, are dropped (see {@link CacheOptions}).
     */
    @Override
    public void delete(ReportId id) {
        Objects.requireNonNull(id, "id");
        ensureOpen();
        pipeline.run(new Pipeline.Call<Void>("DELETE", WireRequests.reportPath(id), requests.reportUri(id),
                Pipeline.Call.noBody(), answer -> {
                    answers.deleted(answer);
                    return null;
                }).cached(CachePolicy.write(CacheInvalidation.deleted(id))), limits);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Never cached and never shared: each upload is its own request.
     *
     * @throws ValidationException when the list breaks the {@link UploadRule} (field {@code files})
     */
    @Override
    public List<FileId> upload(List<Attachment> attachments) {
        Objects.requireNonNull(attachments, "attachments");
        // A snapshot, checked against the UploadRule at the validation stage (nulls included).
        List<Attachment> files = new ArrayList<>(attachments);
        ensureOpen();
        return pipeline.run(new Pipeline.Call<List<FileId>>("POST", ApiPaths.FILES, requests.filesUri(),
                () -> Optional.of(WireRequests.uploadBody(files)), answer -> answers.fileIds(answer, files.size()))
                .validatedBy(() -> UploadRule.checked(files)), limits);
    }

    /** {@inheritDoc} Cached for {@link CacheOptions#citiesTtl()}; the list is unmodifiable. */
    @Override
    public List<City> cities() {
        ensureOpen();
        return pipeline.run(new Pipeline.Call<List<City>>("GET", ApiPaths.CITIES, requests.citiesUri(),
                Pipeline.Call.noBody(), answers::cities).cached(CachePolicy.cities()), limits);
    }

    /**
     * {@inheritDoc}
     *
     * <p>The view is a {@code NekorektenHttp} over this client's quota gate, cache and single-flight,
     * circuit breaker, listeners and transport: permits spent through it are spent for all, a search
     * it leads can answer this client's identical search, and {@link #state()} is the shared state.
     * Only its calls' limits differ:
     * <ul>
     *   <li>{@link CallOptions#permitWaitTimeout()}: the longest wait for a quota permit, per
     *       attempt, never past the call's deadline — a wait longer than the call timeout is cut to it;</li>
     *   <li>{@link CallOptions#callTimeout()}: the whole call, including the wait for an identical
     *       search or cities call already in flight (possibly started by another view, which keeps
     *       its own limits: this call gives up at its own timeout, sending nothing; and when that
     *       call fails for want of a permit within its own wait, this one asks again on its own
     *       terms, for what is left of its timeout);</li>
     *   <li>{@link CallOptions#retries()}: {@code false} makes one attempt only.</li>
     * </ul>
     * Options left unset keep this object's: a view of a view inherits from the view.
     *
     * <p>Closing a view closes nothing shared: the view's own calls fail with
     * {@link IllegalStateException} from then on, while the client and its other views go on.
     * Closing the client closes the transport, which ends every view. This client is unchanged.
     *
     * @throws NullPointerException when {@code options} is null
     */
    @Override
    public NekorektenHttp withOptions(CallOptions options) {
        Objects.requireNonNull(options, "options");
        return new NekorektenHttp(this, options);
    }

    /** The options this object's calls run with: {@link CallOptions#fromClient()} for a client, a view's otherwise. */
    public CallOptions options() {
        return options;
    }

    /**
     * What this client knows now — circuit state and the local view of the key's quota (the
     * wait a new call would face, a pause the service asked for, what is left today) — read
     * without a request and without spending quota (for gauges and health checks).
     */
    public ClientState state() {
        return state;
    }

    /**
     * Closes the transport (also one supplied to the builder), which ends every view of this client
     * too. On a view ({@link #withOptions}), closes only the view: its own later calls fail, and
     * nothing it shares with the client is closed. Idempotent.
     */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true) && client == this) {
            try {
                transport.close();
            } finally {
                json.close();
            }
        }
    }

    /** The base URI and settings (a view's as its calls run them); never the key. */
    @Override
    public String toString() {
        return "NekorektenHttp[" + (client == this ? "" : "view, ") + "baseUri=" + baseUri
                + ", transport=" + transport.getClass().getSimpleName()
                + ", quota=" + (settings.quota() == QuotaGate.NO_PLAN ? settings.quota().name()
                        : settings.quota().name() + " " + settings.quota().perMinute() + "/min"
                        + settings.quota().perDay().stream().mapToObj(d -> " " + d + "/day").findFirst().orElse(""))
                + ", connectTimeout=" + settings.connectTimeout()
                + ", responseTimeout=" + settings.responseTimeout()
                + ", callTimeout=" + limits.callTimeout()
                + ", permitWaitTimeout=" + limits.permitWaitTimeout()
                + ", retry=" + (limits.retries() ? settings.retry() : "none for this view's calls")
                + ", circuitBreaker=" + settings.circuitBreaker()
                + ", maxResponseBytes=" + settings.maxResponseBytes()
                + ", cache=" + settings.cache() + "]";
    }

    private void ensureOpen() {
        if (client.closed.get()) {
            throw new IllegalStateException(client == this ? "this NekorektenHttp client is closed"
                    : "the NekorektenHttp client this view was made from is closed");
        }
        if (closed.get()) {
            throw new IllegalStateException("this view of a NekorektenHttp client is closed (the client is not)");
        }
    }

    /** The client's pipeline, for tests that look into its cache or its order. */
    Pipeline pipeline() {
        return pipeline;
    }

    /**
     * Builds a {@link NekorektenHttp}. Setters check for {@code null} at once; {@link #build()}
     * checks everything else and reports every bad setting together.
     */
    public static final class Builder {

        /** What a user whose environment variable is unset reads: the setting, and how to give it. */
        static final String API_KEY_IS_NULL = "apiKey is null: the API key is required — set it with "
                + ".apiKey(...), e.g. .apiKey(System.getenv(\"NEKOREKTEN_API_KEY\")) with the key from your "
                + "nekorekten.com profile in the NEKOREKTEN_API_KEY environment variable (is it set?)";
        private static final Pattern KEY_CHARACTERS = Pattern.compile("[\\x21-\\x7E]+");
        private static final int MAX_KEY_LENGTH = 512;

        private String apiKey;
        private Supplier<String> apiKeySupplier;
        private String baseUri = DEFAULT_BASE_URI.toString();
        private Transport transport;
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration responseTimeout = Duration.ofSeconds(15);
        private Duration callTimeout = Duration.ofSeconds(60);
        private QuotaPlan quota;
        private Duration permitWaitTimeout = Duration.ofSeconds(30);
        private RetryOptions retry = RetryOptions.defaults();
        private CircuitBreakerOptions circuitBreaker = CircuitBreakerOptions.defaults();
        private long maxResponseBytes = 5L * 1024 * 1024;
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.SYSTEM;
        private CacheOptions cache = CacheOptions.defaults();
        private ResultStore<SearchKey, SearchResult> cacheStore;
        private final List<NekorektenListener> listeners = new ArrayList<>();
        private final Pipeline.Customisation policies = new Pipeline.Customisation();
        private String userAgentSuffix;
        private QuotaStore quotaStore;
        private ProxyOptions proxy;
        private SSLContext sslContext;
        private KeyStore trustStore;
        private SSLContext trustStoreContext;

        private Builder() {
        }

        /**
         * Reach the service through an HTTP proxy, on the default transport (default: direct,
         * whatever the JVM's proxy properties say; {@link ProxyOptions#system()} follows them). With
         * a {@link #transport(Transport)} of your own, set the proxy on its builder instead. See
         * {@link ProxyOptions}.
         */
        public Builder proxy(ProxyOptions proxy) {
            this.proxy = Objects.requireNonNull(proxy, "proxy");
            return this;
        }

        /**
         * The TLS context of the default transport (default: the JVM's), e.g. one trusting a
         * company's TLS-inspecting proxy's CA; host names are still verified. Replaces a
         * {@link #trustStore(KeyStore)}. With a {@link #transport(Transport)} of your own, set it on
         * its builder instead.
         */
        public Builder sslContext(SSLContext sslContext) {
            this.sslContext = Objects.requireNonNull(sslContext, "sslContext");
            this.trustStore = null;
            return this;
        }

        /**
         * Shorthand for an {@link #sslContext(SSLContext)} that trusts exactly the certificates in
         * {@code trustStore} (the JVM's default ones no longer). Checked by {@link #build()}.
         */
        public Builder trustStore(KeyStore trustStore) {
            this.trustStore = Objects.requireNonNull(trustStore, "trustStore");
            this.sslContext = null;
            return this;
        }

        /** The default transport, with this builder's proxy and TLS settings. */
        private Transport defaultTransport() {
            ApacheTransport.Builder builder = ApacheTransport.builder();
            if (proxy != null) {
                builder.proxy(proxy);
            }
            SSLContext tls = sslContext != null ? sslContext : trustStoreContext;
            if (tls != null) {
                builder.sslContext(tls);
            }
            return builder.build();
        }

        /**
         * The API key (required; replaces a key supplier).
         *
         * @throws NullPointerException naming the setting and where the key usually comes from, when
         *                              {@code apiKey} is {@code null} (typically an unset environment
         *                              variable)
         */
        public Builder apiKey(String apiKey) {
            this.apiKey = Objects.requireNonNull(apiKey, API_KEY_IS_NULL);
            this.apiKeySupplier = null;
            return this;
        }

        /**
         * Where to read the API key, for every request (replaces a fixed key). A supplier that
         * returns {@code null} or an unusable key fails that call with an
         * {@link IllegalStateException} before anything is sent.
         */
        public Builder apiKey(Supplier<String> apiKey) {
            this.apiKeySupplier = Objects.requireNonNull(apiKey, "apiKey");
            this.apiKey = null;
            return this;
        }

        /** The service's base URI (default {@code https://api.nekorekten.com}). */
        public Builder baseUri(URI baseUri) {
            this.baseUri = Objects.requireNonNull(baseUri, "baseUri").toString();
            return this;
        }

        /** The service's base URI as text (default {@code https://api.nekorekten.com}). */
        public Builder baseUri(String baseUri) {
            this.baseUri = Objects.requireNonNull(baseUri, "baseUri");
            return this;
        }

        /**
         * The wire (default: a new {@link ApacheTransport}). The client takes ownership: closing
         * the client closes it, also when you supplied it.
         */
        public Builder transport(Transport transport) {
            this.transport = Objects.requireNonNull(transport, "transport");
            return this;
        }

        /** Per attempt: how long to wait for a connection (default 5 s). */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
            return this;
        }

        /** Per attempt: how long to wait between bytes of the answer (default 15 s). */
        public Builder responseTimeout(Duration responseTimeout) {
            this.responseTimeout = Objects.requireNonNull(responseTimeout, "responseTimeout");
            return this;
        }

        /** The whole call, permit waits, retries and backoffs included (default 60 s). */
        public Builder callTimeout(Duration callTimeout) {
            this.callTimeout = Objects.requireNonNull(callTimeout, "callTimeout");
            return this;
        }

        /**
         * The key's plan (default {@link QuotaPlan#DOCUMENTED_DEFAULT}, 10 a minute; for a loopback
         * base URI — a fake server, a stub — no plan, so only the server's own 429 pauses apply).
         */
        public Builder quota(QuotaPlan quota) {
            this.quota = Objects.requireNonNull(quota, "quota");
            return this;
        }

        /** The longest wait for a quota permit (default 30 s; zero: take a free permit now or fail at once). */
        public Builder permitWaitTimeout(Duration permitWaitTimeout) {
            this.permitWaitTimeout = Objects.requireNonNull(permitWaitTimeout, "permitWaitTimeout");
            return this;
        }

        /** Retry options (default {@link RetryOptions#defaults()}). */
        public Builder retry(RetryOptions retry) {
            this.retry = Objects.requireNonNull(retry, "retry");
            return this;
        }

        /** Circuit-breaker options (default {@link CircuitBreakerOptions#defaults()}). */
        public Builder circuitBreaker(CircuitBreakerOptions circuitBreaker) {
            this.circuitBreaker = Objects.requireNonNull(circuitBreaker, "circuitBreaker");
            return this;
        }

        /** The largest answer read, in bytes (default 5 MiB). */
        public Builder maxResponseBytes(long maxResponseBytes) {
            this.maxResponseBytes = maxResponseBytes;
            return this;
        }

        /**
         * The result cache, single-flight and subset answers (default {@link CacheOptions#defaults()};
         * {@link CacheOptions#disabled()} for none).
         */
        public Builder cache(CacheOptions cache) {
            this.cache = Objects.requireNonNull(cache, "cache");
            return this;
        }

        /**
         * Where the cache keeps search answers (default: in this JVM's memory, at most
         * {@link CacheOptions#maximumSize()}), e.g. a store shared by the instances of an
         * application. The cache still decides what is stored and for how long (only answers,
         * never failures, for {@link CacheOptions#searchTtl()}); see {@link ResultStore}.
         */
        public Builder cacheStore(ResultStore<SearchKey, SearchResult> cacheStore) {
            this.cacheStore = Objects.requireNonNull(cacheStore, "cacheStore");
            return this;
        }

        /**
         * Adds a listener of the client's calls, quota permits, 429s, cache results and circuit
         * state (e.g. the {@code nekorekten4j-micrometer} module's). Call it again to add more;
         * they are called in the order added. Default: none.
         */
        public Builder listener(NekorektenListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * Adds a policy of your own to the call pipeline, to run just before the built-in step of
         * {@code stage} — and so as often as that step runs: once per call up to
         * {@link PipelineStage#RETRY}, once per attempt at {@link PipelineStage#QUOTA} and
         * {@link PipelineStage#TRANSPORT} (see {@link PipelineStage} for the order and what each step
         * does). Policies added to the same stage run in the order added. Default: none.
         *
         * @throws NullPointerException naming {@code stage} or {@code policy} when it is {@code null}
         */
        public Builder addPolicy(PipelineStage stage, CallPolicy policy) {
            Objects.requireNonNull(stage, "stage");
            Objects.requireNonNull(policy, "policy");
            policies.add(stage, policy);
            return this;
        }

        /**
         * Puts a policy of your own in place of the built-in step of {@code stage}, e.g. a circuit
         * breaker of your company's. Policies added to the stage still run before it; a later call
         * for the same stage replaces the earlier one. The built-in step's options (e.g.
         * {@link #circuitBreaker}) then have no effect, and {@link #state()} reports what the
         * built-in step would know as absent (a replaced breaker's state is
         * {@link CircuitState#DISABLED}, a replaced quota's remaining quota empty).
         *
         * @throws NullPointerException     naming {@code stage} or {@code policy} when it is {@code null}
         * @throws IllegalArgumentException for {@link PipelineStage#VALIDATION} (no call may skip it) and
         *                                  {@link PipelineStage#TRANSPORT} (only it puts the key in the
         *                                  request; give a {@link #transport(Transport)} to change the wire)
         */
        public Builder replacePolicy(PipelineStage stage, CallPolicy policy) {
            Objects.requireNonNull(stage, "stage");
            Objects.requireNonNull(policy, "policy");
            policies.replace(stage, policy);
            return this;
        }

        /**
         * Your application's name and version, appended to the {@code User-Agent} header after the
         * library's and Java's (no default), e.g. {@code "shop-backend/2.3"}: up to 100 printable
         * ASCII characters, single spaces between words. Checked by {@link #build()}.
         */
        public Builder userAgentSuffix(String userAgentSuffix) {
            this.userAgentSuffix = Objects.requireNonNull(userAgentSuffix, "userAgentSuffix");
            return this;
        }

        /**
         * Where the quota is counted (default: this JVM's {@link LocalQuotaStore}, shared by every
         * client of the same key and origin on the same clock). Give the Redis store of the
         * {@code nekorekten4j-quota-redis} module to share one quota among several instances of an
         * application: {@code .quotaStore(RedisQuotaStore.create("redis://host:6379"))}. The client
         * never closes the store: its owner does.
         */
        public Builder quotaStore(QuotaStore quotaStore) {
            this.quotaStore = Objects.requireNonNull(quotaStore, "quotaStore");
            return this;
        }

        /** The time source (default {@link Clock#systemUTC()}). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * How the client waits for quota permits and between retries (default {@link Sleeper#SYSTEM},
         * {@code Thread.sleep}). With {@link #clock} it runs the client on virtual time in tests:
         * {@code .clock(time).sleeper(time)} with a {@link VirtualTime}.
         */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /**
         * The client. Builds its JSON binding once (~0.2 s). Warns once per JVM when the transport's
         * HTTP library logs headers or wire data (see "Logging" above).
         *
         * @throws ValidationException listing every bad setting: a missing or malformed key (never
         *                             shown), a base URI that is not absolute http(s) or is plain
         *                             http to a host that is not loopback, timeouts that are not
         *                             positive, a negative permit wait, a size cap below 1, a
         *                             {@code User-Agent} suffix that is not printable ASCII
         */
        public NekorektenHttp build() {
            List<Violation> problems = new ArrayList<>();
            if (apiKey == null && apiKeySupplier == null) {
                problems.add(new Violation("apiKey", "an API key is required: set it with .apiKey(...), e.g. "
                        + "from the NEKOREKTEN_API_KEY environment variable"));
            } else if (apiKey != null) {
                keyProblem(apiKey).ifPresent(p -> problems.add(new Violation("apiKey", p)));
            }
            URI base = checkBaseUri(baseUri, problems);
            positive("connectTimeout", connectTimeout, problems);
            positive("responseTimeout", responseTimeout, problems);
            positive("callTimeout", callTimeout, problems);
            if (permitWaitTimeout.isNegative()) {
                problems.add(new Violation("permitWaitTimeout", "must not be negative, got " + permitWaitTimeout));
            }
            if (maxResponseBytes < 1) {
                problems.add(new Violation("maxResponseBytes", "must be at least 1, got " + maxResponseBytes));
            }
            if (userAgentSuffix != null) {
                UserAgent.suffixProblem(userAgentSuffix)
                        .ifPresent(p -> problems.add(new Violation("userAgentSuffix", p)));
            }
            checkConnectionSettings(problems);
            if (!problems.isEmpty()) {
                throw new ValidationException(problems);
            }
            WireLoggingWarning.SHARED.check(transport);
            QuotaPlan plan = planFor(base);
            Supplier<String> keys;
            Function<String, QuotaGate> gates;
            QuotaStore store = quotaStore != null ? quotaStore : QuotaRegistry.JVM.storeFor(clock);
            QuotaLimits limits = QuotaLimits.of(plan);
            Clock time = clock;
            Sleeper sleep = sleeper;
            QuotaGate fixedGate = null;
            if (apiKey != null) {
                String key = apiKey;
                QuotaGate gate = new QuotaGate(store, QuotaScope.of(base, key), limits, time, sleep);
                fixedGate = gate;
                keys = () -> key;
                gates = k -> gate;
            } else {
                Supplier<String> supplier = apiKeySupplier;
                keys = () -> checkedKey(supplier.get());
                gates = k -> new QuotaGate(store, QuotaScope.of(base, k), limits, time, sleep);
            }
            NekorektenHttp client = new NekorektenHttp(this, base, plan, keys, gates);
            if (fixedGate != null) {
                client.pipeline.knownGate(fixedGate);
            }
            client.pipeline.listeners().clientBuilt(client.state);
            return client;
        }

        /** The proxy and TLS settings: usable, and only where they take effect (the default transport). */
        private void checkConnectionSettings(List<Violation> problems) {
            String where = "applies to the default transport only: set it on the builder of the transport passed to"
                    + " transport(...) (ApacheTransport.builder() and JdkTransport.builder() have the same option)";
            if (transport != null) {
                if (proxy != null) {
                    problems.add(new Violation("proxy", where));
                }
                if (sslContext != null) {
                    problems.add(new Violation("sslContext", where));
                }
                if (trustStore != null) {
                    problems.add(new Violation("trustStore", where));
                }
                return;
            }
            trustStoreContext = null;
            if (trustStore != null) {
                try {
                    trustStoreContext = ConnectionSettings.trusting(trustStore);
                } catch (IllegalArgumentException e) {
                    problems.add(new Violation("trustStore", e.getMessage()));
                }
            }
        }

        /**
         * The plan set, else the documented default — except at a loopback origin: a fake server or
         * a stub on this machine is not the service whose plan the default describes (the fake
         * server simulates a quota of its own, answering 429 with {@code Retry-After}, which is
         * honoured). A plan set explicitly holds everywhere.
         */
        private QuotaPlan planFor(URI base) {
            if (quota != null) {
                return quota;
            }
            return isLoopback(base.getHost()) ? QuotaGate.NO_PLAN : QuotaPlan.DOCUMENTED_DEFAULT;
        }

        private static String checkedKey(String key) {
            if (key == null) {
                throw new IllegalStateException("the API key supplier returned null; nothing was sent");
            }
            keyProblem(key).ifPresent(p -> {
                throw new IllegalStateException("the API key supplier returned an unusable key: " + p
                        + "; nothing was sent");
            });
            return key;
        }

        /** What is wrong with a key, in words that never repeat it. */
        private static Optional<String> keyProblem(String key) {
            if (key.isBlank()) {
                return Optional.of("the API key must not be blank");
            }
            if (key.length() > MAX_KEY_LENGTH) {
                return Optional.of("the API key is longer than " + MAX_KEY_LENGTH + " characters");
            }
            if (!KEY_CHARACTERS.matcher(key).matches()) {
                return Optional.of("the API key may contain only printable ASCII characters, without spaces");
            }
            return Optional.empty();
        }

        private static URI checkBaseUri(String text, List<Violation> problems) {
            URI uri;
            try {
                uri = new URI(text);
            } catch (java.net.URISyntaxException e) {
                problems.add(new Violation("baseUri", "not a valid URI"));
                return null;
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!uri.isAbsolute() || uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
                problems.add(new Violation("baseUri", "must be an absolute http or https URI with a host, got "
                        + uri.getScheme() + "://…"));
                return null;
            }
            if (uri.getRawUserInfo() != null) {
                problems.add(new Violation("baseUri", "must not carry user information"));
            }
            if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
                problems.add(new Violation("baseUri", "must not have a query or a fragment"));
            }
            if (scheme.equals("http") && !isLoopback(uri.getHost())) {
                problems.add(new Violation("baseUri", "plain http is allowed only to a loopback host "
                        + "(127.0.0.0/8, ::1, localhost); use https for " + uri.getHost()));
            }
            return uri;
        }

        /** Whether {@code host} is loopback by its text alone: no name is ever resolved. */
        static boolean isLoopback(String host) {
            String h = host.toLowerCase(Locale.ROOT);
            if (h.equals("localhost")) {
                return true;
            }
            if (h.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
                String[] octets = h.split("\\.");
                for (String octet : octets) {
                    if (Integer.parseInt(octet) > 255) {
                        return false;
                    }
                }
                return octets[0].equals("127");
            }
            if (!(h.startsWith("[") && h.endsWith("]"))) {
                return false; // a name: never resolve it, it could point anywhere
            }
            try {
                // An IPv6 literal is parsed, never looked up; an invalid one fails without DNS.
                return InetAddress.getByName(h.substring(1, h.length() - 1)).isLoopbackAddress();
            } catch (UnknownHostException | SecurityException e) {
                return false;
            }
        }

        private static void positive(String name, Duration value, List<Violation> problems) {
            if (value.isNegative() || value.isZero()) {
                problems.add(new Violation(name, "must be positive, got " + value));
            }
        }
    }
}
