package io.nekorekten4j.conformance;

/**
 * Optional behaviour an adapter under test may declare in
 * {@link ConformanceSubject#capabilities()}. An {@code optional_…} rule that needs a capability
 * the subject lacks is reported <em>skipped</em> (a JUnit assumption, listed as untested in the
 * kit's summary), never passed; a {@code required_…} rule that needs one <em>fails</em> with a
 * message naming it.
 */
public enum Capability {
    /** {@code create} returns the new report's id in its receipt. */
    CREATE_RETURNS_ID,
    /** The subject can fetch pages after the first ({@code SearchCriteria.page(n)}). */
    PAGINATION,
    /** {@link ConformanceSubject#arrangeRateLimit} and {@link ConformanceSubject#arrangeQuotaExhausted} work. */
    QUOTA_SIMULATION,
    /**
     * {@link ConformanceSubject#arrangeFailures} and {@link ConformanceSubject#arrangeLostAnswers}
     * work. The never-false-clean and never-twice rules ({@code required_…}) need it and
     * <em>fail</em>, never skip, on a subject without it: an adapter whose failures cannot be
     * arranged cannot be shown to fail safely.
     */
    FAULT_INJECTION,
    /** {@link ConformanceSubject#clientRefusedFromIp} works. */
    IP_WHITELIST,
    /** {@link ConformanceSubject#clientWithInvalidKey()} works. */
    INVALID_KEY,
    /** Uploaded file ids are checked when a report is filed: an unknown id is rejected. */
    FILE_ID_CHECK,
    /** {@link ConformanceSubject#arrangeServerText} works: the backend answers in hostile words. */
    HOSTILE_SERVER_TEXT,
    /** {@link ConformanceSubject#arrangeNoAnswer} works: the backend takes requests and never answers. */
    UNANSWERED_REQUESTS
}
