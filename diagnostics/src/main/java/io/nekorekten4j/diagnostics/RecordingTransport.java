package io.nekorekten4j.diagnostics;

import io.nekorekten4j.http.Transport;
import io.nekorekten4j.http.TransportRequest;
import io.nekorekten4j.http.TransportResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link Transport} that keeps the raw answers passing through it, so the doctor can compare what
 * the service sent with what the library made of it. It reads each body whole (within the request's
 * size cap, which the wrapped transport enforces) before the library's handler sees it, and hands
 * the handler the same bytes. Everything else — timeouts, the key header, no redirects, no retries —
 * is the wrapped transport's.
 */
final class RecordingTransport implements Transport {

    private final Transport delegate;
    private final boolean owned;
    private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();

    RecordingTransport(Transport delegate, boolean owned) {
        this.delegate = delegate;
        this.owned = owned;
    }

    @Override
    public <T> T execute(TransportRequest request, ResponseHandler<T> handler) throws IOException {
        long start = System.nanoTime();
        String method = request.method();
        String path = request.uri().getRawPath();
        Recorded recorded = new Recorded();
        try {
            return delegate.execute(request, response -> {
                recorded.ttfb = Duration.ofNanos(System.nanoTime() - start);
                recorded.status = response.status();
                recorded.contentType = response.header("Content-Type").orElse(null);
                recorded.body = response.body().readAllBytes();
                return handler.handle(new Replayed(response, recorded.body));
            });
        } catch (IOException | RuntimeException e) {
            recorded.failure = e;
            throw e;
        } finally {
            exchanges.add(new Exchange(method, path, Optional.ofNullable(recorded.status),
                    Optional.ofNullable(recorded.contentType), recorded.body == null ? new byte[0] : recorded.body,
                    Optional.ofNullable(recorded.ttfb), Optional.ofNullable(recorded.failure)));
        }
    }

    /** Every exchange so far, in the order they ended. */
    List<Exchange> exchanges() {
        return List.copyOf(exchanges);
    }

    /** The last exchange on {@code path}, if any. */
    Optional<Exchange> last(String path) {
        Exchange found = null;
        for (Exchange e : exchanges) {
            if (e.path().equals(path)) {
                found = e;
            }
        }
        return Optional.ofNullable(found);
    }

    /** Closes the wrapped transport only when this doctor made it. */
    @Override
    public void close() {
        if (owned) {
            delegate.close();
        }
    }

    /** What one exchange left behind; written by the transport's thread, read after it returned. */
    private static final class Recorded {
        volatile Integer status;
        volatile String contentType;
        volatile byte[] body;
        volatile Duration ttfb;
        volatile Exception failure;
    }

    /** The answer again, with the body read into memory. */
    private record Replayed(TransportResponse response, byte[] bytes) implements TransportResponse {
        @Override
        public int status() {
            return response.status();
        }

        @Override
        public Optional<String> header(String name) {
            return response.header(name);
        }

        @Override
        public InputStream body() {
            return new ByteArrayInputStream(bytes);
        }
    }
}
