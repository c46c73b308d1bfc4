package io.nekorekten4j.micrometer;

import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.Propagator;
import io.micrometer.observation.transport.SenderContext;
import io.nekorekten4j.http.CallEnd;
import io.nekorekten4j.ports.Operation;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Observation context of one nekorekten call: a client-side {@link SenderContext} whose carrier
 * is the extra request headers. Unless trace propagation was opted in
 * ({@link NekorektenObservability.Builder#propagateTraceContext(boolean)}), its setter writes
 * nothing, so no trace header ever reaches the service, a third party.
 */
public final class NekorektenCallContext extends SenderContext<Map<String, String>> {

    private static final Propagator.Setter<Map<String, String>> PUT = (carrier, key, value) -> {
        if (carrier != null) {
            carrier.put(key, value);
        }
    };
    private static final Propagator.Setter<Map<String, String>> NOTHING = (carrier, key, value) -> {
    };

    private final Operation operation;
    private volatile CallEnd end;

    NekorektenCallContext(Operation operation, boolean propagate) {
        super(propagate ? PUT : NOTHING, Kind.CLIENT);
        this.operation = Objects.requireNonNull(operation, "operation");
        setCarrier(new ConcurrentHashMap<>());
        setRemoteServiceName("nekorekten");
    }

    /** The operation of the call. */
    public Operation operation() {
        return operation;
    }

    /** How the call ended, once it has. */
    public Optional<CallEnd> end() {
        return Optional.ofNullable(end);
    }

    void end(CallEnd callEnd) {
        this.end = Objects.requireNonNull(callEnd, "callEnd");
    }

    /** The headers a propagating tracer wrote (always empty without the opt-in). */
    Map<String, String> headers() {
        Map<String, String> carrier = getCarrier();
        return carrier == null ? Map.of() : Map.copyOf(carrier);
    }
}
