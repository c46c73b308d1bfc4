package io.nekorekten4j.ports;

/** The service failed or is down (HTTP 5xx). */
public class ServiceUnavailableException extends ServiceRefusedException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong
     * @param context where it happened
     * @param cause   the underlying failure, or {@code null}
     */
    public ServiceUnavailableException(String message, ErrorContext context, Throwable cause) {
        super(message, context, cause);
    }

    /** {@link ErrorCode#SERVICE_UNAVAILABLE}. */
    @Override
    public ErrorCode code() {
        return ErrorCode.SERVICE_UNAVAILABLE;
    }

    /**
     * {@link RequestOutcome#MAY_HAVE_BEEN_APPLIED}: a 5xx does not say whether the service applied
     * the request before it failed.
     */
    @Override
    protected RequestOutcome defaultOutcome() {
        return RequestOutcome.MAY_HAVE_BEEN_APPLIED;
    }
}
