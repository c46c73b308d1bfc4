package io.nekorekten4j.fake;

import io.nekorekten4j.domain.City;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The fake's list of cities: the administrative centres of Bulgaria's 28 districts (области) —
 * 27 towns, since София is the centre of both Sofia City and Sofia Province — and some large
 * towns that are not district centres, spelt in Cyrillic as the service spells city names.
 *
 * <p><strong>The ids are the fake's own</strong>: София is 1, the other district centres follow in
 * Bulgarian alphabetical order (2–27), then the other towns (28 on). The live service's ids are
 * not known (nobody calls {@code GET /api/v1/cities} in the public integrations); never hard-code
 * these ids against the real service.
 */
final class BulgarianCities {

    private static final String[] DISTRICT_CENTRES = {
        "София", "Благоевград", "Бургас", "Варна", "Велико Търново", "Видин", "Враца", "Габрово",
        "Добрич", "Кърджали", "Кюстендил", "Ловеч", "Монтана", "Пазарджик", "Перник", "Плевен",
        "Пловдив", "Разград", "Русе", "Силистра", "Сливен", "Смолян", "Стара Загора", "Търговище",
        "Хасково", "Шумен", "Ямбол",
    };
    private static final String[] OTHER_TOWNS = {
        "Асеновград", "Казанлък", "Димитровград", "Горна Оряховица", "Свищов", "Дупница", "Петрич",
        "Сандански", "Самоков", "Ботевград", "Карлово", "Велинград", "Гоце Делчев", "Севлиево",
        "Нова Загора", "Несебър", "Поморие", "Банско",
    };

    /** Every city, София first. */
    static final List<City> ALL = build();

    private BulgarianCities() {
    }

    /** The city with id {@code id}. */
    static Optional<City> byId(int id) {
        return id >= 1 && id <= ALL.size() ? Optional.of(ALL.get(id - 1)) : Optional.empty();
    }

    private static List<City> build() {
        List<City> cities = new ArrayList<>();
        for (String name : DISTRICT_CENTRES) {
            cities.add(City.of(cities.size() + 1, name));
        }
        for (String name : OTHER_TOWNS) {
            cities.add(City.of(cities.size() + 1, name));
        }
        return List.copyOf(cities);
    }
}
