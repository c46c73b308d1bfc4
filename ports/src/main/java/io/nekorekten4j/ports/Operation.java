package io.nekorekten4j.ports;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The six operations of the API, one per endpoint, each with its HTTP method and path (vendor
 * documentation). Every adapter names the operation a failure happened in
 * ({@link ErrorContext#operation()}), whether or not it speaks HTTP: the in-memory fake names the
 * operation and no path. {@link #tagValue()} is the low-cardinality name metrics and traces use
 * ({@code search}, {@code create}, …).
 */
public enum Operation {
    /** {@code GET /api/v1/reports}: {@link ReportsPort#search}. */
    SEARCH("GET", ApiPaths.REPORTS),
    /** {@code POST /api/v1/reports}: {@link ReportsPort#create}. */
    CREATE("POST", ApiPaths.REPORTS),
    /** {@code PATCH /api/v1/reports/{id}}: {@link ReportsPort#update}. */
    UPDATE("PATCH", ApiPaths.REPORT_PREFIX + "{id}"),
    /** {@code DELETE /api/v1/reports/{id}}: {@link ReportsPort#delete}. */
    DELETE("DELETE", ApiPaths.REPORT_PREFIX + "{id}"),
    /** {@code POST /api/v1/files}: {@link FilesPort#upload}. */
    UPLOAD("POST", ApiPaths.FILES),
    /** {@code GET /api/v1/cities}: {@link CitiesPort#cities}. */
    CITIES("GET", ApiPaths.CITIES);

    private final String method;
    private final String pathTemplate;
    private final String tagValue = name().toLowerCase(Locale.ROOT);

    Operation(String method, String pathTemplate) {
        this.method = method;
        this.pathTemplate = pathTemplate;
    }

    /** The HTTP method, e.g. {@code GET}. */
    public String method() {
        return method;
    }

    /** The path, relative to the base URI, with {@code {id}} for a report's id, e.g. {@code /api/v1/reports/{id}}. */
    public String pathTemplate() {
        return pathTemplate;
    }

    /** The lowercase name, e.g. {@code search}. */
    public String tagValue() {
        return tagValue;
    }

    /**
     * The operation a request of {@code method} (any case) to {@code path} (relative to the base
     * URI; a query is ignored) is, if it is one: a report's path is {@link ApiPaths#REPORT_PREFIX}
     * and one non-empty segment.
     */
    public static Optional<Operation> matching(String method, String path) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        String bare = withoutQuery(path);
        boolean onReport = bare.startsWith(ApiPaths.REPORT_PREFIX)
                && bare.length() > ApiPaths.REPORT_PREFIX.length()
                && bare.indexOf('/', ApiPaths.REPORT_PREFIX.length()) < 0;
        Operation found = switch (method.toUpperCase(Locale.ROOT)) {
            case "GET" -> bare.equals(ApiPaths.REPORTS) ? SEARCH : bare.equals(ApiPaths.CITIES) ? CITIES : null;
            case "POST" -> bare.equals(ApiPaths.REPORTS) ? CREATE : bare.equals(ApiPaths.FILES) ? UPLOAD : null;
            case "PATCH" -> onReport ? UPDATE : null;
            case "DELETE" -> onReport ? DELETE : null;
            default -> null;
        };
        return Optional.ofNullable(found);
    }

    /**
     * The operation of a request the adapter is about to send.
     *
     * @throws IllegalArgumentException when {@code method} and {@code path} name no operation of
     *                                  the API (see {@link #matching}); the message leaves out a
     *                                  query, which holds personal data
     */
    public static Operation of(String method, String path) {
        return matching(method, path).orElseThrow(() -> new IllegalArgumentException(
                "no operation of the API is " + method + " " + withoutQuery(path)));
    }

    private static String withoutQuery(String path) {
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }
}
