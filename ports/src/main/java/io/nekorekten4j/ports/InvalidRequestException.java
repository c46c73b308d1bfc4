package io.nekorekten4j.ports;

import io.nekorekten4j.domain.Violation;
import java.util.List;

/**
 * The service rejected the request's content (HTTP 400 or 422). {@link #fieldErrors()} holds its
 * message for each offending field, when it named fields.
 */
public class InvalidRequestException extends ServiceRefusedException {

    private static final long serialVersionUID = 1L;

    private final transient List<Violation> fieldErrors;

    /**
     * @param message     what went wrong
     * @param context     where it happened
     * @param fieldErrors the service's message per field; empty when it named none
     */
    public InvalidRequestException(String message, ErrorContext context, List<Violation> fieldErrors) {
        super(message, context, null);
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    /** The service's message per offending field; empty when it named none. */
    public List<Violation> fieldErrors() {
        return fieldErrors;
    }

    /** {@link ErrorCode#INVALID_REQUEST}. */
    @Override
    public ErrorCode code() {
        return ErrorCode.INVALID_REQUEST;
    }
}
