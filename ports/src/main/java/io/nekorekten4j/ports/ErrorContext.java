package io.nekorekten4j.ports;

import io.nekorekten4j.domain.ServerText;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Where an error happened and what became of the request: the {@link Operation}, the request's
 * method and path (never its query: query values are personal data), the HTTP status, a short
 * excerpt of the body, the service's own message, the {@link RequestOutcome} over all attempts and
 * the number of attempts. Never the API key. Adapters without HTTP fill what applies: the in-memory
 * fake names the operation (and the status the service would send) but no method or path, since
 * it sends no request; the HTTP adapter fills method and path as sent, and the operation they name.
 *
 * <p>Every text is {@linkplain ServerText sanitised} here, whoever built the context: one line, no
 * control, format or bidi characters, and capped — the excerpt at {@value #MAX_EXCERPT}
 * characters, the service message at {@value #MAX_SERVICE_MESSAGE}, method and path at
 * {@value #MAX_REQUEST_TEXT}. The adapter that builds the context blanks the API key out first.
 *
 * @param operation      the operation of the API the error happened in, when the adapter knows it
 * @param method         the HTTP method, e.g. {@code GET}, when a request was made
 * @param path           the request path without query, e.g. {@code /api/v1/reports}
 * @param status         the HTTP status, when an answer came
 * @param bodyExcerpt    the first characters of the body, when an answer came
 * @param serviceMessage the service's {@code message}, when it sent one
 * @param outcome        what became of the request over all attempts, when the adapter recorded
 *                       it (else the exception's class decides: see {@link NekorektenException#outcome()})
 * @param attempts       how many attempts were handed to the wire (0 when none was), when the
 *                       adapter counted them
 */
public record ErrorContext(Optional<Operation> operation, Optional<String> method, Optional<String> path,
                           OptionalInt status, Optional<String> bodyExcerpt, Optional<String> serviceMessage,
                           Optional<RequestOutcome> outcome, OptionalInt attempts) {

    /** The longest body excerpt kept, in characters, the closing {@code …} of a cut one included. */
    public static final int MAX_EXCERPT = 200;
    /** The longest service message kept, in characters. */
    public static final int MAX_SERVICE_MESSAGE = 500;
    /** The longest method or path kept, in characters. */
    public static final int MAX_REQUEST_TEXT = 200;
    private static final ErrorContext NONE = new ErrorContext(Optional.empty(), Optional.empty(), Optional.empty(),
            OptionalInt.empty(), Optional.empty(), Optional.empty(), Optional.empty(), OptionalInt.empty());

    /** Requires the optionals themselves, sanitises every text, shortens the excerpt and checks the attempt count. */
    public ErrorContext {
        Objects.requireNonNull(operation, "operation");
        method = Objects.requireNonNull(method, "method").map(m -> ServerText.sanitise(m, MAX_REQUEST_TEXT));
        // A query holds personal data (phones, e-mails): it never reaches a message.
        path = Objects.requireNonNull(path, "path").map(p -> ServerText.sanitise(withoutQuery(p), MAX_REQUEST_TEXT));
        Objects.requireNonNull(status, "status");
        serviceMessage = Objects.requireNonNull(serviceMessage, "serviceMessage")
                .map(m -> ServerText.sanitise(m, MAX_SERVICE_MESSAGE));
        bodyExcerpt = Objects.requireNonNull(bodyExcerpt, "bodyExcerpt").map(b -> ServerText.sanitise(b, MAX_EXCERPT));
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(attempts, "attempts");
        if (attempts.isPresent() && attempts.getAsInt() < 0) {
            throw new IllegalArgumentException("attempts must not be negative, got " + attempts.getAsInt());
        }
    }

    /**
     * A context of a request, with the operation its method and path name ({@link Operation#matching};
     * none when they name none).
     */
    public ErrorContext(Optional<String> method, Optional<String> path, OptionalInt status,
                        Optional<String> bodyExcerpt, Optional<String> serviceMessage,
                        Optional<RequestOutcome> outcome, OptionalInt attempts) {
        this(operationOf(method, path), method, path, status, bodyExcerpt, serviceMessage, outcome, attempts);
    }

    /**
     * A context of a request without outcome and attempt count (the exception's class then decides
     * the outcome), with the operation its method and path name.
     */
    public ErrorContext(Optional<String> method, Optional<String> path, OptionalInt status,
                        Optional<String> bodyExcerpt, Optional<String> serviceMessage) {
        this(method, path, status, bodyExcerpt, serviceMessage, Optional.empty(), OptionalInt.empty());
    }

    /** No context. */
    public static ErrorContext none() {
        return NONE;
    }

    /**
     * The context of a request: its method and path (a query is dropped), and the operation they
     * name, if any ({@link Operation#matching}).
     */
    public static ErrorContext of(String method, String path) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        return new ErrorContext(Optional.of(method), Optional.of(path),
                OptionalInt.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * The context of an operation without a request: what an adapter that does not speak HTTP (the
     * in-memory fake) knows. No method and no path are invented.
     */
    public static ErrorContext of(Operation operation) {
        Objects.requireNonNull(operation, "operation");
        return new ErrorContext(Optional.of(operation), Optional.empty(), Optional.empty(), OptionalInt.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), OptionalInt.empty());
    }

    /** This context with the HTTP status. */
    public ErrorContext withStatus(int status) {
        return new ErrorContext(operation, method, path, OptionalInt.of(status), bodyExcerpt, serviceMessage, outcome, attempts);
    }

    /** This context with an excerpt of {@code body}. */
    public ErrorContext withBody(String body) {
        return new ErrorContext(operation, method, path, status, Optional.ofNullable(body), serviceMessage, outcome, attempts);
    }

    /** This context with the service's message. */
    public ErrorContext withServiceMessage(String message) {
        return new ErrorContext(operation, method, path, status, bodyExcerpt, Optional.ofNullable(message), outcome, attempts);
    }

    /** This context with what became of the request over all attempts. */
    public ErrorContext withOutcome(RequestOutcome outcome) {
        Objects.requireNonNull(outcome, "outcome");
        return new ErrorContext(operation, method, path, status, bodyExcerpt, serviceMessage, Optional.of(outcome), attempts);
    }

    /**
     * This context with the number of attempts handed to the wire (0 when none was).
     *
     * @throws IllegalArgumentException when {@code attempts} is negative
     */
    public ErrorContext withAttempts(int attempts) {
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts must not be negative, got " + attempts);
        }
        return new ErrorContext(operation, method, path, status, bodyExcerpt, serviceMessage, outcome, OptionalInt.of(attempts));
    }

    /**
     * A one-line summary such as {@code search, HTTP 429} or {@code update, HTTP 500, 3 attempts}
     * (the count only when there was more than one); empty when there is no context. It names the
     * {@linkplain Operation#tagValue() operation} when known, which every adapter knows, so that one
     * situation reads the same through the HTTP adapter and the fake; a request of no known
     * operation is named by its method and path ({@code GET /elsewhere, HTTP 404}).
     */
    public String describe() {
        StringBuilder s = new StringBuilder();
        if (operation.isPresent()) {
            s.append(operation.get().tagValue());
        } else {
            method.ifPresent(m -> s.append(m));
            path.ifPresent(p -> s.append(s.length() > 0 ? " " : "").append(p));
        }
        status.ifPresent(code -> s.append(s.length() > 0 ? ", " : "").append("HTTP ").append(code));
        if (attempts.isPresent() && attempts.getAsInt() > 1) {
            s.append(s.length() > 0 ? ", " : "").append(attempts.getAsInt()).append(" attempts");
        }
        return s.toString();
    }

    private static Optional<Operation> operationOf(Optional<String> method, Optional<String> path) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        return method.flatMap(m -> path.flatMap(p -> Operation.matching(m, p)));
    }

    private static String withoutQuery(String path) {
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }
}
