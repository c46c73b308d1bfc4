package io.nekorekten4j.http;

import io.nekorekten4j.ports.QuotaPlan;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The quota gates of this JVM, one per service origin, API key and time source.
 *
 * <ul>
 *   <li>Keyed by the service's origin (scheme, host and port): the same key used against the real
 *       service and against a loopback fake server, or against two fake servers, counts each
 *       origin's requests apart — they are different services with quotas of their own.</li>
 *   <li>Keyed by the SHA-256 of the key, never the key itself: the registry lives as long as the JVM
 *       and is reachable from every client.</li>
 *   <li>Also keyed by the time source: every client on the system clock (whatever its zone) shares
 *       the key's gate; a client on a clock of its own (a test's virtual clock) gets a gate of its
 *       own, since a log of instants read from one clock means nothing to another. The first client
 *       of a key and time source also fixes the gate's {@link Sleeper}.</li>
 *   <li>When clients of one key name different plans, the gate keeps the stricter figures (the
 *       lower per-minute count and the lower daily cap; a cap beats none): a key has one plan at the
 *       service, so the lower figure is the safe one.</li>
 *   <li>Gates are kept for the life of the JVM, even after their clients close: a client rebuilt
 *       with the same key must not forget the sends of the last minute and of the day.</li>
 * </ul>
 */
final class QuotaRegistry {

    /** The registry of this JVM. */
    static final QuotaRegistry JVM = new QuotaRegistry();

    private static final String SYSTEM_CLOCK = "system clock";

    private final ConcurrentMap<GateKey, QuotaGate> gates = new ConcurrentHashMap<>();

    QuotaRegistry() {
    }

    /**
     * The gate of {@code apiKey} at {@code origin} on {@code clock}, created on first use and
     * tightened to {@code plan}.
     */
    QuotaGate gateFor(String origin, String apiKey, QuotaPlan plan, Clock clock, Sleeper sleeper) {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(sleeper, "sleeper");
        GateKey key = new GateKey(origin, sha256(apiKey), timeSource(clock));
        QuotaGate gate = gates.computeIfAbsent(key, k -> QuotaGate.create(plan.perMinute(), QuotaGate.MINUTE,
                plan.perDay(), QuotaGate.PLAN_MARGIN, clock, sleeper));
        gate.tighten(plan);
        return gate;
    }

    /** How many gates exist. */
    int size() {
        return gates.size();
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

    /** A lowercase hex SHA-256 of the key's UTF-8 bytes. */
    static String sha256(String apiKey) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(apiKey.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-256 (MessageDigest's Javadoc).
            throw new IllegalStateException("SHA-256 is not available", e);
        }
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

    private record GateKey(String origin, String keyHash, Object timeSource) {
    }
}
