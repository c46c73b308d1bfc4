package io.nekorekten4j.http;

import io.nekorekten4j.cache.CacheOptions;
import io.nekorekten4j.cache.ResultCache;
import io.nekorekten4j.cache.ResultStore;
import io.nekorekten4j.cache.SearchKey;
import io.nekorekten4j.domain.SearchResult;
import io.nekorekten4j.http.JsonCodec.BodyCapture;
import io.nekorekten4j.http.JsonCodec.Malformed;
import io.nekorekten4j.ports.NekorektenException;
import io.nekorekten4j.ports.Operation;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The policies a call of one client passes, assembled once from the builder's settings in the
 * order {@link PipelineStage} declares, with the user's policies added before their stage's
 * built-in step or in its place. Runs each call through them (see {@link Link}). Thread safe: the
 * steps are shared, each call's state ({@link CallRun}) is its own.
 */
final class Pipeline {

    private final List<Entry> entries;
    private final Listeners listeners;
    private final CachePolicy cache;
    private final CircuitBreakerPolicy circuitBreaker;
    private final QuotaPolicy quota;
    private final Settings settings;
    private final Supplier<String> apiKey;

    /**
     * @param transport the wire
     * @param settings  timeouts and limits
     * @param apiKey    the key of each request, already checked (read per attempt, so rotation works)
     * @param gates     the quota gate of a key
     * @param wire      reads error bodies
     * @param listeners the client's listeners
     * @param custom    the user's policies
     */
    Pipeline(Transport transport, Settings settings, Supplier<String> apiKey, Function<String, QuotaGate> gates,
             WireAnswers wire, Listeners listeners, Customisation custom) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
        this.listeners = Objects.requireNonNull(listeners, "listeners");
        Objects.requireNonNull(custom, "custom");
        this.cache = custom.replaces(PipelineStage.CACHE) ? null : new CachePolicy(settings);
        this.circuitBreaker = custom.replaces(PipelineStage.CIRCUIT_BREAKER) ? null
                : new CircuitBreakerPolicy(settings.circuitBreaker(), settings.clock(), listeners);
        this.quota = custom.replaces(PipelineStage.QUOTA) ? null : new QuotaPolicy(gates, settings);
        Map<PipelineStage, Step> builtIn = new EnumMap<>(PipelineStage.class);
        // Closest to the API first, closest to the wire last: PipelineStage's declaration order.
        builtIn.put(PipelineStage.VALIDATION, new ValidationPolicy());
        builtIn.put(PipelineStage.OBSERVATION, new ObservationPolicy(listeners));
        builtIn.put(PipelineStage.CACHE, cache);
        builtIn.put(PipelineStage.CIRCUIT_BREAKER, circuitBreaker);
        builtIn.put(PipelineStage.RETRY, custom.replaces(PipelineStage.RETRY) ? null
                : new RetryPolicy(settings.retry(), settings.sleeper()));
        builtIn.put(PipelineStage.QUOTA, quota);
        builtIn.put(PipelineStage.TRANSPORT, new TransportPolicy(transport, settings, wire));
        List<Entry> all = new ArrayList<>();
        for (PipelineStage stage : PipelineStage.values()) {
            for (CallPolicy added : custom.added(stage)) {
                all.add(new Entry(stage, userStep(stage, added), added.getClass().getName()));
            }
            Optional<CallPolicy> replacement = custom.replacement(stage);
            if (replacement.isPresent()) {
                all.add(new Entry(stage, userStep(stage, replacement.get()), replacement.get().getClass().getName()));
            } else {
                Step step = Objects.requireNonNull(builtIn.get(stage), stage.name());
                all.add(new Entry(stage, step, step.getClass().getSimpleName()));
            }
        }
        this.entries = List.copyOf(all);
    }

    /**
     * A user's policy as a step: it gets the chain's safe view only. Past the retry stage it may
     * proceed once per attempt: a second {@code proceed()} there would send the request again
     * behind the retry step's back, and the retry step alone knows whether that may file a report
     * twice.
     */
    private static Step userStep(PipelineStage stage, CallPolicy policy) {
        boolean perAttempt = stage.compareTo(PipelineStage.RETRY) > 0;
        return new Step() {
            @Override
            public <T> T handle(Link<T> link) {
                return policy.handle(perAttempt ? new SingleProceed<>(link, stage, policy) : link);
            }
        };
    }

    /**
     * The chain a policy past the retry stage sees: {@link #proceed()} works once.
     *
     * @param <T> what the call yields
     */
    private static final class SingleProceed<T> implements CallPolicy.Chain<T> {
        private final Link<T> link;
        private final PipelineStage stage;
        private final CallPolicy policy;
        private boolean proceeded;

        SingleProceed(Link<T> link, PipelineStage stage, CallPolicy policy) {
            this.link = link;
            this.stage = stage;
            this.policy = policy;
        }

        @Override
        public Operation operation() {
            return link.operation();
        }

        @Override
        public int attempt() {
            return link.attempt();
        }

        @Override
        public T proceed() {
            if (proceeded) {
                throw new IllegalStateException("The policy " + policy.getClass().getName() + " at stage " + stage
                        + " called proceed() twice in one attempt: past the RETRY stage a policy may send each "
                        + "attempt once; repeating a request is the retry step's decision (it never repeats a write "
                        + "the service may have applied). Add the policy at RETRY or earlier to run the rest again");
            }
            proceeded = true;
            return link.proceed();
        }

        @Override
        public String toString() {
            return link.toString();
        }
    }

    /**
     * Runs {@code call} through every step. A client and its views ({@link NekorektenHttp#withOptions})
     * share one pipeline and differ only in the {@code limits} each call carries.
     *
     * @param limits what this call may spend: call timeout, permit wait, retries
     * @throws NekorektenException every failure of the service or the wire, typed as the ports say
     */
    <T> T run(Call<T> call, CallLimits limits) {
        Objects.requireNonNull(call, "call");
        CallRun<T> run = new CallRun<>(call, settings.clock(), limits, apiKey);
        return entries.get(0).step().handle(new Link<>(entries, 0, run));
    }

    /** The steps in the order they run, e.g. {@code VALIDATION:ValidationPolicy}, for tests and messages. */
    List<String> describe() {
        return entries.stream().map(e -> e.stage() + ":" + e.name()).collect(Collectors.toUnmodifiableList());
    }

    /** The built-in cache, for tests; a pass-through cache when the cache stage was replaced. */
    ResultCache cache() {
        return cache != null ? cache.cache() : ResultCache.builder(CacheOptions.disabled()).build();
    }

    /** The listeners, for the client to announce itself. */
    Listeners listeners() {
        return listeners;
    }

    /** Tells the quota step the gate of a fixed key before its first call, so its quota can be read at once. */
    void knownGate(QuotaGate gate) {
        if (quota != null) {
            quota.knownGate(gate);
        }
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
                return circuitBreaker == null ? CircuitState.DISABLED : circuitBreaker.state();
            }

            @Override
            public Optional<RemainingQuota> quota() {
                return quota == null ? Optional.empty() : quota.remaining();
            }

            @Override
            public String toString() {
                return "ClientState[" + baseUri + ", circuit " + circuitState() + "]";
            }
        };
    }

    /** A step of the pipeline as the built-in policies implement it: with the call's whole state. */
    interface Step {
        /** Does this step's job and, normally, returns {@code link.proceed()}. */
        <T> T handle(Link<T> link);
    }

    /** A step at its stage, with a name for {@link #describe()}. */
    private record Entry(PipelineStage stage, Step step, String name) {
    }

    /**
     * Where one call stands in the pipeline: the step now running and the call's state. A user's
     * policy sees it as a {@link CallPolicy.Chain}, whose methods show only safe facts; the
     * built-in steps also read {@link #run()}. Proceeding past the retry stage begins an attempt,
     * whoever retries.
     *
     * @param <T> what the call yields
     */
    static final class Link<T> implements CallPolicy.Chain<T> {
        private final List<Entry> entries;
        private final int index;
        private final CallRun<T> run;

        private Link(List<Entry> entries, int index, CallRun<T> run) {
            this.entries = entries;
            this.index = index;
            this.run = run;
        }

        /** The call's state: for the built-in steps only. */
        CallRun<T> run() {
            return run;
        }

        @Override
        public Operation operation() {
            return run.call().operation();
        }

        @Override
        public int attempt() {
            return run.attempt();
        }

        @Override
        public T proceed() {
            int next = index + 1;
            if (next >= entries.size()) {
                throw new IllegalStateException("the transport is the last step of the pipeline: nothing follows it");
            }
            if (entries.get(index).stage() == PipelineStage.RETRY && entries.get(next).stage() != PipelineStage.RETRY) {
                run.beginAttempt();
            }
            return entries.get(next).step().handle(new Link<>(entries, next, run));
        }

        /** The operation, the stage and the attempt; never the key, the URI or the body. */
        @Override
        public String toString() {
            return "Chain[" + operation() + " at " + entries.get(index).stage() + ", attempt " + attempt() + "]";
        }
    }

    /**
     * The user's policies, by stage: added ones in the order added, and replacements.
     */
    static final class Customisation {
        private final Map<PipelineStage, List<CallPolicy>> added = new EnumMap<>(PipelineStage.class);
        private final Map<PipelineStage, CallPolicy> replaced = new EnumMap<>(PipelineStage.class);

        /** Adds {@code policy} before the built-in step of {@code stage}, after those added earlier. */
        void add(PipelineStage stage, CallPolicy policy) {
            added.computeIfAbsent(stage, s -> new ArrayList<>()).add(policy);
        }

        /** Puts {@code policy} in place of the built-in step of {@code stage} (a later call wins). */
        void replace(PipelineStage stage, CallPolicy policy) {
            if (!stage.replaceable()) {
                throw new IllegalArgumentException("stage: the " + stage + " step cannot be replaced ("
                        + (stage == PipelineStage.VALIDATION ? "no call may skip validation"
                        : "only the transport step puts the key in the request; give your own Transport to change "
                                + "the wire")
                        + "); add a policy before it with addPolicy(" + stage + ", policy)");
            }
            replaced.put(stage, policy);
        }

        boolean replaces(PipelineStage stage) {
            return replaced.containsKey(stage);
        }

        List<CallPolicy> added(PipelineStage stage) {
            return added.getOrDefault(stage, List.of());
        }

        Optional<CallPolicy> replacement(PipelineStage stage) {
            return Optional.ofNullable(replaced.get(stage));
        }

        /** A copy, so a client keeps what its builder held when it was built. */
        Customisation copy() {
            Customisation copy = new Customisation();
            added.forEach((stage, policies) -> copy.added.put(stage, new ArrayList<>(policies)));
            copy.replaced.putAll(replaced);
            return copy;
        }
    }

    /**
     * One API call as the pipeline runs it.
     *
     * @param method       {@code GET}, {@code POST}, {@code PATCH} or {@code DELETE}
     * @param path         the API path without query, for error contexts
     * @param uri          the full request URI
     * @param body         builds the request body, if any: only after the validation stage, since a
     *                     body of arguments that break the service's rules may not be buildable
     * @param reader       reads a 2xx answer
     * @param personalData the request's query values, blanked out of excerpts and messages
     * @param validation   the call's own checks, run at the validation stage
     * @param cacheUse     what the cache stage does with the call
     * @param <T>          what the call yields
     */
    record Call<T>(String method, String path, URI uri, Supplier<Optional<RequestBody>> body, Reader<T> reader,
                   List<String> personalData, Runnable validation, CachePolicy.Use<T> cacheUse) {
        Call {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(uri, "uri");
            Objects.requireNonNull(body, "body");
            Objects.requireNonNull(reader, "reader");
            personalData = List.copyOf(personalData);
            Objects.requireNonNull(validation, "validation");
            Objects.requireNonNull(cacheUse, "cacheUse");
        }

        /** A call with nothing to check and no use of the cache. */
        Call(String method, String path, URI uri, Supplier<Optional<RequestBody>> body, Reader<T> reader,
             List<String> personalData) {
            this(method, path, uri, body, reader, personalData, () -> { }, CachePolicy.bypass());
        }

        /** A call whose request carries no personal data in its URI. */
        Call(String method, String path, URI uri, Supplier<Optional<RequestBody>> body, Reader<T> reader) {
            this(method, path, uri, body, reader, List.of());
        }

        /** No request body. */
        static Supplier<Optional<RequestBody>> noBody() {
            return Optional::empty;
        }

        /** This call, with its own checks for the validation stage. */
        Call<T> validatedBy(Runnable checks) {
            return new Call<>(method, path, uri, body, reader, personalData, checks, cacheUse);
        }

        /** This call, going through the cache as {@code use} says. */
        Call<T> cached(CachePolicy.Use<T> use) {
            return new Call<>(method, path, uri, body, reader, personalData, validation, use);
        }

        /** The operation of the API this call is. */
        Operation operation() {
            return Operation.of(method, path);
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
}
