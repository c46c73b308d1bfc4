package io.nekorekten4j.micrometer;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.nekorekten4j.http.CallEnd;
import java.util.Locale;

/**
 * The default names and tags of a nekorekten call's observation.
 *
 * <ul>
 *   <li>name {@value #NAME} (the timer {@code nekorekten.client.calls}, and
 *       {@code nekorekten.client.calls.active} while calls run); span name
 *       {@code nekorekten <operation>}, e.g. {@code nekorekten search};</li>
 *   <li>low-cardinality tags (timer and span): {@code operation} (search, create, update, delete,
 *       upload, cities), {@code outcome} (success, refused, no_usable_answer, not_sent),
 *       {@code error.code} (the ports' {@code ErrorCode} in lowercase, or {@code none}),
 *       {@code status.class} (2xx, 4xx, 5xx, … or {@code none}), {@code cache} (hit, miss,
 *       coalesced, bypassed);</li>
 *   <li>high-cardinality tags (span only): {@code nekorekten.attempts} and
 *       {@code nekorekten.quota.wait.ms}.</li>
 * </ul>
 * No tag ever carries an argument of the call: no phone, e-mail, name, report text or key.
 */
public class DefaultNekorektenObservationConvention implements NekorektenObservationConvention {

    /** The observation's name. */
    public static final String NAME = "nekorekten.client.calls";
    /** The value of a tag that does not apply (no error, no answer). */
    public static final String NONE = "none";

    /** The shared instance. */
    public static final DefaultNekorektenObservationConvention INSTANCE = new DefaultNekorektenObservationConvention();

    /** {@value #NAME}. */
    @Override
    public String getName() {
        return NAME;
    }

    /** {@code nekorekten <operation>}. */
    @Override
    public String getContextualName(NekorektenCallContext context) {
        return "nekorekten " + context.operation().tagValue();
    }

    /** Operation, outcome, error code, status class and cache result. */
    @Override
    public KeyValues getLowCardinalityKeyValues(NekorektenCallContext context) {
        KeyValues operation = KeyValues.of(KeyValue.of("operation", context.operation().tagValue()));
        return context.end().map(end -> operation.and(
                KeyValue.of("outcome", end.outcome().tagValue()),
                KeyValue.of("error.code", end.errorCode().map(c -> c.name().toLowerCase(Locale.ROOT)).orElse(NONE)),
                KeyValue.of("status.class", end.statusClass()),
                KeyValue.of("cache", end.cache().tagValue())))
                .orElse(operation);
    }

    /** The attempts and the permit wait in milliseconds. */
    @Override
    public KeyValues getHighCardinalityKeyValues(NekorektenCallContext context) {
        return context.end().map(DefaultNekorektenObservationConvention::spanDetails).orElse(KeyValues.empty());
    }

    private static KeyValues spanDetails(CallEnd end) {
        return KeyValues.of(KeyValue.of("nekorekten.attempts", Integer.toString(end.attempts())),
                KeyValue.of("nekorekten.quota.wait.ms", Long.toString(end.permitWait().toMillis())));
    }
}
