package io.nekorekten4j.ports;

import io.nekorekten4j.domain.ServerText;
import io.nekorekten4j.domain.Violation;
import java.util.List;

/**
 * The service rejected the request's content (HTTP 400 or 422). {@link #fieldErrors()} holds its
 * message for each offending field, when it named fields: field names and messages are the
 * service's text, {@linkplain ServerText sanitised} (a name to {@value #MAX_FIELD_NAME} characters,
 * a message to {@value #MAX_FIELD_MESSAGE}), and at most {@value #MAX_FIELD_ERRORS} are kept.
 */
public class InvalidRequestException extends ServiceRefusedException {

    private static final long serialVersionUID = 1L;

    /** The most field errors kept; a longer list is cut (the service's own list is unbounded). */
    public static final int MAX_FIELD_ERRORS = 50;
    /** The longest field name kept, in characters. */
    public static final int MAX_FIELD_NAME = 100;
    /** The longest field message kept, in characters. */
    public static final int MAX_FIELD_MESSAGE = 300;

    private final transient List<Violation> fieldErrors;

    /**
     * @param message     what went wrong
     * @param context     where it happened
     * @param fieldErrors the service's message per field; empty when it named none (sanitised and
     *                    cut to {@value #MAX_FIELD_ERRORS} here)
     */
    public InvalidRequestException(String message, ErrorContext context, List<Violation> fieldErrors) {
        super(message, context, null);
        this.fieldErrors = fieldErrors.stream().limit(MAX_FIELD_ERRORS)
                .map(v -> new Violation(ServerText.sanitise(v.field(), MAX_FIELD_NAME),
                        ServerText.sanitise(v.message(), MAX_FIELD_MESSAGE)))
                .toList();
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
