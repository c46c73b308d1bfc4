package io.nekorekten4j.domain;

/**
 * The id of a city, from the cities endpoint; sent as {@code cityID} when a report is filed.
 *
 * @param value a positive integer
 */
public record CityId(int value) {

    /** Rejects zero and negative ids. */
    public CityId {
        if (value <= 0) {
            throw new ValidationException("cityID", "a city id must be a positive number, got " + value);
        }
    }

    /** The city id {@code value}. */
    public static CityId of(int value) {
        return new CityId(value);
    }

    @Override
    public String toString() {
        return Integer.toString(value);
    }
}
