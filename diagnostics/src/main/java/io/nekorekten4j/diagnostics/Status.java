package io.nekorekten4j.diagnostics;

/** The verdict of one {@link Check}, and of a whole {@link DiagnosticsReport}. */
public enum Status {
    /** Nothing to do. */
    OK,
    /** Works today, but something changed or is about to: read the fix. */
    WARNING,
    /** Does not work, or could answer wrongly (hide reports): act before relying on the client. */
    FAILURE,
    /** Not checked: an earlier check failed, or checking would have spent quota for nothing. */
    SKIPPED;

    /** The worse of this and {@code other}; {@link #SKIPPED} is better than {@link #WARNING}. */
    Status worst(Status other) {
        return rank(other) > rank(this) ? other : this;
    }

    private static int rank(Status s) {
        return switch (s) {
            case OK -> 0;
            case SKIPPED -> 1;
            case WARNING -> 2;
            case FAILURE -> 3;
        };
    }
}
