package io.nekorekten4j.fakeserver;

import io.nekorekten4j.domain.ValidationException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A query string or an {@code application/x-www-form-urlencoded} body, decoded as forms are: UTF-8,
 * {@code +} is a space. Bounded: at most {@value #MAX_PARAMETERS} parameters.
 */
final class Query {

    /** The most parameters read; more is a refused request, not a slow one. */
    static final int MAX_PARAMETERS = 100;

    private Query() {
    }

    /**
     * The parameters of {@code raw} (without the {@code ?}), each with its values in order;
     * {@code null} or empty gives none.
     *
     * @throws ValidationException (field {@code query}) when a percent-escape is broken or there
     *                             are too many parameters
     */
    static Map<String, List<String>> parse(String raw) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return values;
        }
        int count = 0;
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            if (++count > MAX_PARAMETERS) {
                throw new ValidationException("query", "at most " + MAX_PARAMETERS + " parameters are read");
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return values;
    }

    /** The first value of {@code name}, or {@code null}. */
    static String first(Map<String, List<String>> query, String name) {
        List<String> all = query.get(name);
        return all == null || all.isEmpty() ? null : all.get(0);
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new ValidationException("query", "a parameter has a broken percent-escape");
        }
    }
}
