package io.nekorekten4j.http;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.nekorekten4j.cache.CacheOptions;
import io.nekorekten4j.cache.CacheResult;
import io.nekorekten4j.cache.CacheInvalidation;
import io.nekorekten4j.cache.ResultCache;
import io.nekorekten4j.cache.ResultStore;
import io.nekorekten4j.cache.SearchKey;
import io.nekorekten4j.domain.City;
import io.nekorekten4j.domain.SearchCriteria;
import io.nekorekten4j.domain.SearchResult;
import io.nekorekten4j.http.JsonCodec.BodyCapture;
import io.nekorekten4j.http.JsonCodec.Malformed;
import io.nekorekten4j.http.Resilience.AttemptFailure;
import io.nekorekten4j.http.Resilience.Outcome;
import io.nekorekten4j.http.ErrorMapper.Redactor;
import io.nekorekten4j.ports.ApiPaths;
import io.nekorekten4j.ports.CallTimeoutException;
import io.nekorekten4j.ports.CircuitOpenException;
import io.nekorekten4j.ports.ErrorContext;
import io.nekorekten4j.ports.NekorektenException;
import io.nekorekten4j.ports.Operation;
import io.nekorekten4j.ports.QuotaExhaustedException;
import io.nekorekten4j.ports.QuotaStoreUnavailableException;
import io.nekorekten4j.ports.RateLimitWaitExceededException;
import io.nekorekten4j.ports.RateLimitedException;
import io.nekorekten4j.ports.RequestOutcome;
import io.nekorekten4j.ports.ProxyAuthenticationException;
import io.nekorekten4j.ports.ServiceFacts;
import io.nekorekten4j.ports.TlsFailureException;
import io.nekorekten4j.ports.ServiceUnavailableException;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs one API call through the client's policies, in this order (validation happens before, in
 * {@link NekorektenHttp}):
 * <pre>validation → observation → cache → single-flight → circuit breaker → retry → quota gate → transport</pre>
 * Observation ({@link NekorektenListener}s) is outermost, so a listener sees every call — cache hits
 * and shared calls included — and each attempt's permit, 429 and status from inside.
 * Searches and cities go through the {@link ResultCache} and {@link SingleFlight}; writes invalidate
 * the cache when they end; uploads skip both. Single-flight sits in front of the quota gate, so
 * shared calls spend one permit. The circuit breaker sees each call once, however often it was
 * retried; every attempt, retries included, takes a quota permit; the whole call — permit waits,
 * attempts and backoffs — fits in the call timeout. Thread safe.
 *
 * <p>Each entry point takes the call's {@link CallLimits} (call timeout, permit wait, retries): a
 * client and its views ({@link NekorektenHttp#withOptions}) share one chain and differ only in those.
 */
final class CallChain {

    /** The header that carries the key; marked sensitive for the transport. */
    static final String API_KEY_HEADER = ServiceFacts.API_KEY_HEADER;
    /** Added to a permit's lease beyond the call's deadline: the watchdog may end the exchange a little late. */
    private static final Duration LEASE_SLACK = Duration.ofSeconds(5);

    private final Transport transport;
    private final Settings settings;
    private final Supplier<String> apiKey;
    private final Function<String, QuotaGate> gates;
    private final WireAnswers wire;
    private final Retry retry;
    private final CircuitBreaker circuitBreaker;
    private final IntervalFunction backoff;
    private final ResultCache cache;
    private final Listeners listeners;
    private final AtomicReference<QuotaGate> lastGate = new AtomicReference<>();

    /**
     * @param transport the wire
     * @param settings  timeouts and limits
     * @param apiKey    the key of each request, already checked (read per attempt, so rotation works)
     * @param gates     the quota gate of a key
     * @param wire      reads error bodies
     */
    CallChain(Transport transport, Settings settings, Supplier<String> apiKey, Function<String, QuotaGate> gates,
              WireAnswers wire) {
        this(transport, settings, apiKey, gates, wire, new Listeners(List.of(), settings.clock()));
    }

    /** A chain whose calls, permits and circuit transitions are reported to {@code listeners}. */
    CallChain(Transport transport, Settings settings, Supplier<String> apiKey, Function<String, QuotaGate> gates,
              WireAnswers wire, Listeners listeners) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
        this.gates = Objects.requireNonNull(gates, "gates");
        this.wire = Objects.requireNonNull(wire, "wire");
        this.retry = Resilience.retry(settings.retry(), settings.sleeper());
        this.circuitBreaker = Resilience.circuitBreaker(settings.circuitBreaker(), settings.clock());
        this.backoff = Resilience.backoff(settings.retry());
        this.cache = cache(settings);
        this.listeners = Objects.requireNonNull(listeners, "listeners");
        if (circuitBreaker != null && !listeners.isEmpty()) {
            circuitBreaker.getEventPublisher().onStateTransition(event -> listeners.circuitStateChanged(
                    circuitState(event.getStateTransition().getFromState()),
                    circuitState(event.getStateTransition().getToState())));
        }
    }

    /**
     * Runs a search: answered from the cache, or shared with an identical search in progress, or
     * sent — and then cached.
     *
     * @param limits what this call may spend; a waiter for an identical search waits at most its call
     *               timeout, and is never failed by another call's shorter permit wait (see {@link OwnLimits})
     * @throws NekorektenException every failure, typed as the ports say
     */
    SearchResult search(SearchCriteria criteria, Call<SearchResult> call, CallLimits limits) {
        // validation → observation → cache → single-flight → circuit breaker → retry → quota gate → transport
        return observed(Operation.SEARCH, trace -> OwnLimits.run(limits, settings.clock(), (own, led) ->
                cache.search(criteria, () -> {
                    led.set(true);
                    return send(call, trace, own);
                }, trace::cache, own.callTimeout())));
    }

    /**
     * Runs the cities call through the cache and single-flight, like {@link #search}.
     *
     * @throws NekorektenException every failure, typed as the ports say
     */
    List<City> cities(Call<List<City>> call, CallLimits limits) {
        return observed(Operation.CITIES, trace -> OwnLimits.run(limits, settings.clock(), (own, led) ->
                cache.cities(() -> {
                    led.set(true);
                    return send(call, trace, own);
                }, trace::cache, own.callTimeout())));
    }

    /**
     * Runs a create, update or delete, then removes what it may have changed from the cache —
     * also when it failed, since a failed write may have reached the service.
     *
     * @throws NekorektenException every failure, typed as the ports say
     */
    <T> T write(Call<T> call, CacheInvalidation invalidation, CallLimits limits) {
        Objects.requireNonNull(invalidation, "invalidation");
        return observed(Operation.of(call.method(), call.path()),
                trace -> cache.write(invalidation, () -> send(call, trace, limits)));
    }

    /** The cache, for tests. */
    ResultCache cache() {
        return cache;
    }

    /** The result cache of {@code settings}: searches and cities, shared calls bounded by the call timeout. */
    private static ResultCache cache(Settings settings) {
        ResultCache.Builder cache = ResultCache.builder(settings.cache()).clock(settings.clock())
                .maxWait(settings.callTimeout())
                .waiterContexts(ErrorContext.of("GET", ApiPaths.REPORTS), ErrorContext.of("GET", ApiPaths.CITIES));
        settings.cacheStore().ifPresent(cache::searchStore);
        return cache.build();
    }

    /** What the client knows now, for listeners' gauges and health checks. */
    ClientState state(URI baseUri) {
        Objects.requireNonNull(baseUri, "baseUri");
        return new ClientState() {
            @Override
            public URI baseUri() {
                return baseUri;
            }

            @Override
            public CircuitState circuitState() {
                return circuitBreaker == null ? CircuitState.DISABLED : CallChain.circuitState(circuitBreaker.getState());
            }

            @Override
            public Optional<RemainingQuota> quota() {
                return Optional.ofNullable(lastGate.get()).flatMap(QuotaGate::remaining);
            }

            @Override
            public String toString() {
                return "ClientState[" + baseUri + ", circuit " + circuitState() + "]";
            }
        };
    }

    /** Tells the chain the gate of a fixed key before its first call, so its quota can be read at once. */
    void knownGate(QuotaGate gate) {
        lastGate.compareAndSet(null, Objects.requireNonNull(gate, "gate"));
    }

    /** The listeners, for the client to announce itself. */
    Listeners listeners() {
        return listeners;
    }

    /**
     * Runs {@code call} past the cache (uploads): circuit breaker, retry, quota gate, transport.
     *
     * @throws NekorektenException every failure, typed as the ports say
     */
    <T> T execute(Call<T> call, CallLimits limits) {
        return observed(Operation.of(call.method(), call.path()), trace -> send(call, trace, limits));
    }

    /** Runs {@code work} as one call the listeners observe, from its start to its answer or failure. */
    private <T> T observed(Operation operation, Function<CallTrace, T> work) {
        CallTrace trace = listeners.start(operation);
        T answer;
        try {
            answer = work.apply(trace);
        } catch (RuntimeException | Error e) {
            trace.failed(e);
            throw e;
        }
        trace.succeeded();
        return answer;
    }

    private static CircuitState circuitState(CircuitBreaker.State state) {
        return switch (state) {
            case CLOSED, METRICS_ONLY -> CircuitState.CLOSED;
            case HALF_OPEN -> CircuitState.HALF_OPEN;
            case OPEN, FORCED_OPEN -> CircuitState.OPEN;
            case DISABLED -> CircuitState.DISABLED;
        };
    }

    /** The circuit breaker, retry (unless {@code limits} forbid it), quota gate and transport, reporting to {@code trace}. */
    private <T> T send(Call<T> call, CallTrace trace, CallLimits limits) {
        ErrorContext context = ErrorContext.of(call.method(), call.path());
        Budget budget = new Budget(settings.clock(), settings.clock().instant().plus(limits.callTimeout()), limits);
        AtomicInteger invocations = new AtomicInteger();
        CallProgress progress = new CallProgress();
        Supplier<T> once = () -> {
            try {
                return attempt(call, context, budget, invocations.incrementAndGet(), progress, trace);
            } catch (AttemptFailure failure) {
                progress.failed(failure.failure());
                throw failure;
            }
        };
        Supplier<T> retried = () -> {
            try {
                return limits.retries() ? retry.executeSupplier(once) : once.get();
            } catch (AttemptFailure last) {
                throw last.failure();
            }
        };
        if (circuitBreaker == null) {
            return retried.get();
        }
        try {
            return circuitBreaker.executeSupplier(retried);
        } catch (CallNotPermittedException open) {
            throw new CircuitOpenException("The circuit breaker is open after repeated failures of the service; "
                    + "nothing was sent", progress.stamp(context), null);
        }
    }

    /**
     * One attempt: a quota permit, then the exchange. Failures leave as {@link AttemptFailure},
     * stamped with what the call's attempts did so far (see {@link CallProgress}).
     *
     * @param attempt the number of this attempt, from 1 (for the backoff)
     */
    private <T> T attempt(Call<T> call, ErrorContext context, Budget budget, int attempt, CallProgress progress,
                          CallTrace trace) {
        trace.attempt(attempt);
        ErrorContext before = progress.stamp(context);
        Duration remaining = budget.remaining();
        if (remaining.isNegative() || remaining.isZero()) {
            throw new AttemptFailure(new CallTimeoutException("The call timeout of " + budget.limits().callTimeout()
                    + " passed before attempt " + attempt + "; " + CallProgress.sentence(progress.outcome()),
                    before, null), Optional.empty());
        }
        String key = apiKey.get();
        QuotaGate gate = gates.apply(key);
        // The permit's lease: the attempt cannot outlive the call's deadline (plus slack for the watchdog).
        QuotaGate.Permit permit = takePermit(gate, before, progress, min(budget.limits().permitWaitTimeout(), remaining),
                remaining.plus(LEASE_SLACK), attempt, trace);
        // The budget runs on the client's clock, which may be virtual (VirtualTime, a fixed clock); the
        // transport times real I/O on the system clock: hand it what is left of the budget, from now.
        Instant transportDeadline = Instant.now().plus(budget.remaining());
        TransportRequest request = new TransportRequest(call.method(), call.uri(),
                headers(key, settings.userAgent(), call, attempt, trace), List.of(API_KEY_HEADER), call.body(),
                settings.connectTimeout(), settings.responseTimeout(), transportDeadline, settings.maxResponseBytes());
        progress.sending();
        ErrorContext sent = progress.stamp(context);
        try {
            Redactor redactor = Redactor.of(key, call.personalData());
            return transport.execute(request, response -> handle(call, response, sent, redactor, trace));
        } catch (io.nekorekten4j.http.TransportException e) {
            throw failed(call, sent, budget, attempt, e, trace);
        } catch (IOException e) {
            throw failed(call, sent, budget, attempt,
                    new io.nekorekten4j.http.TransportException(io.nekorekten4j.http.TransportException.Kind.BROKEN,
                            "the exchange failed", e), trace);
        } catch (RateLimitedException e) {
            trace.rateLimited(attempt, e.retryAfter());
            e.retryAfter().ifPresent(gate::penalise);
            throw new AttemptFailure(e, Resilience.plannedWait(call.method(), Outcome.RATE_LIMITED, e.retryAfter(),
                    attempt, budget.remaining(), backoff));
        } catch (ServiceUnavailableException e) {
            // 501 and 505 say the service will never serve this request as sent: a retry only spends a permit.
            boolean permanent = e.context().status().stream().anyMatch(s -> s == 501 || s == 505);
            throw new AttemptFailure(e, Resilience.plannedWait(call.method(),
                    permanent ? Outcome.FINAL : Outcome.SERVER_ERROR, Optional.empty(), attempt, budget.remaining(),
                    backoff));
        } catch (NekorektenException e) {
            throw new AttemptFailure(e, Optional.empty());
        } finally {
            // The answer came back, or the attempt ended without one: the permit's window starts now.
            permit.answered();
        }
    }

    private QuotaGate.Permit takePermit(QuotaGate gate, ErrorContext context, CallProgress progress,
                                        Duration maxWait, Duration lease, int attempt, CallTrace trace) {
        try {
            lastGate.set(gate);
            QuotaGate.Permit permit = gate.acquire(maxWait, lease);
            trace.permitGranted(attempt, permit.waited());
            return permit;
        } catch (QuotaStoreUnavailableException e) {
            trace.permitRefused(attempt, PermitRefusal.STORE_UNAVAILABLE);
            throw new AttemptFailure(new QuotaStoreUnavailableException("The shared quota store could not grant a "
                    + "request permit; " + CallProgress.sentence(progress.outcome()), context, e), Optional.empty());
        } catch (RateLimitWaitExceededException e) {
            trace.permitRefused(attempt, PermitRefusal.WAIT_EXCEEDED);
            throw new AttemptFailure(new RateLimitWaitExceededException("No request permit within " + maxWait
                    + " under the quota plan " + settings.quota().name() + "; "
                    + CallProgress.sentence(progress.outcome()), context, e.waitNeeded()), Optional.empty());
        } catch (QuotaExhaustedException e) {
            trace.permitRefused(attempt, PermitRefusal.DAILY_CAP);
            throw new AttemptFailure(new QuotaExhaustedException("The plan's daily quota is spent; "
                    + CallProgress.sentence(progress.outcome()), context, e.resetsAt().orElse(null)), Optional.empty());
        }
    }

    /** A transport failure as the ports' exception, stamped with the call's outcome, and the retry it allows. */
    private AttemptFailure failed(Call<?> call, ErrorContext context, Budget budget, int attempt,
                                  io.nekorekten4j.http.TransportException e, CallTrace trace) {
        if (e.kind() != io.nekorekten4j.http.TransportException.Kind.NOT_SENT
                && e.kind() != io.nekorekten4j.http.TransportException.Kind.TLS
                && e.kind() != io.nekorekten4j.http.TransportException.Kind.PROXY_AUTHENTICATION) {
            trace.mayHaveReached();
        }
        NekorektenException failure;
        Outcome outcome;
        switch (e.kind()) {
            case TLS -> {
                // Permanent: a retry would spend another permit on another failed handshake.
                outcome = Outcome.FINAL;
                TlsFailureException.Reason reason = TlsFailures.classify(e).orElse(TlsFailureException.Reason.HANDSHAKE);
                ErrorContext after = CallProgress.after(context, RequestOutcome.NOT_SENT);
                failure = new TlsFailureException("The secure connection to the service failed: "
                        + TlsFailures.describe(reason) + "; " + CallProgress.sentence(after.outcome().orElseThrow())
                        + ". Not retried: this lasts until the certificate, the trust store or the base URI is fixed",
                        after, reason, e);
            }
            case PROXY_AUTHENTICATION -> {
                // Permanent: the proxy answers the same until its credentials are fixed.
                outcome = Outcome.FINAL;
                ErrorContext after = CallProgress.after(context, RequestOutcome.NOT_SENT);
                failure = new ProxyAuthenticationException("The proxy refused the connection to the service: "
                        + e.getMessage() + ". Not retried: this lasts until the proxy credentials are fixed", after, e);
            }
            case NOT_SENT -> {
                outcome = Outcome.NOT_SENT;
                ErrorContext after = CallProgress.after(context, RequestOutcome.NOT_SENT);
                failure = new io.nekorekten4j.ports.TransportException("Could not connect to the service; "
                        + CallProgress.sentence(after.outcome().orElseThrow()), after, e);
            }
            case BROKEN -> {
                outcome = Outcome.BROKEN;
                failure = new io.nekorekten4j.ports.TransportException(
                        "The connection failed; the request may have reached the service",
                        CallProgress.after(context, RequestOutcome.MAY_HAVE_BEEN_APPLIED), e);
            }
            case TIMEOUT -> {
                outcome = Outcome.TIMEOUT;
                failure = new CallTimeoutException("No answer in time; the request may have reached the service",
                        CallProgress.after(context, RequestOutcome.MAY_HAVE_BEEN_APPLIED), e);
            }
            default -> {
                outcome = Outcome.FINAL;
                failure = ErrorMapper.unexpected(context, "The answer is larger than the limit of "
                        + settings.maxResponseBytes() + " bytes", null, new Redactor(List.of()), e);
            }
        }
        return new AttemptFailure(failure, Resilience.plannedWait(call.method(), outcome, Optional.empty(), attempt,
                budget.remaining(), backoff));
    }

    /** Reads an answer inside the exchange: a 2xx through the call's reader, anything else as an error. */
    private <T> T handle(Call<T> call, TransportResponse response, ErrorContext context, Redactor redactor,
                         CallTrace trace) throws IOException {
        int status = response.status();
        trace.answered(status);
        BodyCapture body = new BodyCapture(response.body());
        ErrorContext withStatus = context.withStatus(status);
        Optional<String> retryAfter = response.header("Retry-After");
        try {
            if (status >= 200 && status <= 299) {
                try {
                    return call.reader().read(body);
                } catch (Malformed m) {
                    throw ErrorMapper.unexpected(withStatus, "The answer could not be read: " + m.getMessage(),
                            body.excerpt(), redactor, m);
                } catch (ErrorInBody e) {
                    throw ErrorMapper.fromBody(context, status, retryAfter, e.envelope(), body.excerpt(),
                            settings.clock().instant(), redactor);
                } catch (RuntimeException e) {
                    if (e instanceof NekorektenException) {
                        throw e;
                    }
                    // A value the domain refused that the mapper did not foresee: still an unusable
                    // answer, never an exception outside the ports' hierarchy.
                    throw ErrorMapper.unexpected(withStatus, "The answer could not be mapped", body.excerpt(),
                            redactor, e);
                }
            }
            if (status >= 300 && status <= 399) {
                // Never read on: a redirect's body and Location may carry another URL's query.
                throw ErrorMapper.fromStatus(context, status, Optional.empty(), Envelope.EMPTY, null,
                        settings.clock().instant(), redactor);
            }
            Envelope envelope = wire.errorEnvelope(body);
            throw ErrorMapper.fromStatus(context, status, retryAfter, envelope, body.excerpt(),
                    settings.clock().instant(), redactor);
        } catch (io.nekorekten4j.http.TransportException e) {
            if (e.kind() == io.nekorekten4j.http.TransportException.Kind.TOO_LARGE) {
                throw ErrorMapper.unexpected(withStatus, "The answer is larger than the limit of "
                        + settings.maxResponseBytes() + " bytes", body.excerpt(), redactor, e);
            }
            throw e;
        }
    }

    private static Map<String, String> headers(String key, String userAgent, Call<?> call, int attempt,
                                               CallTrace trace) {
        Map<String, String> headers = new HashMap<>(8);
        headers.put(API_KEY_HEADER, key);
        headers.put("User-Agent", userAgent);
        headers.put("Accept", "application/json");
        if (call.body().orElse(null) instanceof RequestBody.Json) {
            headers.put("Content-Type", "application/json; charset=UTF-8");
        }
        Map<String, String> extra = trace.requestHeaders(attempt);
        if (!extra.isEmpty()) {
            // A listener's header (trace context, when the user opted in) never replaces one of ours.
            Set<String> ours = new HashSet<>();
            headers.keySet().forEach(name -> ours.add(name.toLowerCase(Locale.ROOT)));
            extra.forEach((name, value) -> {
                if (!ours.contains(name.toLowerCase(Locale.ROOT))) {
                    headers.put(name, value);
                }
            });
        }
        return headers;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /**
     * One API call as the chain runs it.
     *
     * @param method {@code GET}, {@code POST}, {@code PATCH} or {@code DELETE}
     * @param path   the API path without query, for error contexts
     * @param uri    the full request URI
     * @param body   the request body, if any
     * @param reader       reads a 2xx answer
     * @param personalData the request's query values, blanked out of excerpts and messages
     * @param <T>          what the call yields
     */
    record Call<T>(String method, String path, URI uri, Optional<RequestBody> body, Reader<T> reader,
                   List<String> personalData) {
        Call {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(uri, "uri");
            Objects.requireNonNull(body, "body");
            Objects.requireNonNull(reader, "reader");
            personalData = List.copyOf(personalData);
        }

        /** A call whose request carries no personal data in its URI. */
        Call(String method, String path, URI uri, Optional<RequestBody> body, Reader<T> reader) {
            this(method, path, uri, body, reader, List.of());
        }
    }

    /**
     * Reads a 2xx answer's body.
     *
     * @param <T> what it yields
     */
    @FunctionalInterface
    interface Reader<T> {
        /**
         * @throws IOException  when the body stream fails
         * @throws Malformed    when the body cannot be used
         * @throws ErrorInBody  when {@code server.httpCode} contradicts the 2xx status
         */
        T read(BodyCapture body) throws IOException, Malformed, ErrorInBody;
    }

    /**
     * The client's timeouts, limits and time source.
     *
     * @param connectTimeout    per attempt: how long to wait for a connection
     * @param responseTimeout   per attempt: how long to wait between bytes of the answer
     * @param callTimeout       the whole call: permit waits, attempts and backoffs
     * @param permitWaitTimeout the longest wait for a quota permit
     * @param maxResponseBytes  the largest body accepted
     * @param quota             the key's plan (for messages; the gate enforces it)
     * @param retry             the retry options
     * @param circuitBreaker    the circuit-breaker options
     * @param clock             the time source of budgets, deadlines, the breaker and the cache
     * @param sleeper           how backoffs wait
     * @param cache             the cache, single-flight and subset-answer options
     * @param userAgent         the {@code User-Agent} header of every request
     * @param cacheStore        where search answers are kept; empty: in memory
     */
    record Settings(Duration connectTimeout, Duration responseTimeout, Duration callTimeout,
                    Duration permitWaitTimeout, long maxResponseBytes, io.nekorekten4j.ports.QuotaPlan quota,
                    RetryOptions retry, CircuitBreakerOptions circuitBreaker, Clock clock, Sleeper sleeper,
                    CacheOptions cache, String userAgent, Optional<ResultStore<SearchKey, SearchResult>> cacheStore) {

    }

    /** The time left of one call, and the limits it runs under. */
    private record Budget(Clock clock, Instant deadline, CallLimits limits) {
        Duration remaining() {
            return Duration.between(clock.instant(), deadline);
        }
    }
}
