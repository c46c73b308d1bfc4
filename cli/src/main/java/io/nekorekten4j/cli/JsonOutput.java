package io.nekorekten4j.cli;

import jakarta.json.Json;
import jakarta.json.JsonStructure;
import jakarta.json.JsonWriter;
import jakarta.json.JsonWriterFactory;
import jakarta.json.stream.JsonGenerator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/** Writes the {@code --json} documents: JSON-P (Parsson), pretty-printed, UTF-8 as the stream is. */
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
        out.println(text);
        out.flush();
    }
}
