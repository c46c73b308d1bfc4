package io.nekorekten4j.micrometer;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and tags the observation of a nekorekten call; implement it (or extend
 * {@link DefaultNekorektenObservationConvention}) to change them, and pass it to
 * {@link NekorektenObservability.Builder#convention}. Keep tags low in cardinality and free of
 * personal data: the context carries none to begin with.
 */
public interface NekorektenObservationConvention extends ObservationConvention<NekorektenCallContext> {

    /** Applies to {@link NekorektenCallContext} only. */
    @Override
    default boolean supportsContext(Observation.Context context) {
        return context instanceof NekorektenCallContext;
    }
}
