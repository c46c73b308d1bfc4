package io.nekorekten4j.domain;

import java.util.Arrays;
import java.util.Objects;

/** How the filters of a search combine. */
public enum SearchMode {
    /** Every given filter must match (the service's default); wire value {@code all}. */
    ALL("all"),
    /** Any given filter may match; wire value {@code one-of}. */
    ONE_OF("one-of");

    private final String wireValue;

    SearchMode(String wireValue) {
        this.wireValue = wireValue;
    }

    /** The value of the {@code searchMode} query parameter. */
    public String wireValue() {
        return wireValue;
    }

    /** The mode whose wire value is {@code wireValue}. */
    public static SearchMode ofWireValue(String wireValue) {
        Objects.requireNonNull(wireValue, "wireValue");
        return Arrays.stream(values()).filter(m -> m.wireValue.equals(wireValue)).findFirst()
                .orElseThrow(() -> new ValidationException("searchMode",
                        "unknown search mode '" + wireValue + "': expected all or one-of"));
    }
}
