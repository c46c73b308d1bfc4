package io.nekorekten4j.ports;

import java.time.Instant;
import java.util.Optional;

/**
 * The plan's daily quota is spent. Thrown at once, without I/O, when the client's own count says
 * so, or when the service says so. {@link #resetsAt()} is when lookups are allowed again.
 */
public class QuotaExhaustedException extends ServiceRefusedException {

    private static final long serialVersionUID = 1L;

    private final Instant resetsAt;

    /**
     * @param message  what went wrong
     * @param context  where it happened
     * @param resetsAt when the quota resets, or {@code null} when unknown
     */
    public QuotaExhaustedException(String message, ErrorContext context, Instant resetsAt) {
        super(message, context, null);
        this.resetsAt = resetsAt;
    }

    /** When the quota resets, when known. */
    public Optional<Instant> resetsAt() {
        return Optional.ofNullable(resetsAt);
    }

    /** {@link ErrorCode#QUOTA_EXHAUSTED}. */
    @Override
    public ErrorCode code() {
        return ErrorCode.QUOTA_EXHAUSTED;
    }
}
