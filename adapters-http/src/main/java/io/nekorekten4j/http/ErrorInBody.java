package io.nekorekten4j.http;

/** A 2xx answer whose {@code server.httpCode} says otherwise; mapped by that code. */
final class ErrorInBody extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Envelope envelope;

    ErrorInBody(Envelope envelope) {
        super("server.httpCode " + envelope.httpCode().orElse(0), null, false, false);
        this.envelope = envelope;
    }

    /** The envelope that said so. */
    Envelope envelope() {
        return envelope;
    }
}
