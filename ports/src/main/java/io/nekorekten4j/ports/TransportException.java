package io.nekorekten4j.ports;

/** The connection failed or broke before a usable answer came: the request may or may not have reached the service. */
public class TransportException extends NoUsableAnswerException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong
     * @param context where it happened
     * @param cause   the underlying failure, or {@code null}
     */
    public TransportException(String message, ErrorContext context, Throwable cause) {
        super(message, context, cause);
    }

    /** {@link ErrorCode#TRANSPORT_FAILURE}. */
    @Override
    public ErrorCode code() {
        return ErrorCode.TRANSPORT_FAILURE;
    }
}
