package io.nekorekten4j.ports;

/**
 * The HTTP proxy between the client and the service refused to open the connection because it
 * demands credentials (407 Proxy Authentication Required) that were not configured, not accepted,
 * or could not be sent. The request never reached the service ({@link RequestOutcome#NOT_SENT});
 * adapters never retry it, since the answer stays the same until the proxy credentials (or the
 * JVM setting the message names) are fixed. Its {@link #code()} is
 * {@link ErrorCode#TRANSPORT_FAILURE}, like every connection failure. The message names the proxy,
 * never the credentials.
 */
public class ProxyAuthenticationException extends TransportException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong (never a credential)
     * @param context where it happened
     * @param cause   the underlying failure, or {@code null}
     */
    public ProxyAuthenticationException(String message, ErrorContext context, Throwable cause) {
        super(message, context, cause);
    }

    /** {@link RequestOutcome#NOT_SENT}: the proxy refused before any byte reached the service. */
    @Override
    protected RequestOutcome defaultOutcome() {
        return RequestOutcome.NOT_SENT;
    }
}
