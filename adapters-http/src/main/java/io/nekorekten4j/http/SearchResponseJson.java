package io.nekorekten4j.http;

import jakarta.json.JsonValue;
import java.util.List;

/**
 * The answer of {@code GET /api/v1/reports}, in the live shape of the reference (§2):
 * {@code items}, {@code count}, {@code currentPage}, {@code itemsPerPage}, plus the envelope.
 * Numbers are kept as {@link JsonValue} so that an overflow is caught, never wrapped. A wire DTO.
 */
final class SearchResponseJson extends EnvelopeJson {

    /** This page's reports. */
    public List<ReportJson> items;
    /** How many reports match (possibly the total over all pages). */
    public JsonValue count;
    /** This page's number, from 1. */
    public JsonValue currentPage;
    /** The page size (20 observed). */
    public JsonValue itemsPerPage;

    /** For Yasson: it instantiates package-private classes only through a protected constructor. */
    protected SearchResponseJson() {
    }
}
