package io.nekorekten4j.spring.boot.autoconfigure;

/**
 * Tells the health indicator where the quota is kept and whether it can be reached — the extension
 * point for a shared quota store (Redis): define a bean of this type next to the store. Must not
 * spend quota or call the nekorekten service.
 */
public interface QuotaStoreProbe {

    /** The store in this JVM: always reachable. */
    QuotaStoreProbe JVM = new QuotaStoreProbe() {
        @Override
        public String name() {
            return "jvm";
        }

        @Override
        public boolean reachable() {
            return true;
        }
    };

    /** A short name of the store, e.g. {@code jvm} or {@code redis}. */
    String name();

    /** Whether the store answers now (for Redis: a PING); must be quick. */
    boolean reachable();
}
