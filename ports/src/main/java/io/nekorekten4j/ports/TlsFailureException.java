package io.nekorekten4j.ports;

import java.util.Objects;

/**
 * The secure connection to the service could not be set up: its certificate is not trusted, is
 * not valid for the host, or client and server share no TLS protocol (or the server does not speak
 * TLS on that port). Permanent until the certificate, the trust store or the base URI is fixed, so
 * adapters never retry it; nothing was sent ({@link RequestOutcome#NOT_SENT}). Its
 * {@link #code()} is {@link ErrorCode#TRANSPORT_FAILURE}, like every connection failure;
 * {@link #reason()} says what failed.
 */
public class TlsFailureException extends TransportException {

    private static final long serialVersionUID = 1L;

    /** What failed in setting up the secure connection. */
    public enum Reason {
        /** The certificate chain is not trusted: unknown or self-signed issuer, expired, not yet valid or otherwise invalid. */
        CERTIFICATE_NOT_TRUSTED,
        /** The certificate is trusted but not issued for the host of the base URI. */
        HOSTNAME_MISMATCH,
        /** No TLS version or cipher suite in common, or the server does not speak TLS on that port. */
        PROTOCOL,
        /** The handshake failed for another reason, e.g. the server refused it with an alert. */
        HANDSHAKE
    }

    private final Reason reason;

    /**
     * @param message what went wrong
     * @param context where it happened
     * @param reason  what failed
     * @param cause   the underlying failure, or {@code null}
     */
    public TlsFailureException(String message, ErrorContext context, Reason reason, Throwable cause) {
        super(message, context, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** What failed. */
    public Reason reason() {
        return reason;
    }

    /** {@link RequestOutcome#NOT_SENT}: the request is never written before the handshake succeeds. */
    @Override
    protected RequestOutcome defaultOutcome() {
        return RequestOutcome.NOT_SENT;
    }
}
