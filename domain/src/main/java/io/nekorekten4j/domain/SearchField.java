package io.nekorekten4j.domain;

/** The four filters of a search, with their query-parameter names. */
public enum SearchField {
    /** Query parameter {@code phone}. */
    PHONE("phone"),
    /** Query parameter {@code email}. */
    EMAIL("email"),
    /** Query parameter {@code name}. */
    NAME("name"),
    /** Query parameter {@code siteUrl}. */
    SITE("siteUrl");

    private final String parameter;

    SearchField(String parameter) {
        this.parameter = parameter;
    }

    /** The query parameter's name. */
    public String parameter() {
        return parameter;
    }
}
