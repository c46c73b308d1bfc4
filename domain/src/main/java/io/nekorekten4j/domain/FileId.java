package io.nekorekten4j.domain;

/**
 * The id of an uploaded file, as returned by the upload endpoint, to attach to a report.
 *
 * @param value the id as the service spells it
 */
public record FileId(String value) {

    /** Rejects anything that is not 1–64 characters of {@code A–Z a–z 0–9 _ -}. */
    public FileId {
        ShortId.check(value, "files", "a file id");
    }

    /** The id {@code value}; throws {@link ValidationException} when it is not a valid id. */
    public static FileId of(String value) {
        return new FileId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
