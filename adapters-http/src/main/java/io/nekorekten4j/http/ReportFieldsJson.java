package io.nekorekten4j.http;

import java.util.List;

/**
 * The JSON body of {@code POST /api/v1/reports} and {@code PATCH /api/v1/reports/{id}}. Fields left
 * {@code null} are not sent (the client's {@code Jsonb} skips nulls), so a patch changes only what
 * it names. A wire DTO.
 */
final class ReportFieldsJson {

    /** What happened. */
    public String text;
    /** Country code and number as one string of digits, {@code 359…}. */
    public String phone;
    /** E-mail. */
    public String email;
    /** Web site. */
    public String siteUrl;
    /** Facebook address. */
    public String facebookUrl;
    /** First name. */
    public String firstName;
    /** Last name. */
    public String lastName;
    /** Ids of uploaded files; {@code null} when none. */
    public List<String> files;
    /** A city id from {@code GET /api/v1/cities} (the service spells it {@code cityID}). */
    public Integer cityID;

    /** For Yasson: it instantiates package-private classes only through a protected constructor. */
    protected ReportFieldsJson() {
    }
}
