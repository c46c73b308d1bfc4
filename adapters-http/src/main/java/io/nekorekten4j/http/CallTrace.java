package io.nekorekten4j.http;

import io.nekorekten4j.cache.CacheResult;
import io.nekorekten4j.ports.NekorektenException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the chain learns about one call, for its {@link CallListener}s: attempts, permit waits, the
 * last HTTP status, whether a request may have reached the service, and the cache's part. Used by
 * the calling thread only (the leader of a shared call runs on its caller's thread too).
 * {@link #NONE} records nothing, for clients without listeners.
 */
class CallTrace {

    /** Records nothing and calls nobody. */
    static final CallTrace NONE = new CallTrace();

    private static final Logger LOG = LoggerFactory.getLogger(NekorektenListener.class);
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    private static final Pattern SAFE_VALUE = Pattern.compile("[\\x20-\\x7E\\t]*");

    private final CallStart start;
    private final List<CallListener> listeners;
    private final Clock clock;
    private int attempts;
    private Duration permitWait = Duration.ZERO;
    private OptionalInt status = OptionalInt.empty();
    private boolean reached;
    private CacheResult cache = CacheResult.BYPASSED;
    private boolean ended;

    private CallTrace() {
        this.start = null;
        this.listeners = List.of();
        this.clock = null;
    }

    CallTrace(CallStart start, List<CallListener> listeners, Clock clock) {
        this.start = start;
        this.listeners = List.copyOf(listeners);
        this.clock = clock;
    }

    /** The call looked into the cache (or joined a flight): how that went. */
    void cache(CacheResult result) {
        this.cache = result;
    }

    /** Attempt {@code attempt} begins. */
    void attempt(int attempt) {
        this.attempts = attempt;
    }

    void permitGranted(int attempt, Duration waited) {
        if (this == NONE) {
            return;
        }
        permitWait = permitWait.plus(waited);
        for (CallListener l : listeners) {
            Listeners.guarded(l, "permitGranted", () -> l.permitGranted(attempt, waited));
        }
    }

    void permitRefused(int attempt, PermitRefusal reason) {
        for (CallListener l : listeners) {
            Listeners.guarded(l, "permitRefused", () -> l.permitRefused(attempt, reason));
        }
    }

    void rateLimited(int attempt, Optional<Duration> retryAfter) {
        for (CallListener l : listeners) {
            Listeners.guarded(l, "rateLimited", () -> l.rateLimited(attempt, retryAfter));
        }
    }

    /** An answer with {@code httpStatus} arrived: the request reached the service. */
    void answered(int httpStatus) {
        this.status = OptionalInt.of(httpStatus);
        this.reached = true;
    }

    /** The request may have reached the service, though no usable answer came. */
    void mayHaveReached() {
        this.reached = true;
    }

    /** The listeners' extra headers for an attempt, only those that are safe to send. */
    Map<String, String> requestHeaders(int attempt) {
        if (listeners.isEmpty()) {
            return Map.of();
        }
        Map<String, String> headers = new HashMap<>();
        for (CallListener l : listeners) {
            Map<String, String> extra = Listeners.guarded(l, "requestHeaders", () -> l.requestHeaders(attempt));
            if (extra == null) {
                continue;
            }
            extra.forEach((name, value) -> {
                if (name != null && value != null && TOKEN.matcher(name).matches()
                        && SAFE_VALUE.matcher(value).matches()) {
                    headers.put(name, value);
                } else {
                    // Never the value: it came from the listener and may be anything.
                    LOG.warn("nekorekten4j listener {} gave an unsafe request header; it is not sent",
                            l.getClass().getName());
                }
            });
        }
        return headers;
    }

    /** The call returned an answer. */
    void succeeded() {
        end(CallOutcome.SUCCESS, Optional.empty());
    }

    /** The call failed with {@code failure}, which the caller gets. */
    void failed(Throwable failure) {
        end(outcome(failure), Optional.of(failure));
    }

    private void end(CallOutcome outcome, Optional<Throwable> failure) {
        if (this == NONE || ended) {
            return;
        }
        ended = true;
        Instant now = clock.instant();
        Duration took = Duration.between(start.startedAt(), now);
        CallEnd end = new CallEnd(start.operation(), outcome,
                failure.filter(NekorektenException.class::isInstance).map(f -> ((NekorektenException) f).code()),
                status, attempts, permitWait, cache, took.isNegative() ? Duration.ZERO : took, now, failure);
        for (CallListener l : listeners) {
            Listeners.guarded(l, "callEnded", () -> l.callEnded(end));
        }
    }

    /**
     * The outcome of a failure: for the ports' exceptions their own {@link NekorektenException#outcome()}
     * (not sent → {@code NOT_SENT}, refused → {@code REFUSED}, may have been applied →
     * {@code NO_USABLE_ANSWER}); for anything else (a key supplier that failed, say), whether this
     * call let a request out.
     */
    private CallOutcome outcome(Throwable failure) {
        if (failure instanceof NekorektenException e) {
            return switch (e.outcome()) {
                case NOT_SENT -> CallOutcome.NOT_SENT;
                case REFUSED -> CallOutcome.REFUSED;
                case MAY_HAVE_BEEN_APPLIED -> CallOutcome.NO_USABLE_ANSWER;
            };
        }
        return reached ? CallOutcome.NO_USABLE_ANSWER : CallOutcome.NOT_SENT;
    }
}
