package io.nekorekten4j.http;

import jakarta.json.JsonValue;

/**
 * The parts every answer of the service may carry: its human {@code message}, the {@code server}
 * block and, on validation errors, {@code errors}. Unknown shapes are kept as {@link JsonValue} and
 * read defensively by {@link Envelope}. A wire DTO: public fields for Yasson, no logic.
 */
class EnvelopeJson {

    /** The service's message: usually a string or {@code null}. */
    public JsonValue message;
    /** {@code {"date": "2026-02-27 20:22:33", "httpCode": 200}}. */
    public ServerJson server;
    /** Field errors of a 400/422, shape unknown: an object {field: message} or a list. */
    public JsonValue errors;

    /** For Yasson: it instantiates package-private classes only through a protected constructor. */
    protected EnvelopeJson() {
    }
}
