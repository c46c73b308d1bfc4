package io.nekorekten4j.http;

import io.nekorekten4j.ports.Operation;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link NekorektenListener}s of one client, called in registration order. A listener that
 * throws is logged and skipped: observing a call must never change it. With no listener, every
 * call gets {@link CallTrace#NONE}, which costs nothing.
 */
final class Listeners {

    private static final Logger LOG = LoggerFactory.getLogger(NekorektenListener.class);

    private final List<NekorektenListener> listeners;
    private final Clock clock;

    Listeners(List<NekorektenListener> listeners, Clock clock) {
        this.listeners = List.copyOf(listeners);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Tells every listener the client was built. */
    void clientBuilt(ClientState state) {
        for (NekorektenListener listener : listeners) {
            guarded(listener, "clientBuilt", () -> listener.clientBuilt(state));
        }
    }

    /** Starts observing a call of {@code operation}. */
    CallTrace start(Operation operation) {
        if (listeners.isEmpty()) {
            return CallTrace.NONE;
        }
        CallStart start = new CallStart(operation, clock.instant());
        List<CallListener> calls = new ArrayList<>(listeners.size());
        for (NekorektenListener listener : listeners) {
            CallListener call = guarded(listener, "callStarted", () -> listener.callStarted(start));
            calls.add(call == null ? CallListener.NONE : call);
        }
        return new CallTrace(start, calls, clock);
    }

    /** Tells every listener the circuit moved. */
    void circuitStateChanged(CircuitState from, CircuitState to) {
        for (NekorektenListener listener : listeners) {
            guarded(listener, "circuitStateChanged", () -> listener.circuitStateChanged(from, to));
        }
    }

    /** Whether any listener is registered. */
    boolean isEmpty() {
        return listeners.isEmpty();
    }

    static void guarded(Object listener, String event, Runnable action) {
        guarded(listener, event, () -> {
            action.run();
            return null;
        });
    }

    /** Runs one listener method; its failure is logged, with its stack trace, and the call goes on. */
    static <T> T guarded(Object listener, String event, Supplier<T> action) {
        try {
            return action.get();
        } catch (RuntimeException e) {
            LOG.warn("nekorekten4j listener {} failed in {}; the call goes on unchanged",
                    listener.getClass().getName(), event, e);
            return null;
        }
    }
}
