package io.nekorekten4j.http;

import java.util.Objects;

/**
 * The observation step: the client's {@link NekorektenListener}s see each call from its start to
 * its answer or failure. It sits outside the cache, so listeners see every call — cache hits and
 * shared calls included — and, through the call's {@link CallTrace}, each attempt's permit, 429
 * and status from the steps inside.
 */
final class ObservationPolicy implements Pipeline.Step {

    private final Listeners listeners;

    ObservationPolicy(Listeners listeners) {
        this.listeners = Objects.requireNonNull(listeners, "listeners");
    }

    @Override
    public <T> T handle(Pipeline.Link<T> link) {
        CallTrace trace = listeners.start(link.operation());
        link.run().observedBy(trace);
        T answer;
        try {
            answer = link.proceed();
        } catch (RuntimeException | Error e) {
            trace.failed(e);
            throw e;
        }
        trace.succeeded();
        return answer;
    }
}
