package io.nekorekten4j.spring.boot.autoconfigure;

import io.nekorekten4j.http.NekorektenHttp;

/**
 * Changes the {@link NekorektenHttp.Builder} of the auto-configured client after the
 * {@code nekorekten.*} properties were applied — e.g. retry or circuit-breaker options, a transport
 * of your own, or a shared quota store. Every bean of this type is applied, in {@code @Order}.
 */
@FunctionalInterface
public interface NekorektenHttpBuilderCustomizer {

    /** Adjusts {@code builder}. */
    void customize(NekorektenHttp.Builder builder);
}
