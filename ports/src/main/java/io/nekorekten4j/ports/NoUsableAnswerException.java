package io.nekorekten4j.ports;

/**
 * The client got no usable answer: the outcome of the request is unknown or the request was never
 * sent. A search that ends here means "not checked", never "clean".
 */
public abstract class NoUsableAnswerException extends NekorektenException {

    private static final long serialVersionUID = 1L;

    /** See {@link NekorektenException#NekorektenException(String, ErrorContext, Throwable)}. */
    protected NoUsableAnswerException(String message, ErrorContext context, Throwable cause) {
        super(message, context, cause);
    }
}
