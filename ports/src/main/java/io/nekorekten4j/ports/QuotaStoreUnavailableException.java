package io.nekorekten4j.ports;

/**
 * The quota store shared by the application's instances (e.g. Redis) could not be asked for a
 * permit — it is down, unreachable or slower than its command timeout — so the request was
 * <em>not</em> sent: a request is never sent unaccounted. A screening that ends here is
 * {@code NOT_CHECKED}, never clean. Sending resumes by itself once the store answers again.
 */
public class QuotaStoreUnavailableException extends NoUsableAnswerException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong (never the API key, nor the store's password)
     * @param context where it happened
     * @param cause   the store client's failure, or {@code null}
     */
    public QuotaStoreUnavailableException(String message, ErrorContext context, Throwable cause) {
        super(message, context, cause);
    }

    /** {@link ErrorCode#QUOTA_STORE_UNAVAILABLE}. */
    @Override
    public ErrorCode code() {
        return ErrorCode.QUOTA_STORE_UNAVAILABLE;
    }

    /** {@link RequestOutcome#NOT_SENT}: no permit, no request. */
    @Override
    protected RequestOutcome defaultOutcome() {
        return RequestOutcome.NOT_SENT;
    }
}
