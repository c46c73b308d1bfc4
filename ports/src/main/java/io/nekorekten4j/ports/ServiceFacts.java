package io.nekorekten4j.ports;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The facts about the nekorekten.com service that every adapter, the fake server and the command
 * line share, in one place, each with where it comes from ({@code reference/nekorekten-api.md}).
 * Related facts have homes of their own beside this one:
 * <ul>
 *   <li>the endpoints: {@link ApiPaths};</li>
 *   <li>the upload rule: {@link UploadRule} (how many attachments one upload may carry, with the
 *       same messages in every adapter);</li>
 *   <li>the plan presets: {@link QuotaPlan} ({@link QuotaPlan#FREE} to {@link QuotaPlan#BUSINESS}
 *       and the documented default);</li>
 *   <li>the search's wire names: {@code io.nekorekten4j.domain.SearchField#parameter()} (the filter
 *       parameters) and {@code io.nekorekten4j.domain.SearchMode#wireValue()} (the mode's values).</li>
 * </ul>
 * A fact here is what the service does, never a setting: limits that differ per key (the quota)
 * are settings with presets.
 */
public final class ServiceFacts {

    /** The live service's base URI (vendor documentation). */
    public static final URI BASE_URI = URI.create("https://api.nekorekten.com");

    /**
     * The service's zone, Europe/Sofia: {@code server.date} is its local time without a zone, and
     * a plan's daily quota is counted per calendar day here (observed in integrations; some sources
     * say a rolling 24 hours, so quota gates also count those).
     */
    public static final ZoneId SOFIA = ZoneId.of("Europe/Sofia");

    /** The request header that carries the API key (vendor documentation). */
    public static final String API_KEY_HEADER = "Api-Key";

    /**
     * The form of {@code server.date} in every answer, e.g. {@code 2026-02-27 20:22:33}, in
     * {@link #SOFIA} time without a zone (the live payload), as a
     * {@link java.time.format.DateTimeFormatter#ofPattern(String)} pattern ({@code uuuu}, the
     * proleptic year, reads and writes the same four digits as {@code yyyy} without needing an era).
     */
    public static final String SERVER_DATE_PATTERN = "uuuu-MM-dd HH:mm:ss";

    /** The query parameter of the search mode, {@code searchMode} (vendor documentation). */
    public static final String SEARCH_MODE_PARAMETER = "searchMode";

    /**
     * The query parameter of a search's page, {@code page}: not documented by the vendor; sent only
     * for pages past the first (the answer's {@code currentPage} shows that pages exist).
     */
    public static final String PAGE_PARAMETER = "page";

    /** The name of each file's part in an upload's {@code multipart/form-data} body, {@code files[]}. */
    public static final String UPLOAD_PART = "files[]";

    private ServiceFacts() {
    }

    /** The {@link LocalDate} of the service's calendar day (in {@link #SOFIA}) that {@code at} falls in. */
    public static LocalDate serviceDay(Instant at) {
        Objects.requireNonNull(at, "at");
        return LocalDate.ofInstant(at, SOFIA);
    }

    /** The start of the service's calendar day that {@code at} falls in: the last Sofia midnight. */
    public static Instant dayStart(Instant at) {
        return serviceDay(at).atStartOfDay(SOFIA).toInstant();
    }

    /**
     * The start of the service's next calendar day: the next Sofia midnight after {@code at}, when a
     * daily quota counted per calendar day starts again.
     */
    public static Instant nextDayStart(Instant at) {
        return serviceDay(at).plusDays(1).atStartOfDay(SOFIA).toInstant();
    }
}
