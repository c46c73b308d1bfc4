package io.nekorekten4j.diagnostics;

import io.nekorekten4j.domain.ServerText;

/**
 * Server text (field names, messages, excerpts) as a line of the doctor's report may carry it: the
 * project's one set of rules ({@link ServerText}: no line breaks, control or bidi characters), cut
 * shorter than an exception message, since a report line holds several.
 */
final class Printable {

    /** The longest server text a report line carries. */
    static final int MAX = 120;

    private Printable() {
    }

    /** {@code text}, made safe and cut to {@link #MAX} characters. */
    static String of(String text) {
        return ServerText.sanitise(text, MAX);
    }
}
