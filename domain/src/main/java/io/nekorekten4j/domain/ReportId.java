package io.nekorekten4j.domain;

/**
 * The id of a report: a short URL-safe string such as {@code 0obgyGbp1Ms}.
 *
 * @param value the id as the service spells it
 */
public record ReportId(String value) {

    /** Rejects anything that is not 1–64 characters of {@code A–Z a–z 0–9 _ -}. */
    public ReportId {
        ShortId.check(value, "reportId", "a report id");
    }

    /** The id {@code value}; throws {@link ValidationException} when it is not a valid id. */
    public static ReportId of(String value) {
        return new ReportId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
