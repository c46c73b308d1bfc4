package io.nekorekten4j.ports;

import io.nekorekten4j.domain.ServerText;
/**
 * A stand-in for a cause whose message held server text that is unsafe to print (a status line
 * with escape sequences, a body fragment in a parser's message): it names the original class,
 * carries the {@linkplain ServerText sanitised} message and the original stack trace, so that a
 * log's "Caused by:" lines can be neither forged nor stretched. The original is not kept.
 */
final class SanitisedCause extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The longest message of a cause, in characters. */
    static final int MAX_CAUSE_MESSAGE = 500;
    /** The deepest cause chain examined; deeper causes are left out. */
    private static final int MAX_DEPTH = 16;

    private final String originalClass;

    private SanitisedCause(String originalClass, String message, Throwable cause, StackTraceElement[] trace) {
        super(message, cause, false, true);
        this.originalClass = originalClass;
        setStackTrace(trace);
    }

    /**
     * {@code cause} itself when every message in its chain is safe as it is, else a chain of
     * stand-ins down to the deepest unsafe message (safe causes below it are kept as they are).
     */
    static Throwable of(Throwable cause) {
        return of(cause, 0);
    }

    private static Throwable of(Throwable cause, int depth) {
        if (cause == null || depth >= MAX_DEPTH) {
            return null; // a chain this deep (or a cycle) is cut here rather than followed
        }
        Throwable below = cause.getCause() == cause ? null : cause.getCause();
        Throwable safeBelow = of(below, depth + 1);
        String message = cause.getMessage();
        String safeMessage = message == null ? null : ServerText.sanitise(message, MAX_CAUSE_MESSAGE);
        if (safeBelow == below && (message == null || message.equals(safeMessage))) {
            return cause;
        }
        return new SanitisedCause(cause.getClass().getName(), safeMessage, safeBelow, cause.getStackTrace());
    }

    /** The class of the cause this stands in for. */
    String originalClass() {
        return originalClass;
    }

    /** Reads like the original's: its class name and the sanitised message. */
    @Override
    public String toString() {
        String message = getLocalizedMessage();
        return message == null ? originalClass : originalClass + ": " + message;
    }
}
