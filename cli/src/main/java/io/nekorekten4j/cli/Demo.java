package io.nekorekten4j.cli;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonStructure;
import java.io.PrintWriter;

/**
 * How output produced on the embedded fake ({@code --demo}) says so: its first line for people,
 * {@code "demo": true} first in JSON. Demo answers are made up; whoever reads the output (a person,
 * a script, a colleague the file is mailed to) must not take them for nekorekten.com's.
 */
final class Demo {

    /** The first line of every human output, and the {@code notice} of every JSON one, on the demo fake. */
    static final String NOTICE = "DEMO: the embedded fake with made-up data, not nekorekten.com "
            + "- nothing here was checked with or filed at the real service (--demo)";

    /** What {@code --demo} writes on stderr before it starts. */
    static final String STDERR_NOTE = "--demo: using the embedded fake with made-up demo data, not nekorekten.com.";

    private Demo() {
    }

    /** Prints {@link #NOTICE} as the first line when {@code demo}. */
    static void printNotice(boolean demo, PrintWriter out) {
        if (demo) {
            out.println(NOTICE);
        }
    }

    /**
     * {@code document}, marked when {@code demo}: an object gets {@code "demo": true} and
     * {@code "notice"} as its first members; an array is wrapped as
     * {@code {"demo": true, "notice": ..., "items": [...]}}. Unchanged when not {@code demo}.
     */
    static JsonStructure mark(JsonStructure document, boolean demo) {
        if (!demo) {
            return document;
        }
        JsonObjectBuilder marked = Json.createObjectBuilder().add("demo", true).add("notice", NOTICE);
        if (document instanceof JsonArray array) {
            return marked.add("items", array).build();
        }
        ((JsonObject) document).forEach(marked::add);
        return marked.build();
    }
}
