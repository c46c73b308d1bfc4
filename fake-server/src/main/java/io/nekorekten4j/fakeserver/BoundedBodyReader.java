package io.nekorekten4j.fakeserver;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;

/** Reads a request body into memory, never more than a limit. */
final class BoundedBodyReader {

    /**
     * How much of an oversized body is read and thrown away before the 413 is sent, so that a
     * client still sending is not cut off mid-write and can read the answer. Past it, the server
     * answers and closes the connection.
     */
    static final long DRAIN_LIMIT = 32L * 1024 * 1024;

    private BoundedBodyReader() {
    }

    /** A body over the limit. */
    static final class TooLargeException extends Exception {
        private static final long serialVersionUID = 1L;

        private final long limit;

        TooLargeException(long limit) {
            super("the request body is larger than " + limit + " bytes", null, false, false);
            this.limit = limit;
        }

        /** The limit it broke, in bytes. */
        long limit() {
            return limit;
        }
    }

    /**
     * The body of {@code exchange}, at most {@code maxBytes} long.
     *
     * @throws TooLargeException when it is longer (its {@code Content-Length} says so, or reading shows it)
     * @throws IOException       when reading fails
     */
    static byte[] read(HttpExchange exchange, int maxBytes) throws IOException, TooLargeException {
        long declared = declaredLength(exchange);
        InputStream in = exchange.getRequestBody();
        if (declared > maxBytes + DRAIN_LIMIT) {
            throw new TooLargeException(maxBytes);
        }
        byte[] body = in.readNBytes(maxBytes + 1);
        if (body.length > maxBytes) {
            drain(in);
            throw new TooLargeException(maxBytes);
        }
        return body;
    }

    /** The {@code Content-Length} the client declared, or -1 (chunked, absent or unreadable). */
    private static long declaredLength(HttpExchange exchange) {
        String value = exchange.getRequestHeaders().getFirst("Content-Length");
        if (value == null) {
            return -1;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void drain(InputStream in) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long drained = 0;
        int n;
        while (drained < DRAIN_LIMIT && (n = in.read(buffer)) > 0) {
            drained += n;
        }
    }
}
