package io.nekorekten4j.http;

/**
 * Observes a {@link NekorektenHttp} client: its calls, quota permits, 429s, cache results and
 * circuit-breaker state — the seam for metrics and tracing (the {@code nekorekten4j-micrometer}
 * module implements it with Micrometer's Observation API), in the manner of OkHttp's
 * {@code EventListener} and the AWS SDK's {@code ExecutionInterceptor}. Register it with one
 * builder call:
 *
 * <pre>{@code
 * NekorektenHttp.builder().apiKey(key).listener(new NekorektenListener() {
 *     public CallListener callStarted(CallStart call) {
 *         return new CallListener() {
 *             public void callEnded(CallEnd end) {
 *                 log.info("{} {} after {} attempts", end.operation(), end.outcome(), end.attempts());
 *             }
 *         };
 *     }
 * }).build();
 * }</pre>
 *
 * <p>Nothing a listener receives carries personal data or the key: operations, outcomes, error
 * codes, HTTP statuses, counts, durations, and exceptions whose messages hold neither.
 *
 * <p>The client calls listeners synchronously, on the thread that made the call (circuit
 * transitions on the thread whose call caused them), in the order they were registered; keep them
 * fast and thread safe. An exception a listener throws is logged (WARN) and never changes a call.
 * Every method has a default that does nothing.
 */
public interface NekorektenListener {

    /**
     * The client was built: {@code state} stays valid for the client's life; read it for gauges
     * (remaining quota, circuit state). Called once per client the listener is registered with.
     */
    default void clientBuilt(ClientState state) {
    }

    /**
     * A call begins (after its arguments were validated); the returned listener gets the call's
     * events. Return {@link CallListener#NONE} to ignore it.
     */
    default CallListener callStarted(CallStart call) {
        return CallListener.NONE;
    }

    /** The circuit breaker moved from {@code from} to {@code to}. */
    default void circuitStateChanged(CircuitState from, CircuitState to) {
    }
}
