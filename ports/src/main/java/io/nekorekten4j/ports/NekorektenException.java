package io.nekorekten4j.ports;

import io.nekorekten4j.domain.ServerText;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The root of every failure an adapter reports. Split the way callers decide:
 * <ul>
 *   <li>{@link NoUsableAnswerException}: the client got no usable answer (transport failure,
 *       timeout, unparsable or contradictory body, circuit open, local rate-limit wait exceeded);</li>
 *   <li>{@link ServiceRefusedException}: the service answered with an error (invalid request, bad
 *       key, IP not whitelisted, forbidden, not found, rate limited, quota spent, unavailable).</li>
 * </ul>
 * Each class has a stable {@link #code()}, and every failure says machine-readably what became of
 * the request over all its attempts ({@link #outcome()}: not sent, refused, or may have been
 * applied) and how many attempts were made ({@link #attempts()}). Input that breaks the domain's rules is reported
 * before any request as {@link io.nekorekten4j.domain.ValidationException}, outside this hierarchy.
 *
 * <p>Messages and contexts never contain the API key, nor query values (personal data). Whatever
 * an adapter passes, the message is {@linkplain ServerText sanitised} (one line, no control or bidi
 * characters, at most {@value #MAX_MESSAGE} characters), and so is every message in the cause
 * chain: a cause whose message (or whose causes' messages) would not survive sanitising unchanged
 * is replaced by a copy that names the original class, carries the sanitised message and keeps
 * the original stack trace. A cause that is already safe is kept as it is.
 *
 *
 * <p><b>Decide and assert on {@link #code()}</b> (and typed accessors such as
 * {@code RateLimitedException.retryAfter()}), <b>never on message text</b>: messages are for
 * people and may change in any release. Adapters word the same situation the same way — the
 * in-memory fake and the HTTP adapter give equal messages for equal answers, which the build
 * checks — but the service's own words ({@code context().serviceMessage()}) are whatever it sent.
 */
public abstract class NekorektenException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The longest message, in characters. */
    public static final int MAX_MESSAGE = 1000;

    private final transient ErrorContext context;

    /**
     * @param message what went wrong, in words a merchant understands
     * @param context where it happened
     * @param cause   the underlying failure, or {@code null}
     */
    protected NekorektenException(String message, ErrorContext context, Throwable cause) {
        super(compose(message, context), SanitisedCause.of(cause));
        this.context = context;
    }

    /** The stable code of this failure. */
    public abstract ErrorCode code();

    /** Where it happened. */
    public ErrorContext context() {
        return context;
    }

    /**
     * What became of the request over all attempts: {@link RequestOutcome#NOT_SENT},
     * {@link RequestOutcome#REFUSED} or {@link RequestOutcome#MAY_HAVE_BEEN_APPLIED}. The outcome
     * the adapter recorded in the {@link #context()}, or else this class's default (see
     * {@link #defaultOutcome()}), which never claims more certainty than the class alone gives.
     */
    public final RequestOutcome outcome() {
        return context.outcome().orElseGet(this::defaultOutcome);
    }

    /**
     * How many attempts were handed to the wire, retries included (0 when the call failed before
     * any); empty when the adapter did not count them.
     */
    public final OptionalInt attempts() {
        return context.attempts();
    }

    /**
     * The outcome when the adapter recorded none: {@link RequestOutcome#MAY_HAVE_BEEN_APPLIED} here,
     * since without more knowledge a failure may have followed the request's arrival; subclasses
     * that are certain by their kind narrow it (a 4xx refusal, a local refusal).
     */
    protected RequestOutcome defaultOutcome() {
        return RequestOutcome.MAY_HAVE_BEEN_APPLIED;
    }

    private static String compose(String message, ErrorContext context) {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(context, "context");
        String where = context.describe();
        return ServerText.sanitise(where.isEmpty() ? message : message + " (" + where + ")", MAX_MESSAGE);
    }
}
