package io.nekorekten4j.ports;

/** No such report or resource (HTTP 404). */
public class NotFoundException extends ServiceRefusedException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong
     * @param context where it happened
     * @param cause   the underlying failure, or {@code null}
     */
    public NotFoundException(String message, ErrorContext context, Throwable cause) {
        super(message, context, cause);
    }

    /** {@link ErrorCode#NOT_FOUND}. */
    @Override
    public ErrorCode code() {
        return ErrorCode.NOT_FOUND;
    }
}
