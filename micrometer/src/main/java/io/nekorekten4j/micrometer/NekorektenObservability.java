package io.nekorekten4j.micrometer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.nekorekten4j.cache.CacheResult;
import io.nekorekten4j.http.CallEnd;
import io.nekorekten4j.http.CallListener;
import io.nekorekten4j.http.CallStart;
import io.nekorekten4j.http.CircuitState;
import io.nekorekten4j.http.ClientState;
import io.nekorekten4j.http.NekorektenListener;
import io.nekorekten4j.ports.Operation;
import io.nekorekten4j.http.PermitRefusal;
import io.nekorekten4j.http.RemainingQuota;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Metrics and tracing of a {@link io.nekorekten4j.http.NekorektenHttp} client through Micrometer:
 * one {@link Observation} per call (a timer and, with Micrometer Tracing, a client span), plus
 * quota, cache and circuit-breaker meters. Register it with one builder call:
 *
 * <pre>{@code
 * MeterRegistry meters = ...;                       // Prometheus, OTLP, SimpleMeterRegistry...
 * ObservationRegistry observations = ...;           // with the app's tracing handler, if any
 * Nekorekten api = NekorektenHttp.builder().apiKey(key)
 *         .listener(NekorektenObservability.builder().observationRegistry(observations).meterRegistry(meters).build())
 *         .build();
 * }</pre>
 * Given only a {@link MeterRegistry}, it makes an {@link ObservationRegistry} that records the
 * timers there (no spans).
 *
 * <h2>What it records</h2>
 * <table>
 *   <caption>Meters and spans</caption>
 *   <tr><th>name</th><th>type</th><th>tags</th><th>what</th></tr>
 *   <tr><td>{@code nekorekten.client.calls}</td><td>timer (observation)</td>
 *       <td>operation, outcome, error.code, status.class, cache (and Micrometer's own {@code error})</td>
 *       <td>every call, cache hits included; span {@code nekorekten <operation>} with
 *       {@code nekorekten.attempts} and {@code nekorekten.quota.wait.ms}</td></tr>
 *   <tr><td>{@code nekorekten.client.calls.active}</td><td>long task timer (observation)</td>
 *       <td>operation</td><td>calls running now</td></tr>
 *   <tr><td>{@code nekorekten.quota.permits}</td><td>counter</td><td>operation</td>
 *       <td>quota permits granted (one per request sent, retries included)</td></tr>
 *   <tr><td>{@code nekorekten.quota.permit.wait}</td><td>timer</td><td>operation</td>
 *       <td>time each granted permit waited</td></tr>
 *   <tr><td>{@code nekorekten.quota.refused}</td><td>counter</td><td>operation, reason
 *       (wait_exceeded, daily_cap)</td><td>permits refused locally: nothing was sent</td></tr>
 *   <tr><td>{@code nekorekten.quota.rate.limited}</td><td>counter</td><td>operation</td>
 *       <td>429 answers from the service</td></tr>
 *   <tr><td>{@code nekorekten.quota.remaining}</td><td>gauge</td><td>window (minute, day)</td>
 *       <td>the local view of what is left (NaN when unknown, or for {@code day} without a daily cap)</td></tr>
 *   <tr><td>{@code nekorekten.cache.lookups}</td><td>counter</td><td>operation (search, cities),
 *       result (hit, miss, coalesced)</td><td>how searches and cities were answered</td></tr>
 *   <tr><td>{@code nekorekten.circuit.state}</td><td>gauge</td><td>state (closed, open, half_open,
 *       disabled)</td><td>1 for the current state, 0 for the others</td></tr>
 *   <tr><td>{@code nekorekten.circuit.transitions}</td><td>counter</td><td>from, to</td>
 *       <td>circuit-breaker state changes</td></tr>
 * </table>
 * Every meter also carries the builder's {@link Builder#tag common tags}. No tag or span attribute
 * ever carries an argument of a call — no phone, e-mail, name, report text — nor the key.
 *
 * <h2>Trace context</h2>
 * The span is a client span whose context is <em>not</em> sent to the service: the service is a
 * third party, and W3C {@code traceparent}/{@code tracestate} (or B3) headers would tell it about
 * your traces. {@link Builder#propagateTraceContext(boolean)} opts in.
 *
 * <p>Register one instance per client: the gauges follow the first client it is registered with.
 * Thread safe.
 */
public final class NekorektenObservability implements NekorektenListener {

    private static final Pattern TAG_KEY = Pattern.compile("[a-z][a-z0-9_.]*");

    private final ObservationRegistry observations;
    private final Optional<MeterRegistry> meters;
    private final NekorektenObservationConvention convention;
    private final boolean propagate;
    private final Tags commonTags;

    private NekorektenObservability(Builder b, ObservationRegistry observations) {
        this.observations = observations;
        this.meters = Optional.ofNullable(b.meterRegistry);
        this.convention = b.convention;
        this.propagate = b.propagateTraceContext;
        this.commonTags = b.tags;
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Registers the quota and circuit gauges of the client's live state. */
    @Override
    public void clientBuilt(ClientState state) {
        meters.ifPresent(registry -> {
            Gauge.builder("nekorekten.quota.remaining", state, s -> s.quota().map(q -> (double) q.leftThisMinute())
                            .orElse(Double.NaN))
                    .tags(commonTags).tag("window", "minute").baseUnit("requests")
                    .description("quota permits the client would grant now without waiting (local view)")
                    .register(registry);
            Gauge.builder("nekorekten.quota.remaining", state, s -> s.quota().map(RemainingQuota::leftToday)
                            .filter(left -> left.isPresent()).map(left -> (double) left.getAsInt()).orElse(Double.NaN))
                    .tags(commonTags).tag("window", "day").baseUnit("requests")
                    .description("requests left under the plan's daily cap (local view; NaN without a cap)")
                    .register(registry);
            for (CircuitState candidate : CircuitState.values()) {
                Gauge.builder("nekorekten.circuit.state", state, s -> s.circuitState() == candidate ? 1 : 0)
                        .tags(commonTags).tag("state", candidate.tagValue())
                        .description("1 for the circuit breaker's current state, 0 for the others")
                        .register(registry);
            }
        });
    }

    /** Starts the call's observation and makes it current on the calling thread. */
    @Override
    public CallListener callStarted(CallStart call) {
        NekorektenCallContext context = new NekorektenCallContext(call.operation(), propagate);
        commonTags.forEach(tag -> context.addLowCardinalityKeyValue(
                io.micrometer.common.KeyValue.of(tag.getKey(), tag.getValue())));
        Observation observation = Observation.createNotStarted(convention, DefaultNekorektenObservationConvention.INSTANCE,
                () -> context, observations).start();
        Observation.Scope scope = observation.openScope();
        return new Call(call.operation(), observation, scope, context);
    }

    /** Counts the transition. */
    @Override
    public void circuitStateChanged(CircuitState from, CircuitState to) {
        meters.ifPresent(registry -> Counter.builder("nekorekten.circuit.transitions").tags(commonTags)
                .tag("from", from.tagValue()).tag("to", to.tagValue())
                .description("circuit-breaker state changes").register(registry).increment());
    }

    /** Names the settings. */
    @Override
    public String toString() {
        return "NekorektenObservability[meters=" + meters.map(m -> m.getClass().getSimpleName()).orElse("none")
                + ", propagateTraceContext=" + propagate + ", tags=" + commonTags + "]";
    }

    /** One call: its observation, scope and meters. */
    private final class Call implements CallListener {
        private final Operation operation;
        private final Observation observation;
        private final Observation.Scope scope;
        private final NekorektenCallContext context;

        Call(Operation operation, Observation observation, Observation.Scope scope, NekorektenCallContext context) {
            this.operation = operation;
            this.observation = observation;
            this.scope = scope;
            this.context = context;
        }

        @Override
        public void permitGranted(int attempt, Duration waited) {
            meters.ifPresent(registry -> {
                Counter.builder("nekorekten.quota.permits").tags(commonTags).tag("operation", operation.tagValue())
                        .description("quota permits granted: one per request sent").register(registry).increment();
                Timer.builder("nekorekten.quota.permit.wait").tags(commonTags).tag("operation", operation.tagValue())
                        .description("how long each granted quota permit waited").register(registry).record(waited);
            });
        }

        @Override
        public void permitRefused(int attempt, PermitRefusal reason) {
            observation.event(Observation.Event.of("nekorekten.quota.refused." + reason.tagValue(),
                    "quota permit refused locally: " + reason.tagValue()));
            meters.ifPresent(registry -> Counter.builder("nekorekten.quota.refused").tags(commonTags)
                    .tag("operation", operation.tagValue()).tag("reason", reason.tagValue())
                    .description("quota permits refused locally; nothing was sent").register(registry).increment());
        }

        @Override
        public void rateLimited(int attempt, Optional<Duration> retryAfter) {
            observation.event(Observation.Event.of("nekorekten.rate.limited", "the service answered 429"));
            meters.ifPresent(registry -> Counter.builder("nekorekten.quota.rate.limited").tags(commonTags)
                    .tag("operation", operation.tagValue())
                    .description("429 answers from the service").register(registry).increment());
        }

        @Override
        public Map<String, String> requestHeaders(int attempt) {
            return propagate ? context.headers() : Map.of();
        }

        @Override
        public void callEnded(CallEnd end) {
            try {
                context.end(end);
                end.failure().ifPresent(observation::error);
                if (end.cache() != CacheResult.BYPASSED) {
                    meters.ifPresent(registry -> Counter.builder("nekorekten.cache.lookups").tags(commonTags)
                            .tag("operation", operation.tagValue()).tag("result", end.cache().tagValue())
                            .description("searches and cities answered from the cache, shared, or sent")
                            .register(registry).increment());
                }
            } finally {
                scope.close();
                observation.stop();
            }
        }
    }

    /** Builds a {@link NekorektenObservability}; at least one registry is required. */
    public static final class Builder {
        private ObservationRegistry observationRegistry;
        private MeterRegistry meterRegistry;
        private NekorektenObservationConvention convention;
        private boolean propagateTraceContext;
        private Tags tags = Tags.empty();

        private Builder() {
        }

        /**
         * Where calls are observed: its handlers make the timer (Micrometer's
         * {@link DefaultMeterObservationHandler}) and the span (Micrometer Tracing). Default: one
         * that records timers in the {@link #meterRegistry}.
         */
        public Builder observationRegistry(ObservationRegistry observationRegistry) {
            this.observationRegistry = Objects.requireNonNull(observationRegistry, "observationRegistry");
            return this;
        }

        /** Where the quota, cache and circuit meters go (default: none of them are recorded). */
        public Builder meterRegistry(MeterRegistry meterRegistry) {
            this.meterRegistry = Objects.requireNonNull(meterRegistry, "meterRegistry");
            return this;
        }

        /** Names and tags of the call observation (default {@link DefaultNekorektenObservationConvention}). */
        public Builder convention(NekorektenObservationConvention convention) {
            this.convention = Objects.requireNonNull(convention, "convention");
            return this;
        }

        /**
         * Whether the call's trace context (W3C {@code traceparent}, or whatever the app's tracer
         * propagates) is sent to the service as request headers. Default {@code false}: the service
         * is a third party and learns nothing of your traces.
         */
        public Builder propagateTraceContext(boolean propagateTraceContext) {
            this.propagateTraceContext = propagateTraceContext;
            return this;
        }

        /**
         * Adds a tag to every meter and observation, e.g. {@code client=shop-a} when several
         * clients share a registry. Keep its value low in cardinality and free of personal data.
         *
         * @throws IllegalArgumentException when the key is not lowercase dotted words, or the
         *                                  value is blank
         */
        public Builder tag(String key, String value) {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
            if (!TAG_KEY.matcher(key).matches()) {
                throw new IllegalArgumentException("key must be lowercase letters, digits, '_' and '.', "
                        + "starting with a letter, got '" + key + "'");
            }
            if (value.isBlank()) {
                throw new IllegalArgumentException("value of tag " + key + " must not be blank");
            }
            this.tags = tags.and(Tag.of(key, value));
            return this;
        }

        /**
         * The listener.
         *
         * @throws IllegalStateException when neither registry was given
         */
        public NekorektenObservability build() {
            if (observationRegistry == null && meterRegistry == null) {
                throw new IllegalStateException("give an observationRegistry, a meterRegistry, or both");
            }
            ObservationRegistry registry = observationRegistry;
            if (registry == null) {
                registry = ObservationRegistry.create();
                registry.observationConfig().observationHandler(new DefaultMeterObservationHandler(meterRegistry));
            }
            return new NekorektenObservability(this, registry);
        }
    }
}
