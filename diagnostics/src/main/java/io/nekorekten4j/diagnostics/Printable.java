package io.nekorekten4j.diagnostics;

/**
 * Makes text that came from the server (field names, messages, excerpts) safe to print: control
 * characters (C0, DEL, C1), line and paragraph separators and bidi overrides become {@code \}{@code uXXXX}
 * escapes, so no answer can forge a line of the report or reorder what a terminal shows, and the
 * length is capped.
 */
final class Printable {

    /** The longest server text a report line carries. */
    static final int MAX = 120;

    private Printable() {
    }

    /** {@code text}, escaped and cut to {@link #MAX} characters (with an ellipsis when cut). */
    static String of(String text) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX) + 8);
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (out.length() >= MAX) {
                out.append('…');
                break;
            }
            if (unsafe(cp)) {
                out.append(String.format("\\u%04X", cp));
            } else {
                out.appendCodePoint(cp);
            }
        }
        return out.toString();
    }

    private static boolean unsafe(int cp) {
        return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)          // C0, DEL, C1 (NEL among them)
                || cp == 0x2028 || cp == 0x2029                  // line and paragraph separators
                || cp == 0x200E || cp == 0x200F || cp == 0x061C   // direction marks
                || (cp >= 0x202A && cp <= 0x202E)                // bidi embeddings and overrides
                || (cp >= 0x2066 && cp <= 0x2069)                // bidi isolates
                || cp == 0xFEFF                                  // a byte order mark inside text
                || Character.getType(cp) == Character.SURROGATE; // half of a broken pair
    }
}
