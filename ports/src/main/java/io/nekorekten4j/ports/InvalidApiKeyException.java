package io.nekorekten4j.ports;

/** The service does not accept the API key (HTTP 401). Check the key on the nekorekten.com profile page. */
public class InvalidApiKeyException extends ServiceRefusedException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong
     * @param context where it happened
     * @param cause   the underlying failure, or {@code null}
     */
    public InvalidApiKeyException(String message, ErrorContext context, Throwable cause) {
        super(message, context, cause);
    }

    /** {@link ErrorCode#INVALID_API_KEY}. */
    @Override
    public ErrorCode code() {
        return ErrorCode.INVALID_API_KEY;
    }
}
