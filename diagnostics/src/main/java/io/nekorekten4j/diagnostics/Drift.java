package io.nekorekten4j.diagnostics;

import java.util.Objects;

/**
 * One difference between a raw answer of the service and {@code openapi/nekorekten-api.yaml}.
 *
 * @param location where, as a JSON path with {@code [*]} for every element of an array
 *                 ({@code $.items[*].createDate}); {@code $} for the whole body
 * @param kind     what kind of difference
 * @param effect   what the library does with it
 * @param detail   one line saying what was expected and what came; server text in it is sanitised
 */
public record Drift(String location, Kind kind, Effect effect, String detail) {

    /** Checks every part. */
    public Drift {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(effect, "effect");
        Objects.requireNonNull(detail, "detail");
    }

    /** The kinds of difference. */
    public enum Kind {
        /** A field the contract requires is absent. */
        MISSING_FIELD,
        /** A field the contract does not name is present. */
        NEW_FIELD,
        /** A field has another JSON type (a number sent as a string, an object instead of a list). */
        TYPE_CHANGED,
        /** A string has another format (a date, a phone). */
        FORMAT_CHANGED,
        /** The body is not JSON at all (an HTML page, an empty body). */
        NOT_JSON,
        /** The body's overall shape changed (a bare list instead of the envelope, a status not in the contract). */
        SHAPE_CHANGED,
        /** The library's reading of the answer differs from the raw answer. */
        LIBRARY_DISAGREES
    }

    /** One line: location, kind, effect and detail. */
    @Override
    public String toString() {
        return location + ": " + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " ("
                + effect.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ") — " + detail;
    }
}
