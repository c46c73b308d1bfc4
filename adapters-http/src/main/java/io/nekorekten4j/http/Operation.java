package io.nekorekten4j.http;

import io.nekorekten4j.ports.ApiPaths;
import java.util.Locale;

/**
 * The six operations of the API, as {@link NekorektenListener}s see them. {@link #tagValue()} is
 * the low-cardinality name metrics use ({@code search}, {@code create}, …).
 */
public enum Operation {
    /** {@code GET /api/v1/reports}. */
    SEARCH,
    /** {@code POST /api/v1/reports}. */
    CREATE,
    /** {@code PATCH /api/v1/reports/{id}}. */
    UPDATE,
    /** {@code DELETE /api/v1/reports/{id}}. */
    DELETE,
    /** {@code POST /api/v1/files}. */
    UPLOAD,
    /** {@code GET /api/v1/cities}. */
    CITIES;

    private final String tagValue = name().toLowerCase(Locale.ROOT);

    /** The lowercase name, e.g. {@code search}. */
    public String tagValue() {
        return tagValue;
    }

    /** The operation of a request, from its method and path (paths of {@link WireRequests}). */
    static Operation of(String method, String path) {
        switch (method) {
            case "GET":
                return path.equals(ApiPaths.CITIES) ? CITIES : SEARCH;
            case "POST":
                return path.equals(ApiPaths.FILES) ? UPLOAD : CREATE;
            case "PATCH":
                return UPDATE;
            case "DELETE":
                return DELETE;
            default:
                throw new IllegalArgumentException("no operation of the API uses " + method + " " + path);
        }
    }
}
