package io.nekorekten4j.ports;

import io.nekorekten4j.domain.City;
import java.util.List;

/** The cities the service knows. Implementations are thread safe. */
public interface CitiesPort {

    /**
     * Every city, with the id to file a report with.
     *
     * @throws NekorektenException when no answer could be had, or the service refused
     */
    List<City> cities();
}
