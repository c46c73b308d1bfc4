package io.nekorekten4j.ports;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * The request quota of an API key: requests per minute and, on paid-for plans, lookups per day.
 * Limits are settings with presets, never constants: the service's plans change.
 *
 * @param name      a label for messages, e.g. {@code Free}
 * @param perMinute requests allowed in any 60 seconds
 * @param perDay    requests allowed per day, when the plan caps them
 */
public record QuotaPlan(String name, int perMinute, OptionalInt perDay) {

    /** What the vendor's API documentation states: 10 requests a minute, no daily cap named. */
    public static final QuotaPlan DOCUMENTED_DEFAULT = new QuotaPlan("Default", 10, OptionalInt.empty());
    /** Free: 5 a minute, 30 a day. */
    public static final QuotaPlan FREE = new QuotaPlan("Free", 5, OptionalInt.of(30));
    /** Start: 10 a minute, 100 a day. */
    public static final QuotaPlan START = new QuotaPlan("Start", 10, OptionalInt.of(100));
    /** Standard: 20 a minute, 300 a day. */
    public static final QuotaPlan STANDARD = new QuotaPlan("Standard", 20, OptionalInt.of(300));
    /** Business: 60 a minute, 1000 a day. */
    public static final QuotaPlan BUSINESS = new QuotaPlan("Business", 60, OptionalInt.of(1000));

    /** Validates the figures. */
    public QuotaPlan {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(perDay, "perDay");
        if (perMinute < 1) {
            throw new IllegalArgumentException("perMinute must be at least 1, got " + perMinute);
        }
        if (perDay.isPresent() && perDay.getAsInt() < 1) {
            throw new IllegalArgumentException("perDay must be at least 1, got " + perDay.getAsInt());
        }
    }

    /** A custom plan without a daily cap. */
    public static QuotaPlan perMinute(int perMinute) {
        return new QuotaPlan("Custom", perMinute, OptionalInt.empty());
    }

    /** A custom plan with a daily cap. */
    public static QuotaPlan of(int perMinute, int perDay) {
        return new QuotaPlan("Custom", perMinute, OptionalInt.of(perDay));
    }

    /** The preset named {@code name} (free, start, standard, business, default), ignoring case. */
    public static QuotaPlan preset(String name) {
        Objects.requireNonNull(name, "name");
        return switch (name.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "free" -> FREE;
            case "start" -> START;
            case "standard" -> STANDARD;
            case "business" -> BUSINESS;
            case "default" -> DOCUMENTED_DEFAULT;
            default -> throw new IllegalArgumentException(
                    "unknown plan '" + name + "': expected free, start, standard, business or default");
        };
    }
}
