package io.nekorekten4j.cli;

import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.StringReader;

/** Parses what a {@code --json} run printed, so tests check structure, not text. */
final class JsonText {

    private JsonText() {
    }

    /** The document {@code text} holds. */
    static JsonStructure parse(String text) {
        try (var reader = jakarta.json.Json.createReader(new StringReader(text))) {
            return reader.read();
        }
    }

    /** The object {@code text} holds. */
    static JsonObject object(String text) {
        return parse(text).asJsonObject();
    }
}
