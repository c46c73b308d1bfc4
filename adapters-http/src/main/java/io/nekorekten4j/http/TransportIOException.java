package io.nekorekten4j.http;

import java.io.IOException;
import java.util.Objects;

/**
 * A failure of the wire, classified by what it means for a retry: whether the request provably
 * never left ({@link Kind#NOT_SENT}), or may have reached the server.
 */
public class TransportIOException extends IOException {

    private static final long serialVersionUID = 1L;

    /** What went wrong, as far as a retry policy cares. */
    public enum Kind {
        /** The connection was never opened (refused, DNS, connect timeout): the server saw nothing. */
        NOT_SENT,
        /**
         * The TLS set-up failed (certificate, host name, protocol): the server saw no request, and
         * retrying cannot help until someone fixes a certificate, a trust store or the base URI.
         */
        TLS,
        /**
         * The HTTP proxy refused to open the tunnel to the service because it demands credentials
         * (407) that were missing, wrong or could not be sent: the service saw nothing, and
         * retrying cannot help until the proxy credentials are fixed.
         */
        PROXY_AUTHENTICATION,
        /** The connection broke after the request may have been (partly) sent. */
        BROKEN,
        /** A response timeout or the whole-call deadline passed. */
        TIMEOUT,
        /** The body exceeded the response size cap. */
        TOO_LARGE
    }

    private final Kind kind;

    /**
     * @param kind    the classification
     * @param message what happened (never a header value)
     * @param cause   the underlying exception, or {@code null}
     */
    public TransportIOException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    /** The classification. */
    public Kind kind() {
        return kind;
    }
}
