package io.nekorekten4j.domain;

import java.util.Objects;

/**
 * A city the service knows, with the id to use in a report.
 *
 * @param id   its id
 * @param name its name as the service spells it (usually Cyrillic, e.g. {@code София})
 */
public record City(CityId id, String name) {

    /** Requires both parts; the name must not be blank. */
    public City {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new ValidationException("name", "a city name must not be blank");
        }
    }

    /** The city {@code name} with id {@code id}. */
    public static City of(int id, String name) {
        return new City(CityId.of(id), name);
    }

    /** The id and the name, {@linkplain ServerText sanitised}: the name is the server's text. */
    @Override
    public String toString() {
        return "City[id=" + id.value() + ", name=" + ServerText.sanitise(name, 100) + "]";
    }
}
