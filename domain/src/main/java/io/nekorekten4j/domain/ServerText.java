package io.nekorekten4j.domain;

import java.util.Objects;

/**
 * Makes text that came from a server safe to put in an exception message, a {@code toString()}, a
 * log line or a terminal: one line, no invisible or reordering characters, bounded length.
 *
 * <p>The rules, applied code point by code point:
 * <ul>
 *   <li>line breaks and other whitespace controls ({@code TAB LF VT FF CR}, NEL {@code U+0085},
 *       the line and paragraph separators {@code U+2028 U+2029}) become one space, and runs of
 *       spaces collapse to one — a server cannot start a new line of a log;</li>
 *   <li>every other {@linkplain #isForbidden forbidden} code point — C0 and C1 controls, DEL,
 *       format characters (bidi overrides and isolates {@code U+202A–U+202E U+2066–U+2069}, marks,
 *       zero-width characters, Unicode tags), unpaired surrogates and noncharacters — is written as
 *       a visible escape, <code>&#92;u001B</code> (or <code>&#92;u{E0041}</code> above {@code U+FFFF}), so that it can
 *       neither act on a terminal nor hide: an escape is made of ASCII letters and digits only;</li>
 *   <li>the result is stripped and cut to at most {@code maxLength} characters, the last being
 *       {@code …} when something was cut; a cut never splits a surrogate pair or an escape.</li>
 * </ul>
 * Printable text, Cyrillic included, is kept as it is. Invalid bytes are not this class's
 * concern: text decoded leniently already holds {@code U+FFFD} for them, which is kept.
 *
 * <p>It lives in the domain so that every layer uses the same rules: the ports' exceptions apply it
 * to everything they hold ({@code ErrorContext}, messages and cause chains, field errors, IP
 * addresses), domain values apply it in {@code toString()} to the server's text they carry, and
 * the command line to what it prints. Thread safe; stateless.
 */
public final class ServerText {

    /** The cap of {@link #sanitise(String)}, in characters. */
    public static final int DEFAULT_MAX_LENGTH = 500;

    private static final char ELLIPSIS = '…';
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private ServerText() {
    }

    /** {@code text} made safe and cut to {@value #DEFAULT_MAX_LENGTH} characters. */
    public static String sanitise(String text) {
        return sanitise(text, DEFAULT_MAX_LENGTH);
    }

    /**
     * {@code text} made safe and cut to at most {@code maxLength} characters (see the class
     * comment).
     *
     * @param text      the server's text
     * @param maxLength the longest result, at least 1
     * @throws NullPointerException     when {@code text} is {@code null}
     * @throws IllegalArgumentException when {@code maxLength} is below 1
     */
    public static String sanitise(String text, int maxLength) {
        Objects.requireNonNull(text, "text");
        if (maxLength < 1) {
            throw new IllegalArgumentException("maxLength must be 1 or more, got " + maxLength);
        }
        if (text.length() <= maxLength && isAlreadySafe(text)) {
            return text; // the common case (a method, a path, a plain message): nothing to copy
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), maxLength) + 8);
        boolean cut = false;
        boolean pendingSpace = false;
        for (int i = 0; i < text.length() && !cut; ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (isLineBreakOrSpace(cp)) {
                pendingSpace = out.length() > 0;
                continue;
            }
            String escaped = isForbidden(cp) ? escape(cp) : null;
            int needed = (pendingSpace ? 1 : 0) + (escaped != null ? escaped.length() : Character.charCount(cp));
            if (out.length() + needed > maxLength) {
                cut = true;
                break;
            }
            if (pendingSpace) {
                out.append(' ');
                pendingSpace = false;
            }
            if (escaped != null) {
                out.append(escaped);
            } else {
                out.appendCodePoint(cp);
            }
        }
        if (!cut) {
            return out.toString();
        }
        // Make room for the ellipsis without splitting a pair or an escape: pieces were appended
        // whole, so dropping whole pieces from the end keeps that true.
        while (out.length() > maxLength - 1) {
            dropLastPiece(out);
        }
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == ' ') {
            end--;
        }
        out.setLength(end);
        return out.append(ELLIPSIS).toString();
    }

    /**
     * Whether {@code codePoint} may never appear in sanitised text: a control (C0, DEL, C1), a
     * format character (category Cf: bidi controls, zero-width characters, tags…), a line or
     * paragraph separator, a surrogate standing alone, or a noncharacter.
     */
    public static boolean isForbidden(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE
                || isNoncharacter(codePoint);
    }

    /**
     * Whether {@link #sanitise} would give {@code text} back unchanged, length aside: no forbidden
     * code point, no line break or whitespace control, and spaces only single and between other
     * characters.
     */
    private static boolean isAlreadySafe(String text) {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (cp == ' ') {
                if (i == 0 || i == text.length() - 1 || text.charAt(i - 1) == ' ') {
                    return false;
                }
            } else if (isLineBreakOrSpace(cp) || isForbidden(cp)) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return true;
    }

    private static boolean isLineBreakOrSpace(int cp) {
        return cp == ' ' || cp == '\t' || cp == '\n' || cp == 0x0B || cp == '\f' || cp == '\r' || cp == 0x85
                || cp == 0x2028 || cp == 0x2029;
    }

    private static boolean isNoncharacter(int cp) {
        return (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE;
    }

    private static String escape(int cp) {
        StringBuilder s = new StringBuilder(10).append("\\u");
        if (cp > 0xFFFF) {
            s.append('{');
            appendHex(s, cp, cp > 0xFFFFF ? 6 : 5);
            return s.append('}').toString();
        }
        appendHex(s, cp, 4);
        return s.toString();
    }

    private static void appendHex(StringBuilder s, int value, int digits) {
        for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
            s.append(HEX[(value >> shift) & 0xF]);
        }
    }

    /** Removes the last appended piece: a space, an escape, a surrogate pair or one character. */
    private static void dropLastPiece(StringBuilder out) {
        int n = out.length();
        int escapeStart = escapeStartingBefore(out, n);
        if (escapeStart >= 0) {
            out.setLength(escapeStart);
        } else if (n >= 2 && Character.isLowSurrogate(out.charAt(n - 1)) && Character.isHighSurrogate(out.charAt(n - 2))) {
            out.setLength(n - 2);
        } else {
            out.setLength(n - 1);
        }
    }

    /** Where an escape ending at {@code end} starts, or -1 when the text does not end with one. */
    private static int escapeStartingBefore(StringBuilder out, int end) {
        if (end >= 6 && out.charAt(end - 6) == '\\' && out.charAt(end - 5) == 'u' && isHex(out, end - 4, end)) {
            return end - 6;
        }
        if (end >= 1 && out.charAt(end - 1) == '}') {
            int open = out.lastIndexOf("\\u{", end);
            if (open >= 0 && end - open <= 10 && isHex(out, open + 3, end - 1)) {
                return open;
            }
        }
        return -1;
    }

    private static boolean isHex(StringBuilder s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'F'))) {
                return false;
            }
        }
        return to > from;
    }
}
