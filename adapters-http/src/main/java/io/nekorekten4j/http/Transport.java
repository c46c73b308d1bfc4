package io.nekorekten4j.http;

import java.io.IOException;

/**
 * The wire under {@link NekorektenHttp}: sends one HTTP request and hands the answer to a handler.
 * Two implementations ship ({@link ApacheTransport}, the default, and {@link JdkTransport}); a user
 * may plug in their own.
 *
 * <p>Contract — every implementation MUST:
 * <ul>
 *   <li>be thread safe: one instance serves every thread of a client;</li>
 *   <li>never follow redirects: a 3xx is handed to the handler like any other status, so the API
 *       key can never be carried to another origin;</li>
 *   <li>never retry on its own, nor let the HTTP library under it re-send a request: one
 *       {@code execute} puts the request on the wire at most once, because retries are decided
 *       above it, by a policy that knows whether a write may be repeated and takes a quota permit
 *       for each;</li>
 *   <li>never log header values (the {@code Api-Key} header is a secret);</li>
 *   <li>honour {@link TransportRequest#connectTimeout()}, {@link TransportRequest#responseTimeout()}
 *       (counted from the written request, not from the start of the connect) and the absolute
 *       {@link TransportRequest#deadline()}, after which the exchange is aborted;</li>
 *   <li>bound the connections it holds at once;</li>
 *   <li>give the handler a body stream that fails with {@link TransportIOException.Kind#TOO_LARGE}
 *       once more than {@link TransportRequest#maxResponseBytes()} bytes were read, and release the
 *       connection (or its pool lease) on every path, whether the handler returns or throws;</li>
 *   <li>report failures as {@link TransportIOException} with the {@link TransportIOException.Kind}
 *       that tells whether the request may have reached the server.</li>
 * </ul>
 */
public interface Transport extends AutoCloseable {

    /**
     * Sends {@code request} and returns what {@code handler} makes of the answer. The response and
     * its body stream are valid only inside the handler.
     *
     * @throws TransportIOException when no answer came, or the body broke, overflowed or timed out
     * @throws IOException        when the handler throws one
     */
    <T> T execute(TransportRequest request, ResponseHandler<T> handler) throws IOException;

    /**
     * Releases connections and threads, and aborts calls in flight: each fails with a
     * {@link TransportIOException} ({@link TransportIOException.Kind#NOT_SENT} only when its request
     * provably never left). Later calls fail with {@link IllegalStateException}. Idempotent.
     */
    @Override
    void close();

    /**
     * Turns an answer into a value, inside the exchange.
     *
     * @param <T> what it makes
     */
    @FunctionalInterface
    interface ResponseHandler<T> {
        /**
         * @param response the answer; its body stream is bounded and valid only during this call
         */
        T handle(TransportResponse response) throws IOException;
    }
}
