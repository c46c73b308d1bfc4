package io.nekorekten4j.diagnostics;

import java.time.Duration;
import java.util.Optional;

/**
 * One request as {@link RecordingTransport} saw it go out and come back.
 *
 * @param method        the HTTP method
 * @param path          the path, without query
 * @param status        the HTTP status, when an answer came
 * @param contentType   the answer's {@code Content-Type}, when given
 * @param body          the raw body (bounded by the client's size cap), empty when none came
 * @param timeToFirstByte from handing the request to the transport until the answer's status line
 * @param failure       what the transport threw, when no answer (or no whole body) came
 */
record Exchange(String method, String path, Optional<Integer> status, Optional<String> contentType, byte[] body,
                Optional<Duration> timeToFirstByte, Optional<Exception> failure) {
}
