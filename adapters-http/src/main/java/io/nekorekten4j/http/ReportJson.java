package io.nekorekten4j.http;

import jakarta.json.JsonValue;
import java.util.List;

/**
 * One report as the service returns it (an element of {@code items}, or a reply in
 * {@code children}). Names and e-mails come masked; {@code phone} comes as {@code +359…}. Fields of
 * unseen or varying shape ({@code city}, {@code parent}, {@code children}, {@code files},
 * {@code createDate}, the counters, the id) are {@link JsonValue}. {@code children} are reports of
 * this shape; their depth is bounded by {@link JsonCodec#MAX_DEPTH}. A wire DTO.
 */
final class ReportJson {

    /** The report's id, e.g. {@code 6PpAbCdEfG}. */
    public JsonValue id;
    /** First name of the reported person, masked. */
    public String firstName;
    /** Last name of the reported person, masked. */
    public String lastName;
    /** E-mail of the reported person, masked. */
    public String email;
    /** Phone of the reported person, {@code +359…}. */
    public String phone;
    /** What happened. */
    public String text;
    /** Facebook address. */
    public String facebookUrl;
    /** Web site. */
    public String siteUrl;
    /** The account that filed the report. */
    public UserJson user;
    /** The city: an object of unseen shape, a name or an id. */
    public JsonValue city;
    /** The report this one replies to: null, an id or an object. */
    public JsonValue parent;
    /** Replies: reports of the same shape. */
    public List<ReportJson> children;
    /** Attached files: a list of objects with {@code previewUrl}. */
    public JsonValue files;
    /** ISO-8601 with an offset, as observed; other forms tolerated. */
    public JsonValue createDate;
    /** View count. */
    public JsonValue views;
    /** Like count. */
    public JsonValue liked;

    /** For Yasson: it instantiates package-private classes only through a protected constructor. */
    protected ReportJson() {
    }
}
