package io.nekorekten4j.http;

import jakarta.json.JsonValue;

/** The {@code server} block of an answer: {@code date} (Sofia local time) and {@code httpCode}. A wire DTO. */
final class ServerJson {

    /** {@code yyyy-MM-dd HH:mm:ss} in Europe/Sofia, as observed; other forms tolerated. */
    public JsonValue date;
    /** The status the service meant, which may contradict the status line. */
    public JsonValue httpCode;

    /** For Yasson: it instantiates package-private classes only through a protected constructor. */
    protected ServerJson() {
    }
}
