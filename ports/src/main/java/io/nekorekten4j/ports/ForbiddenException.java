package io.nekorekten4j.ports;

/** The key may not do this: for example, change or delete a report filed with another key (HTTP 403). */
public class ForbiddenException extends ServiceRefusedException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong
     * @param context where it happened
     * @param cause   the underlying failure, or {@code null}
     */
    public ForbiddenException(String message, ErrorContext context, Throwable cause) {
        super(message, context, cause);
    }

    /** {@link ErrorCode#FORBIDDEN}. */
    @Override
    public ErrorCode code() {
        return ErrorCode.FORBIDDEN;
    }
}
