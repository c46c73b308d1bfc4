package io.nekorekten4j.ports;

import java.util.Optional;

/**
 * The service answered, and its answer was an error. {@link #serviceMessage()} is its own words,
 * fit to show a merchant.
 */
public abstract class ServiceRefusedException extends NekorektenException {

    private static final long serialVersionUID = 1L;

    /** See {@link NekorektenException#NekorektenException(String, ErrorContext, Throwable)}. */
    protected ServiceRefusedException(String message, ErrorContext context, Throwable cause) {
        super(message, context, cause);
    }

    /** The service's {@code message}, when it sent one. */
    public Optional<String> serviceMessage() {
        return context().serviceMessage();
    }

    /** {@link RequestOutcome#REFUSED}: the service answered that it did not carry the request out. */
    @Override
    protected RequestOutcome defaultOutcome() {
        return RequestOutcome.REFUSED;
    }
}
