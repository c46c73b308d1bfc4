package io.nekorekten4j.ports;

/**
 * The paths of the service's endpoints, relative to its base URI (vendor documentation, version
 * {@code v1}).
 */
public final class ApiPaths {

    /** {@code /api/v1/reports}: search ({@code GET}) and create ({@code POST}). */
    public static final String REPORTS = "/api/v1/reports";
    /**
     * {@code /api/v1/reports/}: the prefix of one report's path, followed by its id as one path
     * segment, for update ({@code PATCH}) and delete ({@code DELETE}).
     */
    public static final String REPORT_PREFIX = REPORTS + "/";
    /** {@code /api/v1/files}: upload ({@code POST}, multipart). */
    public static final String FILES = "/api/v1/files";
    /** {@code /api/v1/cities}: the list of cities ({@code GET}). */
    public static final String CITIES = "/api/v1/cities";

    private ApiPaths() {
    }
}
