package io.nekorekten4j.conformance;

/**
 * Optional behaviour an adapter under test may declare in
 * {@link ConformanceSubject#capabilities()}. A contract test that needs a capability the subject
 * lacks is reported <em>skipped</em> (a JUnit assumption), never passed.
 */
public enum Capability {
    /** {@code create} returns the new report's id in its receipt. */
    CREATE_RETURNS_ID,
    /** The subject can fetch pages after the first ({@code SearchCriteria.page(n)}). */
    PAGINATION,
    /** {@link ConformanceSubject#arrangeRateLimit} and {@link ConformanceSubject#arrangeQuotaExhausted} work. */
    QUOTA_SIMULATION,
    /** {@link ConformanceSubject#arrangeFailures} works. */
    FAULT_INJECTION,
    /** {@link ConformanceSubject#clientRefusedFromIp} works. */
    IP_WHITELIST,
    /** {@link ConformanceSubject#clientWithInvalidKey()} works. */
    INVALID_KEY,
    /** Uploaded file ids are checked when a report is filed: an unknown id is rejected. */
    FILE_ID_CHECK
}
