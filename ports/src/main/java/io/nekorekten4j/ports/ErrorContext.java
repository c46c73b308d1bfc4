package io.nekorekten4j.ports;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Where an error happened: the request's method and path (never its query: query values are
 * personal data), the HTTP status, a short excerpt of the body and the service's own message.
 * Never the API key. Adapters without HTTP (the fake) fill what applies.
 *
 * @param method         the HTTP method, e.g. {@code GET}
 * @param path           the request path without query, e.g. {@code /api/v1/reports}
 * @param status         the HTTP status, when an answer came
 * @param bodyExcerpt    the first characters of the body, when an answer came
 * @param serviceMessage the service's {@code message}, when it sent one
 */
public record ErrorContext(Optional<String> method, Optional<String> path, OptionalInt status,
                           Optional<String> bodyExcerpt, Optional<String> serviceMessage) {

    /** The longest body excerpt kept, in characters. */
    public static final int MAX_EXCERPT = 200;
    private static final ErrorContext NONE = new ErrorContext(Optional.empty(), Optional.empty(),
            OptionalInt.empty(), Optional.empty(), Optional.empty());

    /** Requires the optionals themselves and shortens the excerpt. */
    public ErrorContext {
        Objects.requireNonNull(method, "method");
        // A query holds personal data (phones, e-mails): it never reaches a message.
        path = Objects.requireNonNull(path, "path").map(ErrorContext::withoutQuery);
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(serviceMessage, "serviceMessage");
        bodyExcerpt = Objects.requireNonNull(bodyExcerpt, "bodyExcerpt").map(ErrorContext::excerpt);
    }

    /** No context. */
    public static ErrorContext none() {
        return NONE;
    }

    /** The context of a request: its method and path (the path must hold no query). */
    public static ErrorContext of(String method, String path) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        return new ErrorContext(Optional.of(method), Optional.of(path),
                OptionalInt.empty(), Optional.empty(), Optional.empty());
    }

    /** This context with the HTTP status. */
    public ErrorContext withStatus(int status) {
        return new ErrorContext(method, path, OptionalInt.of(status), bodyExcerpt, serviceMessage);
    }

    /** This context with an excerpt of {@code body}. */
    public ErrorContext withBody(String body) {
        return new ErrorContext(method, path, status, Optional.ofNullable(body), serviceMessage);
    }

    /** This context with the service's message. */
    public ErrorContext withServiceMessage(String message) {
        return new ErrorContext(method, path, status, bodyExcerpt, Optional.ofNullable(message));
    }

    /** A one-line summary such as {@code GET /api/v1/reports, HTTP 429}; empty when there is no context. */
    public String describe() {
        StringBuilder s = new StringBuilder();
        method.ifPresent(m -> s.append(m));
        path.ifPresent(p -> s.append(s.length() > 0 ? " " : "").append(p));
        status.ifPresent(code -> s.append(s.length() > 0 ? ", " : "").append("HTTP ").append(code));
        return s.toString();
    }

    private static String withoutQuery(String path) {
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }

    private static String excerpt(String body) {
        String oneLine = body.replaceAll("\\s+", " ").strip();
        if (oneLine.length() <= MAX_EXCERPT) {
            return oneLine;
        }
        // Never cut a surrogate pair (an emoji) in half.
        int end = Character.isHighSurrogate(oneLine.charAt(MAX_EXCERPT - 1)) ? MAX_EXCERPT - 1 : MAX_EXCERPT;
        return oneLine.substring(0, end) + "…";
    }
}
