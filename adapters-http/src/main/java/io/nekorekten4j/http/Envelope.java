package io.nekorekten4j.http;

import io.nekorekten4j.domain.Violation;
import io.nekorekten4j.http.JsonCodec.Malformed;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What any answer may say besides its data, read from the typed search envelope or from an
 * answer of unknown shape.
 *
 * @param message     the service's {@code message}
 * @param httpCode    {@code server.httpCode}
 * @param serverDate  {@code server.date}, read as Sofia local time
 * @param fieldErrors the messages of {@code errors}, per field
 */
record Envelope(Optional<String> message, OptionalInt httpCode, Optional<Instant> serverDate,
                List<Violation> fieldErrors) {

    static final Envelope EMPTY = new Envelope(Optional.empty(), OptionalInt.empty(), Optional.empty(), List.of());

    Envelope {
        fieldErrors = List.copyOf(fieldErrors);
    }

    /** The envelope of the search answer, bound by Yasson. */
    static Envelope of(EnvelopeJson answer) throws Malformed {
        ServerJson server = answer.server;
        return new Envelope(message(answer.message),
                server == null ? OptionalInt.empty() : WireValues.intOf(server.httpCode, "server.httpCode"),
                server == null ? Optional.empty() : WireDates.serverDate(server.date),
                fieldErrors(answer.errors));
    }

    /** The envelope of an answer of unknown shape (writes, uploads, cities, errors). */
    static Envelope of(JsonObject object) throws Malformed {
        JsonValue server = object.get("server");
        JsonObject s = server instanceof JsonObject o ? o : null;
        return new Envelope(message(object.get("message")),
                s == null ? OptionalInt.empty() : WireValues.intOf(s.get("httpCode"), "server.httpCode"),
                s == null ? Optional.empty() : WireDates.serverDate(s.get("date")),
                fieldErrors(object.get("errors")));
    }

    /** Throws when {@code server.httpCode} is present and not 2xx: the body says the call failed. */
    void throwIfError() throws ErrorInBody {
        if (httpCode.isPresent() && (httpCode.getAsInt() < 200 || httpCode.getAsInt() > 299)) {
            throw new ErrorInBody(this);
        }
    }

    private static Optional<String> message(JsonValue message) {
        if (message instanceof JsonString s) {
            return Optional.of(s.getString()).filter(m -> !m.isBlank());
        }
        if (message instanceof JsonNumber n) {
            return Optional.of(n.toString());
        }
        if (message instanceof JsonArray list) {
            List<String> parts = new ArrayList<>();
            for (JsonValue part : list) {
                if (part instanceof JsonString s && !s.getString().isBlank()) {
                    parts.add(s.getString());
                }
            }
            return parts.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", parts));
        }
        return Optional.empty();
    }

    /** {@code errors} as {@code {field: message}}, {@code {field: [messages]}} or a list of them. */
    private static List<Violation> fieldErrors(JsonValue errors) {
        List<Violation> violations = new ArrayList<>();
        if (errors instanceof JsonObject byField) {
            for (Map.Entry<String, JsonValue> entry : byField.entrySet()) {
                addMessages(violations, entry.getKey(), entry.getValue());
            }
        } else if (errors instanceof JsonArray list) {
            for (JsonValue element : list) {
                if (element instanceof JsonString s) {
                    violations.add(new Violation("request", s.getString()));
                } else if (element instanceof JsonObject o) {
                    String field = WireValues.text(WireValues.firstPresent(o, "field", "property", "name", "path"))
                            .orElse("request");
                    addMessages(violations, field, WireValues.firstPresent(o, "message", "msg", "error"));
                }
            }
        }
        return violations;
    }

    private static void addMessages(List<Violation> violations, String field, JsonValue messages) {
        if (messages instanceof JsonString s) {
            violations.add(new Violation(field, s.getString()));
        } else if (messages instanceof JsonArray list) {
            for (JsonValue m : list) {
                if (m instanceof JsonString s) {
                    violations.add(new Violation(field, s.getString()));
                }
            }
        }
    }
}
