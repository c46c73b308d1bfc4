package io.nekorekten4j.http;

import io.nekorekten4j.ports.Operation;

/**
 * A step of your own in the call pipeline of {@link NekorektenHttp}, in the manner of OkHttp's
 * {@code Interceptor} and the Azure SDK's {@code HttpPipelinePolicy}: it runs code around the rest
 * of the call and hands it on with {@link Chain#proceed()}.
 *
 * <pre>{@code
 * CallPolicy timing = new CallPolicy() {
 *     public <T> T handle(CallPolicy.Chain<T> chain) {
 *         long start = System.nanoTime();
 *         try {
 *             return chain.proceed();
 *         } finally {
 *             log.info("{} attempt {} took {} µs", chain.operation(), chain.attempt(),
 *                     (System.nanoTime() - start) / 1000);
 *         }
 *     }
 * };
 * NekorektenHttp.builder().apiKey(key).addPolicy(PipelineStage.QUOTA, timing).build();
 * }</pre>
 *
 * Where it is added decides what it sees (see {@link PipelineStage}): at {@link PipelineStage#CACHE}
 * every call, cache hits included; at {@link PipelineStage#RETRY} each call that goes to the
 * service, once; at {@link PipelineStage#QUOTA} or {@link PipelineStage#TRANSPORT} each attempt.
 *
 * <p>A policy may return without proceeding (nothing further happens: no request is sent) or throw;
 * whatever it throws reaches the caller, except that steps before it (the retry step, the circuit
 * breaker, listeners) see it pass. Throw the ports' {@link io.nekorekten4j.ports.NekorektenException}s
 * if callers should handle your failures like the client's own. A policy is shared by every call of
 * the client, on the callers' threads: make it thread safe.
 */
@FunctionalInterface
public interface CallPolicy {

    /**
     * Does this policy's job for one call (or one attempt) and, normally, returns
     * {@code chain.proceed()}.
     *
     * @param chain the rest of the pipeline, and the safe facts of the call
     * @param <T>   what the call yields
     * @return the call's answer
     */
    <T> T handle(Chain<T> chain);

    /**
     * The rest of the pipeline as a policy sees it. It shows only facts that are safe to log: the
     * operation and the attempt — never the key, the request's URI with its query, or its body,
     * which carry the key and buyers' personal data. Belongs to one call, on the caller's thread.
     *
     * @param <T> what the call yields
     */
    interface Chain<T> {

        /** The operation being called. */
        Operation operation();

        /**
         * The number of the current attempt, from 1, inside the retry stage; 0 in the stages before
         * it, where no attempt has begun.
         */
        int attempt();

        /**
         * Runs the rest of the pipeline and returns the call's answer. At {@link PipelineStage#RETRY}
         * or before it, calling it again runs the rest again (the retry step does that; an attempt
         * begins each time the pipeline passes the retry stage) — a policy that replaces the retry
         * step takes on its duty never to repeat a write the service may have applied. Past the
         * retry stage ({@link PipelineStage#QUOTA}, {@link PipelineStage#TRANSPORT}) it works once
         * per attempt, so no policy can send a request twice behind the retry step's back.
         *
         * @throws io.nekorekten4j.ports.NekorektenException the call's failure, typed as the ports say
         * @throws IllegalStateException when a policy past the retry stage calls it a second time
         */
        T proceed();
    }
}
