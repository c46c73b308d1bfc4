package io.nekorekten4j.http;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * What both transport builders configure alike — the connection cap, the proxy, the TLS context —
 * with one validation, so {@link ApacheTransport} and {@link JdkTransport} accept and refuse the
 * same values with the same messages. Not thread safe (a builder's part); the transports copy what
 * they need when built.
 */
final class ConnectionSettings {

    static final int DEFAULT_MAX_CONNECTIONS = 20;
    static final int DEFAULT_MAX_CONNECTIONS_PER_ROUTE = 10;

    private int maxConnections = DEFAULT_MAX_CONNECTIONS;
    private int maxConnectionsPerRoute = DEFAULT_MAX_CONNECTIONS_PER_ROUTE;
    private ProxyOptions proxy;
    private SSLContext sslContext;

    void maxConnections(int value) {
        if (value < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1, got " + value);
        }
        this.maxConnections = value;
    }

    void maxConnectionsPerRoute(int value) {
        if (value < 1) {
            throw new IllegalArgumentException("maxConnectionsPerRoute must be at least 1, got " + value);
        }
        this.maxConnectionsPerRoute = value;
    }

    void proxy(ProxyOptions value) {
        this.proxy = Objects.requireNonNull(value, "proxy");
    }

    void sslContext(SSLContext value) {
        this.sslContext = Objects.requireNonNull(value, "sslContext");
    }

    void trustStore(KeyStore value) {
        this.sslContext = trusting(Objects.requireNonNull(value, "trustStore"));
    }

    /**
     * Checks the rule across settings.
     *
     * @throws IllegalArgumentException when more connections are allowed per route than in all
     */
    void check() {
        if (maxConnectionsPerRoute > maxConnections) {
            throw new IllegalArgumentException("maxConnectionsPerRoute (" + maxConnectionsPerRoute
                    + ") must not exceed maxConnections (" + maxConnections + ")");
        }
    }

    int maxConnections() {
        return maxConnections;
    }

    int maxConnectionsPerRoute() {
        return maxConnectionsPerRoute;
    }

    Optional<ProxyOptions> proxy() {
        return Optional.ofNullable(proxy);
    }

    Optional<SSLContext> sslContext() {
        return Optional.ofNullable(sslContext);
    }

    /**
     * A TLS context that trusts exactly the certificates in {@code trustStore} (not the JVM's
     * default ones as well), with the JVM's default trust algorithm (PKIX) and host-name checks.
     *
     * @throws IllegalArgumentException when the store cannot be used (its exception is the cause)
     */
    static SSLContext trusting(KeyStore trustStore) {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trustStore);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("trustStore cannot be used: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
        }
    }

    /** The settings, never a credential. */
    String describe() {
        return "maxConnections=" + maxConnections + ", maxConnectionsPerRoute=" + maxConnectionsPerRoute
                + (proxy == null ? "" : ", proxy=" + proxy) + (sslContext == null ? "" : ", custom sslContext");
    }
}
