package io.nekorekten4j.http;

/**
 * The stages a call of {@link NekorektenHttp} passes, <b>in declaration order</b>: that order is
 * the pipeline's, closest to the API first, closest to the wire last.
 *
 * <pre>
 * VALIDATION → OBSERVATION → CACHE → CIRCUIT_BREAKER → RETRY → QUOTA → TRANSPORT
 * (once per call, up to and including RETRY)               (once per attempt)
 * </pre>
 *
 * Each stage holds one built-in step with one job. The stages up to and
 * including {@link #RETRY} run once per call; the retry step repeats what follows it, so
 * {@link #QUOTA} and {@link #TRANSPORT} run once per attempt. A policy added with
 * {@link NekorektenHttp.Builder#addPolicy(PipelineStage, CallPolicy)} runs just before the
 * built-in step of its stage, and therefore as often as that step runs; one set with
 * {@link NekorektenHttp.Builder#replacePolicy(PipelineStage, CallPolicy)} takes the built-in step's
 * place.
 */
public enum PipelineStage {

    /**
     * The call's arguments are checked against the service's rules (e.g. at most 10 files per
     * upload); a bad call throws {@link io.nekorekten4j.domain.ValidationException} and nothing is
     * sent. Not replaceable: no call may skip it.
     */
    VALIDATION,

    /**
     * The client's {@link NekorektenListener}s see the call start and end, cache hits and shared
     * calls included, and the attempts' permits, 429s and statuses from inside.
     */
    OBSERVATION,

    /**
     * Searches and cities are answered from the result cache, or joined to an identical call in
     * progress (single-flight), or sent and then cached; writes drop what they may have changed
     * when they end; uploads pass. Before the quota, so a shared call spends one permit.
     */
    CACHE,

    /**
     * After repeated failures of the service the circuit opens and calls fail at once, without a
     * request. It sees each call once, however often it was retried.
     */
    CIRCUIT_BREAKER,

    /**
     * Decides whether a failed attempt may be repeated (never a write the service may have
     * applied), waits the backoff or the service's {@code Retry-After}, and repeats what follows.
     * The whole call, waits included, fits in the call timeout.
     */
    RETRY,

    /** Takes a permit of the key's plan for each attempt, retries included, waiting if needed. */
    QUOTA,

    /**
     * Sends the request and reads the answer, or maps the failure to the ports' exceptions. Not
     * replaceable: only here does the key enter the request; bring a {@link Transport} of your own
     * to change the wire.
     */
    TRANSPORT;

    /** Whether {@link NekorektenHttp.Builder#replacePolicy} may take this stage's built-in step. */
    boolean replaceable() {
        return this != VALIDATION && this != TRANSPORT;
    }
}
