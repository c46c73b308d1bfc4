package io.nekorekten4j.diagnostics;

/** What the library does with a {@link Drift} between the service's answer and the written contract. */
public enum Effect {
    /** The library does not read this part (a new field): harmless, but the contract is out of date. */
    IGNORED(Status.WARNING),
    /** The library reads around it (a missing optional field, a date it drops rather than guesses). */
    TOLERATED(Status.WARNING),
    /** The library refuses the answer: every call of this kind fails with an unexpected-response error. */
    BREAKS_PARSING(Status.FAILURE),
    /**
     * The library would accept the answer but could present fewer reports than the service sent, or
     * fail to match a buyer on them: a buyer could look clean who is not.
     */
    COULD_HIDE_REPORTS(Status.FAILURE);

    private final Status status;

    Effect(Status status) {
        this.status = status;
    }

    /** The status a check with this effect gets. */
    public Status status() {
        return status;
    }
}
