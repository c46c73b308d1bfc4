package io.nekorekten4j.ports;

import java.time.Duration;
import java.util.Objects;

/**
 * The local quota gate had no permit within the caller's permit-wait timeout: nothing was sent and
 * no quota was spent. {@link #waitNeeded()} tells how long the next permit is away.
 */
public class RateLimitWaitExceededException extends NoUsableAnswerException {

    private static final long serialVersionUID = 1L;

    private final Duration waitNeeded;

    /**
     * @param message    what went wrong
     * @param context    where it happened
     * @param waitNeeded how long until a permit would be free
     */
    public RateLimitWaitExceededException(String message, ErrorContext context, Duration waitNeeded) {
        super(message, context, null);
        this.waitNeeded = Objects.requireNonNull(waitNeeded, "waitNeeded");
    }

    /** How long until a permit would be free. */
    public Duration waitNeeded() {
        return waitNeeded;
    }

    /** {@link ErrorCode#RATE_LIMIT_WAIT_EXCEEDED}. */
    @Override
    public ErrorCode code() {
        return ErrorCode.RATE_LIMIT_WAIT_EXCEEDED;
    }

    /** {@link RequestOutcome#NOT_SENT}: the local gate refused the attempt before it was sent. */
    @Override
    protected RequestOutcome defaultOutcome() {
        return RequestOutcome.NOT_SENT;
    }
}
