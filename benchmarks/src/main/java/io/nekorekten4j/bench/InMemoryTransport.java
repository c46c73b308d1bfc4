package io.nekorekten4j.bench;

import io.nekorekten4j.http.Transport;
import io.nekorekten4j.http.TransportIOException;
import io.nekorekten4j.http.TransportRequest;
import io.nekorekten4j.http.TransportResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link Transport} (the client's public SPI) that answers every request with one fixed
 * {@code 200} JSON body from memory: no socket, no thread, no copy of the body. It lets a benchmark
 * measure the client's own per-call path and decode without a network.
 *
 * <p>It keeps the SPI's contract as far as a fixed answer allows: thread safe, no redirects or
 * retries, a body larger than {@link TransportRequest#maxResponseBytes()} refused with
 * {@link TransportIOException.Kind#TOO_LARGE}, {@link IllegalStateException} after
 * {@link #close()}. It remembers the last request so that a benchmark can check what was asked.
 */
final class InMemoryTransport implements Transport {

    private final byte[] body;
    private volatile TransportRequest lastRequest;
    private volatile boolean closed;

    /** @param body the answer's body, UTF-8 JSON; not copied, so the caller must not change it */
    InMemoryTransport(byte[] body) {
        this.body = Objects.requireNonNull(body, "body");
    }

    @Override
    public <T> T execute(TransportRequest request, ResponseHandler<T> handler) throws IOException {
        if (closed) {
            throw new IllegalStateException("the in-memory transport is closed");
        }
        lastRequest = request;
        if (body.length > request.maxResponseBytes()) {
            throw new TransportIOException(TransportIOException.Kind.TOO_LARGE, "the answer has " + body.length
                    + " bytes, more than the request's maxResponseBytes " + request.maxResponseBytes(), null);
        }
        return handler.handle(new Answer(body));
    }

    /** The last request executed, if any. */
    Optional<TransportRequest> lastRequest() {
        return Optional.ofNullable(lastRequest);
    }

    @Override
    public void close() {
        closed = true;
    }

    /** The fixed answer: status 200, a JSON content type, the body as a fresh stream. */
    private record Answer(byte[] bytes) implements TransportResponse {

        @Override
        public int status() {
            return 200;
        }

        @Override
        public Optional<String> header(String name) {
            return name.equalsIgnoreCase("Content-Type")
                    ? Optional.of("application/json; charset=utf-8") : Optional.empty();
        }

        @Override
        public InputStream body() {
            return new ByteArrayInputStream(bytes);
        }
    }
}
