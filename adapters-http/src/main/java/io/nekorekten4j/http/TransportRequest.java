package io.nekorekten4j.http;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One HTTP request as the adapter hands it to a {@link Transport}.
 *
 * @param method           {@code GET}, {@code POST}, {@code PATCH} or {@code DELETE}
 * @param uri              the absolute URI, query encoded
 * @param headers          request headers (names as written); values in {@link #sensitiveHeaders()} are secrets
 * @param sensitiveHeaders names of headers whose values must never be logged or sent to another origin
 * @param body             the body, if any
 * @param connectTimeout   how long to wait for a connection
 * @param responseTimeout  how long to wait from the written request until the answer starts, then between
 *                         bytes of the answer
 * @param deadline         the instant by which the whole exchange must end, on the system clock
 *                         ({@link Instant#now()}) whatever clock the client runs on: the client
 *                         hands over what is left of its call budget
 * @param maxResponseBytes the largest body accepted
 */
public record TransportRequest(String method, URI uri, Map<String, String> headers, List<String> sensitiveHeaders,
                               Optional<RequestBody> body, Duration connectTimeout, Duration responseTimeout,
                               Instant deadline, long maxResponseBytes) {

    /** Copies the collections and checks every part. */
    public TransportRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        headers = Map.copyOf(Objects.requireNonNull(headers, "headers"));
        sensitiveHeaders = List.copyOf(Objects.requireNonNull(sensitiveHeaders, "sensitiveHeaders"));
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(responseTimeout, "responseTimeout");
        Objects.requireNonNull(deadline, "deadline");
        if (maxResponseBytes < 1) {
            throw new IllegalArgumentException("maxResponseBytes must be positive, got " + maxResponseBytes);
        }
    }

    /** Whether {@code name} is a sensitive header, ignoring case. */
    public boolean isSensitive(String name) {
        for (String sensitive : sensitiveHeaders) { // a loop, not a stream: it runs for every header of every call
            if (sensitive.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    /** Shows the method, the path and the header names, never a query value or a header value. */
    @Override
    public String toString() {
        return "TransportRequest[" + method + " " + uri.getScheme() + "://" + uri.getAuthority() + uri.getRawPath()
                + ", headers=" + headers.keySet() + "]";
    }
}
