package io.nekorekten4j.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Finds secrets in server text <em>after decoding it</em>, and blanks the raw characters they came
 * from. A server may echo the API key (or a searched phone or e-mail) in any encoding a web stack
 * applies on the way, so the text is decoded layer by layer — up to {@value #MAX_LAYERS} layers,
 * for text escaped twice — and each secret is looked for in the raw text and in every layer, with
 * each decoded character remembering which raw characters it came from.
 *
 * <p>The encodings decoded, in any mix within one text and with hex digits in either case:
 * <ul>
 *   <li>JSON and JavaScript escapes: <code>&#92;u0054</code>, {@code \/}, {@code \"}, {@code \\}, {@code \n}…,
 *       {@code \x54};</li>
 *   <li>percent-encoding, UTF-8 bytes included ({@code %54}, {@code %D0%98}), the old
 *       {@code %u0054}, and {@code +} for a space;</li>
 *   <li>HTML character references: {@code &#84;}, {@code &#x54;} (the {@code ;} optional) and the
 *       named ones a key, a phone, an e-mail or a web address may need ({@code &amp;},
 *       {@code &commat;}, {@code &period;}…).</li>
 * </ul>
 * Secrets match ignoring case (a key echoed upper-cased still gives most of it away), and in
 * base64 (standard and URL-safe, at each of the three byte alignments: the characters that
 * depend only on the secret's bytes). Text that ends in the middle of a secret (an excerpt cut at
 * its limit) has that beginning blanked too. Over-blanking is the safe error: a few extra
 * characters of an excerpt lost, never a secret shown. Stateless and thread safe.
 */
final class SecretRedaction {

    /** The most decoding layers applied, for text encoded several times over. */
    static final int MAX_LAYERS = 4;
    /** The shortest beginning of a secret blanked at the very end of a text. */
    static final int MIN_PARTIAL = 6;
    /** The shortest base64 form looked for: shorter ones would blank ordinary words. */
    static final int MIN_BASE64 = 8;

    private static final Map<String, Character> NAMED_REFERENCES = Map.ofEntries(
            Map.entry("amp", '&'), Map.entry("lt", '<'), Map.entry("gt", '>'), Map.entry("quot", '"'),
            Map.entry("apos", '\''), Map.entry("nbsp", ' '), Map.entry("commat", '@'), Map.entry("period", '.'),
            Map.entry("lowbar", '_'), Map.entry("hyphen", '-'), Map.entry("dash", '-'), Map.entry("colon", ':'),
            Map.entry("sol", '/'), Map.entry("plus", '+'), Map.entry("equals", '='), Map.entry("num", '#'),
            Map.entry("quest", '?'), Map.entry("percnt", '%'), Map.entry("tilde", '~'), Map.entry("bsol", '\\'));

    /** An escape cut off by the end of the text: {@code \}, <code>&#92;u00</code>, {@code %D}, {@code &#x5}… */
    private static final Pattern TRAILING_FRAGMENT = Pattern.compile(
            "(\\\\(u[0-9A-Fa-f]{0,3}|x[0-9A-Fa-f]?)?|%(u[0-9A-Fa-f]{0,3}|[0-9A-Fa-f])?|&#?[xX]?[0-9A-Za-z]{0,8})$");

    private SecretRedaction() {
    }

    /**
     * {@code text} with every occurrence of every secret, in any of the forms above, replaced by
     * {@code replacement}; overlapping occurrences are blanked as one.
     *
     * @param secrets the secrets; each at least 1 character
     */
    static String redact(String text, List<String> secrets, String replacement) {
        if (text.isEmpty() || secrets.isEmpty()) {
            return text;
        }
        List<String> needles = new ArrayList<>();
        for (String secret : secrets) {
            needles.add(secret);
            needles.addAll(base64Forms(secret));
        }
        boolean[] blank = new boolean[text.length()];
        Layer layer = Layer.raw(text);
        for (int depth = 0; depth <= MAX_LAYERS; depth++) {
            for (String needle : needles) {
                mark(layer, needle, blank);
            }
            Layer next = layer.decoded();
            if (next.text.equals(layer.text)) {
                break;
            }
            layer = next;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            if (blank[i]) {
                out.append(replacement);
                while (i < text.length() && blank[i]) {
                    i++;
                }
            } else {
                out.append(text.charAt(i++));
            }
        }
        return out.toString();
    }

    /** Marks the raw characters of every occurrence of {@code needle} in {@code layer}. */
    private static void mark(Layer layer, String needle, boolean[] blank) {
        String s = layer.text;
        int n = needle.length();
        for (int at = 0; at + n <= s.length(); at++) {
            if (matches(s, at, needle, n)) {
                layer.blank(at, at + n, blank);
            }
        }
        // The text may have been cut inside the secret (or inside an escape of it).
        int end = s.length() - trailingFragment(s);
        for (int length = n - 1; length >= MIN_PARTIAL; length--) {
            int at = end - length;
            if (at >= 0 && matches(s, at, needle, length)) {
                layer.blank(at, s.length(), blank);
                break;
            }
        }
    }

    private static int trailingFragment(String s) {
        var m = TRAILING_FRAGMENT.matcher(s.length() > 16 ? s.substring(s.length() - 16) : s);
        return m.find() ? m.end() - m.start() : 0;
    }

    private static boolean matches(String s, int at, String needle, int length) {
        for (int k = 0; k < length; k++) {
            if (!same(s.charAt(at + k), needle.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    private static boolean same(char found, char wanted) {
        return found == wanted
                || Character.toLowerCase(found) == Character.toLowerCase(wanted)
                || Character.toUpperCase(found) == Character.toUpperCase(wanted)
                || (found == '+' && wanted == ' '); // form encoding writes a space as +
    }

    /**
     * The parts of the secret's base64 forms that do not depend on the bytes around it: for each
     * alignment, the encoding of the secret behind 0, 1 or 2 other bytes, without the characters
     * that also encode those bytes or the ones after it.
     */
    static List<String> base64Forms(String secret) {
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        List<String> forms = new ArrayList<>(6);
        for (int offset = 0; offset < 3; offset++) {
            byte[] aligned = new byte[offset + bytes.length];
            System.arraycopy(bytes, 0, aligned, offset, bytes.length);
            String encoded = Base64.getEncoder().withoutPadding().encodeToString(aligned);
            int skip = offset == 0 ? 0 : offset + 1;
            int end = aligned.length % 3 == 0 ? encoded.length() : encoded.length() - 1;
            if (end - skip >= MIN_BASE64) {
                String core = encoded.substring(skip, end);
                forms.add(core);
                String urlSafe = core.replace('+', '-').replace('/', '_');
                if (!urlSafe.equals(core)) {
                    forms.add(urlSafe);
                }
            }
        }
        return forms;
    }

    /** A text, each character knowing the range of raw characters {@code [start, end)} it came from. */
    private static final class Layer {
        final String text;
        final int[] start;
        final int[] end;

        private Layer(String text, int[] start, int[] end) {
            this.text = text;
            this.start = start;
            this.end = end;
        }

        static Layer raw(String text) {
            int[] start = new int[text.length()];
            int[] end = new int[text.length()];
            for (int i = 0; i < text.length(); i++) {
                start[i] = i;
                end[i] = i + 1;
            }
            return new Layer(text, start, end);
        }

        /** Marks the raw characters behind this layer's {@code [from, to)}. */
        void blank(int from, int to, boolean[] blank) {
            for (int i = start[from]; i < end[to - 1]; i++) {
                blank[i] = true;
            }
        }

        /** This text with one layer of escapes decoded. */
        Layer decoded() {
            Builder out = new Builder(text.length());
            int i = 0;
            while (i < text.length()) {
                int used = escapeAt(i, out);
                if (used > 0) {
                    i += used;
                } else {
                    out.add(text.charAt(i), start[i], end[i]);
                    i++;
                }
            }
            return out.build();
        }

        /** Decodes the escape at {@code i} into {@code out}; how many characters it took, 0 when none. */
        private int escapeAt(int i, Builder out) {
            char c = text.charAt(i);
            if (c == '\\') {
                return backslash(i, out);
            }
            if (c == '%') {
                return percent(i, out);
            }
            if (c == '&') {
                return reference(i, out);
            }
            return 0;
        }

        private int backslash(int i, Builder out) {
            if (i + 1 >= text.length()) {
                return 0;
            }
            char kind = text.charAt(i + 1);
            if (kind == 'u' || kind == 'U') {
                int value = hex(i + 2, 4);
                return value < 0 ? 0 : emit(out, (char) value, i, 6);
            }
            if (kind == 'x' || kind == 'X') {
                int value = hex(i + 2, 2);
                return value < 0 ? 0 : emit(out, (char) value, i, 4);
            }
            char simple = switch (kind) {
                case '"', '\\', '/', '\'' -> kind;
                case 'b' -> '\b';
                case 'f' -> '\f';
                case 'n' -> '\n';
                case 'r' -> '\r';
                case 't' -> '\t';
                default -> 0;
            };
            return simple == 0 ? 0 : emit(out, simple, i, 2);
        }

        /** A run of {@code %XX} bytes, read as UTF-8 where they are UTF-8 and as Latin-1 where not; or {@code %uXXXX}. */
        private int percent(int i, Builder out) {
            if (i + 1 < text.length() && (text.charAt(i + 1) == 'u' || text.charAt(i + 1) == 'U')) {
                int value = hex(i + 2, 4);
                return value < 0 ? 0 : emit(out, (char) value, i, 6);
            }
            int count = 0;
            while (hex(i + 3 * count + 1, 2) >= 0 && text.charAt(i + 3 * count) == '%') {
                count++;
                if (i + 3 * count >= text.length()) {
                    break;
                }
            }
            if (count == 0) {
                return 0;
            }
            int[] bytes = new int[count];
            for (int k = 0; k < count; k++) {
                bytes[k] = hex(i + 3 * k + 1, 2);
            }
            int k = 0;
            while (k < count) {
                int length = utf8Length(bytes, k);
                int from = i + 3 * k;
                int to = i + 3 * (k + length);
                if (length == 1) {
                    out.add((char) bytes[k], start[from], end[to - 1]);
                } else {
                    int cp = bytes[k] & (0xFF >> (length + 1));
                    for (int b = 1; b < length; b++) {
                        cp = (cp << 6) | (bytes[k + b] & 0x3F);
                    }
                    for (char ch : Character.toChars(cp)) {
                        out.add(ch, start[from], end[to - 1]);
                    }
                }
                k += length;
            }
            return 3 * count;
        }

        /** The length of the UTF-8 sequence at {@code k}, or 1 when it is not a valid one. */
        private static int utf8Length(int[] bytes, int k) {
            int lead = bytes[k];
            int length = lead >= 0xC2 && lead <= 0xDF ? 2 : lead >= 0xE0 && lead <= 0xEF ? 3
                    : lead >= 0xF0 && lead <= 0xF4 ? 4 : 1;
            if (k + length > bytes.length) {
                return 1;
            }
            for (int b = 1; b < length; b++) {
                if ((bytes[k + b] & 0xC0) != 0x80) {
                    return 1;
                }
            }
            return length;
        }

        /** {@code &#84;}, {@code &#x54;} or a named reference, the {@code ;} optional. */
        private int reference(int i, Builder out) {
            int j = i + 1;
            if (j < text.length() && text.charAt(j) == '#') {
                j++;
                boolean isHex = j < text.length() && (text.charAt(j) == 'x' || text.charAt(j) == 'X');
                if (isHex) {
                    j++;
                }
                int digitsFrom = j;
                long value = 0;
                while (j < text.length() && j - digitsFrom < 8 && Character.digit(text.charAt(j), isHex ? 16 : 10) >= 0) {
                    value = value * (isHex ? 16 : 10) + Character.digit(text.charAt(j), isHex ? 16 : 10);
                    j++;
                }
                if (j == digitsFrom || value > Character.MAX_CODE_POINT) {
                    return 0;
                }
                if (j < text.length() && text.charAt(j) == ';') {
                    j++;
                }
                int from = i;
                int to = j;
                for (char ch : Character.toChars((int) value)) {
                    out.add(ch, start[from], end[to - 1]);
                }
                return j - i;
            }
            int nameFrom = j;
            while (j < text.length() && j - nameFrom < 8 && Character.isLetter(text.charAt(j))) {
                j++;
            }
            Character named = NAMED_REFERENCES.get(text.substring(nameFrom, j).toLowerCase(java.util.Locale.ROOT));
            if (named == null) {
                return 0;
            }
            if (j < text.length() && text.charAt(j) == ';') {
                j++;
            }
            return emit(out, named, i, j - i);
        }

        private int emit(Builder out, char c, int from, int length) {
            out.add(c, start[from], end[from + length - 1]);
            return length;
        }

        /** The value of {@code digits} hex digits at {@code from}, or -1. */
        private int hex(int from, int digits) {
            if (from < 0 || from + digits > text.length()) {
                return -1;
            }
            int value = 0;
            for (int k = from; k < from + digits; k++) {
                int d = Character.digit(text.charAt(k), 16);
                if (d < 0 || text.charAt(k) > 'f') {
                    return -1; // Character.digit also accepts full-width digits
                }
                value = value * 16 + d;
            }
            return value;
        }
    }

    private static final class Builder {
        private final StringBuilder text;
        private int[] start;
        private int[] end;

        Builder(int capacity) {
            text = new StringBuilder(capacity);
            start = new int[Math.max(capacity, 1)];
            end = new int[Math.max(capacity, 1)];
        }

        void add(char c, int from, int to) {
            int n = text.length();
            if (n == start.length) {
                start = java.util.Arrays.copyOf(start, n * 2);
                end = java.util.Arrays.copyOf(end, n * 2);
            }
            text.append(c);
            start[n] = from;
            end[n] = to;
        }

        Layer build() {
            return new Layer(text.toString(), start, end);
        }
    }
}
