package io.nekorekten4j.http.archviolation;

/** A class of the (pretend) HTTP adapter. Test-only. */
public final class HttpPart {

    /** Something for another adapter to call. */
    public static String name() {
        return "http";
    }
}
