package io.nekorekten4j.ports;

/** A connect, response or whole-call timeout passed before an answer. */
public class CallTimeoutException extends NoUsableAnswerException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong
     * @param context where it happened
     * @param cause   the underlying failure, or {@code null}
     */
    public CallTimeoutException(String message, ErrorContext context, Throwable cause) {
        super(message, context, cause);
    }

    /** {@link ErrorCode#TIMEOUT}. */
    @Override
    public ErrorCode code() {
        return ErrorCode.TIMEOUT;
    }
}
