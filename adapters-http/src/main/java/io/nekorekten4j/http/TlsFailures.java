package io.nekorekten4j.http;

import io.nekorekten4j.ports.TlsFailureException.Reason;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * Recognises a failure to set up TLS — the certificate, the host name or the protocol — in what
 * either transport throws. Such a failure happens before any byte of the request is written and
 * lasts until someone fixes a certificate, a trust store or the base URI: a retry would only
 * spend another quota permit on another failed handshake.
 *
 * <p>What each client throws (JDK 17, HttpClient 5.x):
 * <ul>
 *   <li>untrusted certificate: {@link SSLHandshakeException} caused by a PKIX
 *       {@link CertPathBuilderException} or {@link CertPathValidatorException} (both clients);</li>
 *   <li>host name mismatch: the JDK client checks it in the handshake ({@link SSLHandshakeException}
 *       caused by a {@link CertificateException} "No subject alternative names matching…");
 *       HttpClient 5 just after it ({@link SSLPeerUnverifiedException} "Certificate for &lt;host&gt;
 *       doesn't match…");</li>
 *   <li>no TLS on the port, or no common protocol or cipher: {@link SSLException} "Unsupported or
 *       unrecognized SSL message", or {@link SSLHandshakeException} "No appropriate protocol…".</li>
 * </ul>
 * Any other {@link SSLException} (e.g. a record failing mid-answer) is not recognised: it may come
 * after the request was sent, so it stays a broken connection.
 */
final class TlsFailures {

    private TlsFailures() {
    }

    /** The reason, when {@code failure} (or a cause of it) is a TLS set-up failure. */
    static Optional<Reason> classify(Throwable failure) {
        if (!isTlsSetup(failure)) {
            return Optional.empty();
        }
        if (anyMessage(failure, "subject alternative name", "no name matching", "doesn't match", "does not match")) {
            return Optional.of(Reason.HOSTNAME_MISMATCH);
        }
        if (anyCause(failure, CertPathBuilderException.class) || anyCause(failure, CertPathValidatorException.class)
                || anyCause(failure, CertificateException.class)
                || anyMessage(failure, "pkix", "certification path")) {
            return Optional.of(Reason.CERTIFICATE_NOT_TRUSTED);
        }
        if (anyMessage(failure, "protocol", "cipher", "unrecognized ssl message", "plaintext")) {
            return Optional.of(Reason.PROTOCOL);
        }
        return Optional.of(Reason.HANDSHAKE);
    }

    /** What {@code reason} means, for a message. */
    static String describe(Reason reason) {
        return switch (reason) {
            case CERTIFICATE_NOT_TRUSTED -> "the service's certificate is not trusted (unknown or self-signed issuer, "
                    + "expired or otherwise invalid)";
            case HOSTNAME_MISMATCH -> "the service's certificate is not valid for the host of the base URI";
            case PROTOCOL -> "no TLS version or cipher suite in common, or the server does not speak TLS on that port";
            case HANDSHAKE -> "the TLS handshake failed";
        };
    }

    private static boolean isTlsSetup(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SSLHandshakeException || t instanceof SSLPeerUnverifiedException) {
                return true;
            }
            if (t instanceof SSLException && t.getMessage() != null
                    && t.getMessage().toLowerCase(Locale.ROOT).contains("unrecognized ssl message")) {
                return true;
            }
        }
        return false;
    }

    private static boolean anyCause(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean anyMessage(Throwable failure, String... fragments) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            for (String fragment : fragments) {
                if (message.contains(fragment)) {
                    return true;
                }
            }
        }
        return false;
    }
}
