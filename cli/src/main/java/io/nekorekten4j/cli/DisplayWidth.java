package io.nekorekten4j.cli;

/**
 * How many terminal columns a text takes: one per code point, none for combining marks and other
 * zero-width characters, two for East Asian wide characters and emoji. {@code String.length()}
 * counts UTF-16 units instead, which misaligns any table holding a surrogate pair or a combining
 * accent ({@code И} + U+0306 is one column, {@code Й}).
 */
final class DisplayWidth {

    private DisplayWidth() {
    }

    /** The columns {@code text} takes in a terminal. */
    static int of(String text) {
        int width = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            width += of(cp);
            i += Character.charCount(cp);
        }
        return width;
    }

    /** The columns one code point takes: 0, 1 or 2. */
    static int of(int codePoint) {
        int type = Character.getType(codePoint);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.FORMAT || type == Character.CONTROL
                || codePoint == 0x200B || (codePoint >= 0x1160 && codePoint <= 0x11FF)) {
            return 0;
        }
        return isWide(codePoint) ? 2 : 1;
    }

    /**
     * {@code text} cut to at most {@code columns} columns, ending in {@code …} when it was cut;
     * never splits a code point or separates a letter from its combining marks.
     */
    static String truncate(String text, int columns) {
        if (columns < 1) {
            throw new IllegalArgumentException("columns must be at least 1, got " + columns);
        }
        if (of(text) <= columns) {
            return text;
        }
        StringBuilder cut = new StringBuilder();
        int used = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int w = of(cp);
            if (used + w > columns - 1) {
                break;
            }
            cut.appendCodePoint(cp);
            used += w;
            i += Character.charCount(cp);
        }
        return cut.append('…').toString();
    }

    /** {@code text} followed by spaces up to {@code columns} columns. */
    static String pad(String text, int columns) {
        int missing = columns - of(text);
        return missing <= 0 ? text : text + " ".repeat(missing);
    }

    // The wide ranges of Unicode's East Asian Width property (W and F) that a terminal draws in two
    // columns: Hangul Jamo, CJK, Hangul syllables, compatibility forms, full-width forms, emoji.
    private static boolean isWide(int cp) {
        return (cp >= 0x1100 && cp <= 0x115F)
                || (cp >= 0x2E80 && cp <= 0x303E)
                || (cp >= 0x3041 && cp <= 0x33FF)
                || (cp >= 0x3400 && cp <= 0x4DBF)
                || (cp >= 0x4E00 && cp <= 0x9FFF)
                || (cp >= 0xA000 && cp <= 0xA4CF)
                || (cp >= 0xAC00 && cp <= 0xD7A3)
                || (cp >= 0xF900 && cp <= 0xFAFF)
                || (cp >= 0xFE30 && cp <= 0xFE4F)
                || (cp >= 0xFF00 && cp <= 0xFF60)
                || (cp >= 0xFFE0 && cp <= 0xFFE6)
                || (cp >= 0x1F300 && cp <= 0x1F64F)
                || (cp >= 0x1F900 && cp <= 0x1F9FF)
                || (cp >= 0x20000 && cp <= 0x3FFFD);
    }
}
