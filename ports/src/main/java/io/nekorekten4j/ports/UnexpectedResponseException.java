package io.nekorekten4j.ports;

/** An answer came but could not be used: not JSON, truncated, too large, of an unexpected shape, a redirect, a status no rule covers, or a body whose {@code server.httpCode} contradicts the status line. Its context carries the status and a short, key-free excerpt of the body. */
public class UnexpectedResponseException extends NoUsableAnswerException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong
     * @param context where it happened
     * @param cause   the underlying failure, or {@code null}
     */
    public UnexpectedResponseException(String message, ErrorContext context, Throwable cause) {
        super(message, context, cause);
    }

    /** {@link ErrorCode#UNEXPECTED_RESPONSE}. */
    @Override
    public ErrorCode code() {
        return ErrorCode.UNEXPECTED_RESPONSE;
    }
}
