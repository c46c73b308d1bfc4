package io.nekorekten4j.ports;

/** The circuit breaker is open after repeated failures of the service: the call failed fast and nothing was sent. */
public class CircuitOpenException extends NoUsableAnswerException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong
     * @param context where it happened
     * @param cause   the underlying failure, or {@code null}
     */
    public CircuitOpenException(String message, ErrorContext context, Throwable cause) {
        super(message, context, cause);
    }

    /** {@link ErrorCode#CIRCUIT_OPEN}. */
    @Override
    public ErrorCode code() {
        return ErrorCode.CIRCUIT_OPEN;
    }

    /** {@link RequestOutcome#NOT_SENT}: the open circuit refused the call before any attempt. */
    @Override
    protected RequestOutcome defaultOutcome() {
        return RequestOutcome.NOT_SENT;
    }
}
