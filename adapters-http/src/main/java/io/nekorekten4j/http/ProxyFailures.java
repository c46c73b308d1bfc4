package io.nekorekten4j.http;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Optional;

/**
 * What both transports say when the proxy, not the service, refused a call: the words are the
 * same on either, name the proxy and the service's host, and never a credential.
 */
final class ProxyFailures {

    /** The system property that keeps {@code java.net.http} from sending Basic credentials to a proxy for a tunnel. */
    static final String JDK_TUNNELING_DISABLED_SCHEMES = "jdk.http.auth.tunneling.disabledSchemes";

    private ProxyFailures() {
    }

    /**
     * The proxy answered the tunnel request with 407.
     *
     * @param hint what to do about it, in a sentence (may be empty)
     */
    static TransportIOException authenticationRequired(Optional<ProxyOptions> proxy, URI target, String hint,
                                                     Throwable cause) {
        boolean credentials = proxy.map(ProxyOptions::hasCredentials).orElse(false);
        String what = credentials
                ? "did not accept the proxy credentials configured"
                : "demands credentials and none are configured (ProxyOptions.credentials)";
        return new TransportIOException(TransportIOException.Kind.PROXY_AUTHENTICATION, "the proxy "
                + where(proxy, target) + " refused the tunnel to " + hostAndPort(target)
                + " with 407 Proxy Authentication Required: it " + what + "; nothing reached the service"
                + (hint.isEmpty() ? "" : ". " + hint), cause);
    }

    /** The proxy answered the tunnel request with another status than 200 or 407. */
    static TransportIOException tunnelRefused(Optional<ProxyOptions> proxy, URI target, int status) {
        return new TransportIOException(TransportIOException.Kind.NOT_SENT, "the proxy " + where(proxy, target)
                + " refused the tunnel to " + hostAndPort(target) + " with status " + status
                + "; nothing reached the service", null);
    }

    /** The proxy in use for {@code target}, as {@code host:port}, or the configuration when none is known. */
    static String where(Optional<ProxyOptions> proxy, URI target) {
        if (proxy.isEmpty()) {
            return "(none configured)";
        }
        Optional<InetSocketAddress> address = proxy.get().proxyFor(target);
        return address.map(a -> a.getHostString() + ":" + a.getPort()).orElse(proxy.get().toString());
    }

    private static String hostAndPort(URI target) {
        int port = target.getPort() != -1 ? target.getPort() : "https".equalsIgnoreCase(target.getScheme()) ? 443 : 80;
        return target.getHost() + ":" + port;
    }
}
