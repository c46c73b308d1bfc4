package io.nekorekten4j.fakeserver;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** What the server does with one request: answer it, drop the connection, or hold it and then answer. */
sealed interface Answer {

    /** The media type of every JSON answer. */
    String JSON = "application/json; charset=utf-8";

    /**
     * An HTTP answer.
     *
     * @param status  the HTTP status
     * @param headers extra headers ({@code Retry-After}, {@code Allow}…), besides the content type
     * @param body    the body, never empty
     */
    record Http(int status, Map<String, String> headers, byte[] body) implements Answer {
        /** Copies the headers; requires a body. */
        public Http {
            headers = Map.copyOf(headers);
            Objects.requireNonNull(body, "body");
            if (body.length == 0) {
                throw new IllegalArgumentException("an answer has a body");
            }
        }

        /** A JSON answer with no extra header. */
        static Http json(int status, byte[] body) {
            return new Http(status, Map.of(), body);
        }

        /** This answer with one more header. */
        Http withHeader(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(name, value);
            return new Http(status, more, body);
        }
    }

    /** The connection is closed without an answer: what a reset connection looks like to a client. */
    record Drop() implements Answer {
    }

    /**
     * No answer at all: the request is taken and the connection held open, without a status or a
     * byte, until the server closes — what a client without timeouts waits for forever.
     */
    record Silence() implements Answer {
    }

    /**
     * The answer is held back for the server's stall time (or until it closes), then sent: what a
     * client that times out first sees as a timeout.
     *
     * @param then what is sent after the stall, if the client still listens
     */
    record Stall(Http then) implements Answer {
        /** Requires the answer. */
        public Stall {
            Objects.requireNonNull(then, "then");
        }
    }
}
