package io.nekorekten4j.http;

import java.io.InputStream;
import java.util.Optional;

/** An answer as a {@link Transport} hands it to a handler; valid only inside the handler. */
public interface TransportResponse {

    /** HTTP status code. */
    int status();

    /** The first value of header {@code name}, ignoring case. */
    Optional<String> header(String name);

    /**
     * The body, as sent on the wire but decoded from any content coding the transport accepted;
     * bounded: reading past the request's {@code maxResponseBytes} throws a
     * {@link TransportIOException} of kind {@link TransportIOException.Kind#TOO_LARGE}.
     */
    InputStream body();
}
