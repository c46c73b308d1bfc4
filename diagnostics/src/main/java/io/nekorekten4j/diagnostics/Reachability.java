package io.nekorekten4j.diagnostics;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * The checks that spend no quota: the service's host name resolves, a TCP connection opens, and a
 * TLS handshake with the service's certificate succeeds — all without sending an HTTP request, so
 * the key is never involved. Durations are measured, not asserted: they are for the reader.
 */
final class Reachability {

    /** A certificate expiring sooner than this is a warning. */
    static final Duration CERTIFICATE_WARNING = Duration.ofDays(14);

    private final URI base;
    private final Duration connectTimeout;
    private final SSLContext tls;
    private final Clock clock;

    Reachability(URI base, Duration connectTimeout, SSLContext tls, Clock clock) {
        this.base = base;
        this.connectTimeout = connectTimeout;
        this.tls = tls;
        this.clock = clock;
    }

    /** The checks in order; after a failure the later ones are skipped. */
    List<Check> run() {
        List<Check> checks = new ArrayList<>();
        String host = base.getHost();
        int port = base.getPort() != -1 ? base.getPort() : "https".equals(base.getScheme()) ? 443 : 80;
        InetAddress address;
        long start = System.nanoTime();
        try {
            InetAddress[] all = InetAddress.getAllByName(host);
            address = all[0];
            checks.add(Check.ok("dns", host + " resolved to " + all.length + " address" + (all.length == 1 ? "" : "es")
                    + " in " + millis(start)));
        } catch (UnknownHostException e) {
            checks.add(Check.failure("dns", host + " does not resolve",
                    "check the base URI and this machine's DNS (is a proxy required to reach the internet?)"));
            skipRest(checks, "tcp", "tls");
            return checks;
        }
        start = System.nanoTime();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), Math.toIntExact(connectTimeout.toMillis()));
            checks.add(Check.ok("tcp", "connected to " + address.getHostAddress() + ":" + port + " in " + millis(start)));
            if (!"https".equals(base.getScheme())) {
                checks.add(Check.skipped("tls", "plain http (allowed for loopback only): no TLS to check"));
                return checks;
            }
            checks.add(handshake(socket, host, port));
        } catch (IOException e) {
            checks.add(Check.failure("tcp", "cannot connect to " + address.getHostAddress() + ":" + port + " within "
                            + connectTimeout.toMillis() + " ms: " + Printable.of(String.valueOf(e.getMessage())),
                    "check firewalls between this machine and the service (outgoing port " + port + ")"));
            skipRest(checks, "tls");
        }
        return checks;
    }

    private Check handshake(Socket plain, String host, int port) {
        long start = System.nanoTime();
        try (SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket(plain, host, port, false)) {
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            parameters.setServerNames(List.of(new SNIHostName(host)));
            socket.setSSLParameters(parameters);
            socket.setSoTimeout(Math.toIntExact(connectTimeout.toMillis()));
            socket.startHandshake();
            String protocol = socket.getSession().getProtocol();
            Certificate[] chain = socket.getSession().getPeerCertificates();
            String summary = protocol + " handshake in " + millis(start);
            if (chain.length > 0 && chain[0] instanceof X509Certificate leaf) {
                Instant expires = leaf.getNotAfter().toInstant();
                Duration left = Duration.between(clock.instant(), expires);
                summary += ", certificate valid until " + expires;
                if (left.compareTo(CERTIFICATE_WARNING) < 0) {
                    return Check.warning("tls", summary, "the service's certificate expires in " + left.toDays()
                            + " days: if it is not renewed, every call will fail; tell the service");
                }
            }
            return Check.ok("tls", summary);
        } catch (SSLHandshakeException e) {
            return Check.failure("tls", "TLS handshake failed: " + Printable.of(String.valueOf(e.getMessage())),
                    "the certificate is not trusted or does not name " + host + ": a TLS-inspecting proxy? then give"
                            + " the JVM its CA certificate (javax.net.ssl.trustStore)");
        } catch (SSLException e) {
            return Check.failure("tls", "TLS failed: " + Printable.of(String.valueOf(e.getMessage())),
                    "the server did not speak TLS as expected: check the base URI's scheme and port");
        } catch (IOException e) {
            return Check.failure("tls", "TLS handshake broke off: " + Printable.of(String.valueOf(e.getMessage())),
                    "check firewalls and proxies between this machine and the service");
        }
    }

    private static void skipRest(List<Check> checks, String... ids) {
        String failed = checks.get(checks.size() - 1).id();
        for (String id : ids) {
            checks.add(Check.skipped(id, "not checked: " + failed + " failed"));
        }
    }

    private static String millis(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos).toMillis() + " ms";
    }
}
