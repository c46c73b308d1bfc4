package io.nekorekten4j.http;

import java.net.URI;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The in-JVM quota stores of this JVM, one per time source.
 *
 * <ul>
 *   <li>Scopes are keyed by the service's origin (scheme, host and port, {@link #origin}): the same
 *       key used against the real service and against a loopback fake server, or against two fake
 *       servers, counts each origin's requests apart — they are different services with quotas of
 *       their own.</li>
 *   <li>Every client on the system clock (whatever its zone) shares one {@link LocalQuotaStore},
 *       in which each {@link QuotaScope} (API key and origin) has one ledger; a client on a clock of
 *       its own (a test's virtual clock) gets a store of its own, since a log of instants read from
 *       one clock means nothing to another.</li>
 *   <li>Ledgers are keyed by a hash of the key, never the key itself: the registry lives as long
 *       as the JVM and is reachable from every client.</li>
 *   <li>Stores are kept for the life of the JVM, even after their clients close: a client rebuilt
 *       with the same key must not forget the sends of the last minute and of the day.</li>
 * </ul>
 */
final class QuotaRegistry {

    /** The registry of this JVM. */
    static final QuotaRegistry JVM = new QuotaRegistry();

    private static final String SYSTEM_CLOCK = "system clock";

    private final ConcurrentMap<Object, LocalQuotaStore> stores = new ConcurrentHashMap<>();

    QuotaRegistry() {
    }

    /** The store of {@code clock}'s time source, created on first use. */
    LocalQuotaStore storeFor(Clock clock) {
        Objects.requireNonNull(clock, "clock");
        Object source = timeSource(clock);
        return stores.computeIfAbsent(source,
                s -> LocalQuotaStore.create(s == SYSTEM_CLOCK ? Clock.systemUTC() : clock));
    }

    /** How many stores exist. */
    int size() {
        return stores.size();
    }

    /**
     * The origin of {@code uri}: lowercase scheme and host, and the port (the scheme's default when
     * none is given), e.g. {@code https://api.nekorekten.com:443}. Paths do not matter: a quota
     * belongs to the service, not to a path on it.
     *
     * @throws IllegalArgumentException when {@code uri} has no scheme or host
     */
    static String origin(URI uri) {
        Objects.requireNonNull(uri, "uri");
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException("uri must have a scheme and a host, got " + uri.getScheme() + "://…");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : scheme.equals("http") ? 80 : -1;
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
    }

    /** The system clock in any zone is one time source; any other clock is its own. */
    private static Object timeSource(Clock clock) {
        try {
            if (clock.withZone(ZoneOffset.UTC).equals(Clock.systemUTC())) {
                return SYSTEM_CLOCK;
            }
        } catch (UnsupportedOperationException e) {
            // A clock without zones cannot be the system clock; it is its own time source.
        }
        return new Identity(clock);
    }

    /** Compares the wrapped object by identity: test clocks rarely define equals, and must not share. */
    private record Identity(Object target) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Identity other && other.target == target;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(target);
        }
    }
}
