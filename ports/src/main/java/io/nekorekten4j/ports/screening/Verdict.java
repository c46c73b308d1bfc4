package io.nekorekten4j.ports.screening;

/**
 * What screening a buyer found. There are three answers, not two: a buyer who could not be checked
 * is never reported clean.
 */
public enum Verdict {
    /** The search succeeded and the service holds at least one report matching the buyer. */
    FOUND,
    /** The search succeeded and no report matches the buyer. */
    NOT_FOUND,
    /** The search failed (no answer, or the service refused it): nothing is known about the buyer. */
    NOT_CHECKED
}
