package io.nekorekten4j.ports;

import java.util.Objects;

/**
 * The root of every failure an adapter reports. Split the way callers decide:
 * <ul>
 *   <li>{@link NoUsableAnswerException}: the client got no usable answer (transport failure,
 *       timeout, unparsable or contradictory body, circuit open, local rate-limit wait exceeded);</li>
 *   <li>{@link ServiceRefusedException}: the service answered with an error (invalid request, bad
 *       key, IP not whitelisted, forbidden, not found, rate limited, quota spent, unavailable).</li>
 * </ul>
 * Each class has a stable {@link #code()}. Input that breaks the domain's rules is reported
 * before any request as {@link io.nekorekten4j.domain.ValidationException}, outside this hierarchy.
 *
 * <p>Messages and contexts never contain the API key, nor query values (personal data).
 */
public abstract class NekorektenException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient ErrorContext context;

    /**
     * @param message what went wrong, in words a merchant understands
     * @param context where it happened
     * @param cause   the underlying failure, or {@code null}
     */
    protected NekorektenException(String message, ErrorContext context, Throwable cause) {
        super(compose(message, context), cause);
        this.context = context;
    }

    /** The stable code of this failure. */
    public abstract ErrorCode code();

    /** Where it happened. */
    public ErrorContext context() {
        return context;
    }

    private static String compose(String message, ErrorContext context) {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(context, "context");
        String where = context.describe();
        return where.isEmpty() ? message : message + " (" + where + ")";
    }
}
