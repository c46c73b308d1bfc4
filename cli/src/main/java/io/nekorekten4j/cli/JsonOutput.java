package io.nekorekten4j.cli;

import io.nekorekten4j.domain.ServerText;
import jakarta.json.Json;
import jakarta.json.JsonStructure;
import jakarta.json.JsonWriter;
import jakarta.json.JsonWriterFactory;
import jakarta.json.stream.JsonGenerator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/**
 * Writes the {@code --json} documents: JSON-P (Parsson), pretty-printed, UTF-8 as the stream is,
 * and {@linkplain #terminalSafe safe for a terminal}: the service's text inside a document keeps
 * every character, but those that could act on a terminal or reorder a line are JSON escapes.
 */
final class JsonOutput {

    private static final JsonWriterFactory WRITERS = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));

    private JsonOutput() {
    }

    /** Writes {@code document}, marked as {@link Demo#mark demo output} when {@code demo}, and a line end; flushes. */
    static void write(JsonStructure document, boolean demo, PrintWriter out) {
        write(Demo.mark(document, demo), out);
    }

    /** Writes {@code document} and a line end, and flushes. */
    static void write(JsonStructure document, PrintWriter out) {
        // A JSON writer closes the stream it writes to when it is closed: write to a buffer of its own.
        StringWriter text = new StringWriter();
        try (JsonWriter writer = WRITERS.createWriter(text)) {
            writer.write(document);
        }
        out.println(terminalSafe(text.toString()));
        out.flush();
    }

    /**
     * {@code json} with every {@linkplain ServerText#isForbidden forbidden} character from DEL up
     * (DEL, C1 controls such as CSI {@code U+009B}, bidi overrides and isolates, zero-width and
     * tag characters, lone surrogates, noncharacters) written as a JSON escape
     * (<code>&#92;u202E</code>; a pair of escapes above {@code U+FFFF}). JSON-P escapes C0 controls inside
     * strings but leaves these as they are, and a terminal would act on them: the service's text
     * could then hide or reorder what the user reads. The document means the same: outside its
     * strings a JSON text holds only ASCII, so every such character is inside a string, where an
     * escape is the same character; C0 characters left in the text are the writer's own
     * whitespace.
     */
    static String terminalSafe(String json) {
        StringBuilder safe = null;
        for (int i = 0; i < json.length(); ) {
            int cp = json.codePointAt(i);
            int width = Character.charCount(cp);
            if (cp >= 0x7F && ServerText.isForbidden(cp)) {
                if (safe == null) {
                    safe = new StringBuilder(json.length() + 16).append(json, 0, i);
                }
                for (char c : Character.toChars(cp)) {
                    safe.append(String.format("\\u%04X", (int) c));
                }
            } else if (safe != null) {
                safe.append(json, i, i + width);
            }
            i += width;
        }
        return safe == null ? json : safe.toString();
    }
}
