package io.nekorekten4j.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How a transport reaches the service through an HTTP proxy: an explicit one
 * ({@link #of(String, int)}), or the JVM's own proxy settings ({@link #system()}: the default
 * {@link ProxySelector}, which reads {@code https.proxyHost}, {@code https.proxyPort},
 * {@code http.nonProxyHosts} and {@code java.net.useSystemProxies}). Without a {@code ProxyOptions}
 * both transports connect directly, whatever those system properties say.
 *
 * <p>HTTPS goes through the proxy as a tunnel ({@code CONNECT host:443}): the proxy sees the
 * service's host and port, never the request, its {@code Api-Key} header or the answer. Plain
 * {@code http} — allowed only to loopback hosts — always goes direct, because a proxy would read
 * the key in clear text. Only HTTP proxies are used; a SOCKS proxy chosen by the JVM's selector
 * counts as none (direct).
 *
 * <p>Optional {@linkplain #credentials(String, String) credentials} are sent with HTTP Basic when
 * the proxy asks for them (407), only to the proxy and only in the {@code CONNECT} request; never
 * to the service, never in a log line, a message or {@link #toString()}. A proxy that refuses them
 * fails a call with {@code ProxyAuthenticationException}, at once and without retries. On
 * {@link JdkTransport} the JVM must allow Basic for tunnels; see
 * {@link JdkTransport.Builder#proxy(ProxyOptions)}.
 *
 * <pre>{@code
 * ProxyOptions corporate = ProxyOptions.of("proxy.corp.example", 3128)
 *         .credentials("shop-backend", System.getenv("PROXY_PASSWORD"));
 * }</pre>
 *
 * <p>Immutable and thread safe.
 */
public final class ProxyOptions {

    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._-]+|\\[[0-9A-Fa-f:.%A-Za-z]+\\]");
    private static final int MAX_HOST_LENGTH = 253;

    /** The explicit proxy's host; {@code null} for the JVM's selector. */
    private final String host;
    private final int port;
    private final String username;
    private final String password;

    private ProxyOptions(String host, int port, String username, String password) {
        this.host = host;
        this.port = port;
        this.username = username;
        this.password = password;
    }

    /**
     * An explicit HTTP proxy for every HTTPS call.
     *
     * @param host the proxy's host name or IP address (an IPv6 address in brackets), without scheme or port
     * @param port the proxy's port, 1 to 65535
     * @throws IllegalArgumentException naming the argument that is wrong
     */
    public static ProxyOptions of(String host, int port) {
        Objects.requireNonNull(host, "host");
        if (host.isBlank() || host.length() > MAX_HOST_LENGTH || !HOST.matcher(host).matches()) {
            throw new IllegalArgumentException("host must be a host name or an IP address, without scheme, port"
                    + " or path, got '" + printable(host) + "'");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 1 and 65535, got " + port);
        }
        return new ProxyOptions(host, port, null, null);
    }

    /**
     * The JVM's proxy settings, asked for every new connection: {@link ProxySelector#getDefault()},
     * which by default reads the system properties {@code https.proxyHost}, {@code https.proxyPort}
     * and {@code http.nonProxyHosts} (the JVM's default for the latter skips {@code localhost} and
     * {@code 127.*}), or the operating system's settings when {@code java.net.useSystemProxies} is
     * {@code true}. A host the selector sends direct (or to a SOCKS proxy) is reached directly.
     */
    public static ProxyOptions system() {
        return new ProxyOptions(null, -1, null, null);
    }

    /**
     * The same proxy, with credentials for it (HTTP Basic, sent only when the proxy asks, and only
     * to the proxy).
     *
     * @param username the proxy user; not blank, no colon (Basic cannot carry one), no control characters
     * @param password the proxy password; not empty, no control characters. Kept in memory as given;
     *                 never printed
     * @throws IllegalArgumentException naming the argument that is wrong (never showing the password)
     */
    public ProxyOptions credentials(String username, String password) {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        if (username.isBlank() || username.indexOf(':') >= 0 || hasControl(username)) {
            throw new IllegalArgumentException("username must not be blank and must not contain a colon or a"
                    + " control character");
        }
        if (password.isEmpty() || hasControl(password)) {
            throw new IllegalArgumentException("password must not be empty and must not contain a control character");
        }
        return new ProxyOptions(host, port, username, password);
    }

    /** Whether this is {@link #system()}, the JVM's selector. */
    public boolean usesSystemSettings() {
        return host == null;
    }

    /** The explicit proxy's address (unresolved); empty for {@link #system()}. */
    public Optional<InetSocketAddress> address() {
        return host == null ? Optional.empty() : Optional.of(InetSocketAddress.createUnresolved(host, port));
    }

    /** The proxy user, when credentials are set. The password has no accessor. */
    public Optional<String> username() {
        return Optional.ofNullable(username);
    }

    /** Whether credentials are set. */
    public boolean hasCredentials() {
        return username != null;
    }

    /** The password, for the transports' authenticators only. */
    String password() {
        return password;
    }

    /**
     * The proxy selector both transports route by: HTTP proxies only, and none for anything but
     * {@code https} (a plain-http request through a proxy would show it the key).
     */
    ProxySelector selector() {
        return new Routes(this);
    }

    /** Where the call to {@code uri} goes: the HTTP proxy's address, or empty for direct. */
    Optional<InetSocketAddress> proxyFor(URI uri) {
        for (Proxy proxy : new Routes(this).select(uri)) {
            if (proxy.type() == Proxy.Type.HTTP && proxy.address() instanceof InetSocketAddress address) {
                return Optional.of(address);
            }
        }
        return Optional.empty();
    }

    /** The proxy and the user; the password as {@code ****} when set. */
    @Override
    public String toString() {
        String where = host == null ? "system" : "http://" + host + ":" + port;
        return "ProxyOptions[" + where + (username == null ? "" : ", user=" + username + ", password=****") + "]";
    }

    private static boolean hasControl(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return true;
            }
        }
        return false;
    }

    private static String printable(String s) {
        String cut = s.length() > 80 ? s.substring(0, 80) + "…" : s;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }

    /** The selector behind {@link #selector()}. */
    private static final class Routes extends ProxySelector {
        private static final List<Proxy> DIRECT = List.of(Proxy.NO_PROXY);
        private final ProxyOptions options;

        Routes(ProxyOptions options) {
            this.options = options;
        }

        @Override
        public List<Proxy> select(URI uri) {
            Objects.requireNonNull(uri, "uri");
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("https")) {
                return DIRECT;
            }
            if (options.host != null) {
                // Resolved per connection, as the JVM's own selector does: a proxy's address may change.
                return List.of(new Proxy(Proxy.Type.HTTP, new InetSocketAddress(options.host, options.port)));
            }
            ProxySelector jvm = ProxySelector.getDefault();
            if (jvm == null) {
                return DIRECT;
            }
            List<Proxy> http = new ArrayList<>();
            for (Proxy proxy : jvm.select(uri)) {
                if (proxy.type() == Proxy.Type.HTTP && proxy.address() instanceof InetSocketAddress) {
                    http.add(proxy);
                }
            }
            return http.isEmpty() ? DIRECT : List.copyOf(http);
        }

        @Override
        public void connectFailed(URI uri, SocketAddress address, IOException failure) {
            if (options.host == null) {
                ProxySelector jvm = ProxySelector.getDefault();
                if (jvm != null) {
                    jvm.connectFailed(uri, address, failure);
                }
            }
        }

        @Override
        public String toString() {
            return options.toString();
        }
    }
}
