package io.nekorekten4j.fakeserver;

import io.nekorekten4j.domain.ServerText;
import io.nekorekten4j.domain.ValidationException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A {@code multipart/form-data} body (RFC 7578) split into its parts, without trusting it: the
 * body is already in memory and bounded by the caller, the boundary must be a valid one
 * (RFC 2046: 1–70 characters), a part's header block is at most {@value #MAX_HEADER_BYTES} bytes,
 * and there are at most {@value #MAX_PARTS} parts. The delimiter is searched with
 * Knuth–Morris–Pratt, so a body crafted with near-boundaries costs linear time.
 *
 * <p>A part's file name is read from {@code filename*} (RFC 5987, percent-encoded UTF-8) when
 * present, else from {@code filename} (a quoted string, raw UTF-8, as browsers send it); any
 * directory a client put before the name ({@code C:\Users\…\photo.jpg}) is cut off.
 */
final class Multipart {

    /** The most parts read. */
    static final int MAX_PARTS = 64;
    /** The largest header block of one part. */
    static final int MAX_HEADER_BYTES = 8 * 1024;

    private static final int MAX_BOUNDARY = 70;
    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] HEADER_END = {'\r', '\n', '\r', '\n'};
    private static final int[] HEADER_END_TABLE = table(HEADER_END);

    private Multipart() {
    }

    /**
     * One part.
     *
     * @param name        the form field's name, e.g. {@code files[]}
     * @param fileName    the file's base name, or {@code null} for a plain field
     * @param contentType the part's {@code Content-Type}, or {@code null}
     * @param content     the part's bytes
     */
    record Part(String name, String fileName, String contentType, byte[] content) {
        Part {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(content, "content");
        }

        /** Names the part and its size, never the file's name or bytes. */
        @Override
        public String toString() {
            return "Part[" + ServerText.sanitise(name, 64) + ", " + content.length + " bytes]";
        }
    }

    /**
     * The boundary of a {@code multipart/form-data} content type.
     *
     * @throws ValidationException (field {@code body}) when the type is not multipart/form-data or
     *                             has no valid boundary
     */
    static String boundary(String contentType) {
        if (contentType == null) {
            throw new ValidationException("body", "send the files as multipart/form-data");
        }
        List<String> segments = splitParameters(contentType);
        if (!segments.get(0).strip().equalsIgnoreCase("multipart/form-data")) {
            throw new ValidationException("body", "send the files as multipart/form-data");
        }
        Map<String, String> parameters = parameters(segments);
        String boundary = parameters.get("boundary");
        if (boundary == null || boundary.isEmpty() || boundary.length() > MAX_BOUNDARY || boundary.endsWith(" ")
                || !boundary.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            throw new ValidationException("body", "the multipart body has no valid boundary");
        }
        return boundary;
    }

    /**
     * The parts of {@code body}, in order.
     *
     * @throws ValidationException (field {@code body}) when the body is not well-formed multipart
     */
    static List<Part> parse(byte[] body, String boundary) {
        byte[] dashBoundary = ("--" + boundary).getBytes(StandardCharsets.US_ASCII);
        byte[] delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.US_ASCII);
        int[] delimiterTable = table(delimiter);
        // The first boundary may open the body, or follow a preamble and a line break.
        int position;
        if (startsWith(body, 0, dashBoundary)) {
            position = dashBoundary.length;
        } else {
            int at = indexOf(body, delimiter, delimiterTable, 0, body.length);
            if (at < 0) {
                throw malformed("no boundary");
            }
            position = at + delimiter.length;
        }
        List<Part> parts = new ArrayList<>();
        while (true) {
            if (startsWith(body, position, new byte[] {'-', '-'})) {
                return parts; // the close delimiter; an epilogue may follow and is ignored
            }
            position = skipTransportPadding(body, position);
            if (!startsWith(body, position, CRLF)) {
                throw malformed("a boundary is not followed by a line break");
            }
            position += CRLF.length;
            if (parts.size() == MAX_PARTS) {
                throw new ValidationException("files", "at most " + MAX_PARTS + " parts are read");
            }
            // Looked for within the header limit only, so that a part without headers costs little.
            int headersEnd = indexOf(body, HEADER_END, HEADER_END_TABLE, position,
                    Math.min(body.length, position + MAX_HEADER_BYTES + HEADER_END.length));
            int contentStart;
            String headerBlock;
            if (startsWith(body, position, CRLF)) {
                headerBlock = "";
                contentStart = position + CRLF.length;
            } else if (headersEnd < 0) {
                throw malformed("a part's headers do not end, or are longer than " + MAX_HEADER_BYTES + " bytes");
            } else {
                headerBlock = new String(body, position, headersEnd - position, StandardCharsets.UTF_8);
                contentStart = headersEnd + HEADER_END.length;
            }
            int contentEnd = indexOf(body, delimiter, delimiterTable, contentStart, body.length);
            if (contentEnd < 0) {
                throw malformed("a part is not closed by a boundary");
            }
            parts.add(part(headerBlock, Arrays.copyOfRange(body, contentStart, contentEnd)));
            position = contentEnd + delimiter.length;
        }
    }

    private static Part part(String headerBlock, byte[] content) {
        String disposition = null;
        String contentType = null;
        for (String line : headerBlock.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                if (!line.isEmpty()) {
                    throw malformed("a part has a header line without a name");
                }
                continue;
            }
            String name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            if (name.equals("content-disposition")) {
                disposition = value;
            } else if (name.equals("content-type")) {
                contentType = value;
            }
        }
        if (disposition == null) {
            throw malformed("a part has no Content-Disposition");
        }
        List<String> segments = splitParameters(disposition);
        if (!segments.get(0).strip().equalsIgnoreCase("form-data")) {
            throw malformed("a part is not form-data");
        }
        Map<String, String> parameters = parameters(segments);
        String name = parameters.get("name");
        if (name == null) {
            throw malformed("a part has no name");
        }
        String fileName = parameters.containsKey("filename*") ? extValue(parameters.get("filename*"))
                : parameters.get("filename");
        return new Part(name, fileName == null ? null : baseName(fileName), contentType, content);
    }

    /** {@code a; b="c;d"; e=f} split at the semicolons that are not inside quotes. */
    private static List<String> splitParameters(String header) {
        List<String> segments = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (quoted && c == '\\' && i + 1 < header.length()) {
                current.append(c).append(header.charAt(++i));
                continue;
            }
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ';' && !quoted) {
                segments.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        segments.add(current.toString());
        return segments;
    }

    /** The {@code name=value} parameters after the first segment; names lower-cased, quotes removed. */
    private static Map<String, String> parameters(List<String> segments) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String segment : segments.subList(1, segments.size())) {
            int eq = segment.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String name = segment.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            String value = segment.substring(eq + 1).strip();
            parameters.putIfAbsent(name, unquote(value));
        }
        return parameters;
    }

    private static String unquote(String value) {
        if (value.length() < 2 || value.charAt(0) != '"' || value.charAt(value.length() - 1) != '"') {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 1; i < value.length() - 1; i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length() - 1) {
                c = value.charAt(++i);
            }
            out.append(c);
        }
        return out.toString();
    }

    /** An RFC 5987 {@code ext-value}: {@code UTF-8'lang'percent-encoded}. */
    private static String extValue(String value) {
        int first = value.indexOf('\'');
        int second = first < 0 ? -1 : value.indexOf('\'', first + 1);
        if (second < 0) {
            throw malformed("a filename* is not charset'language'value");
        }
        String charset = value.substring(0, first);
        if (!charset.equalsIgnoreCase("UTF-8")) {
            throw malformed("a filename* is not in UTF-8");
        }
        String encoded = value.substring(second + 1);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%') {
                if (i + 2 >= encoded.length() || Character.digit(encoded.charAt(i + 1), 16) < 0
                        || Character.digit(encoded.charAt(i + 2), 16) < 0) {
                    throw malformed("a filename* has a broken percent-escape");
                }
                bytes.write(Character.digit(encoded.charAt(i + 1), 16) * 16 + Character.digit(encoded.charAt(i + 2), 16));
                i += 2;
            } else if (c < 0x80) {
                bytes.write(c);
            } else {
                throw malformed("a filename* holds a character that must be percent-encoded");
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** The name after the last {@code /} or {@code \}: a client may send the whole path. */
    private static String baseName(String fileName) {
        int cut = Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\'));
        return fileName.substring(cut + 1);
    }

    /** RFC 2046 allows spaces and tabs between a boundary and its line break. */
    private static int skipTransportPadding(byte[] body, int position) {
        int p = position;
        while (p < body.length && (body[p] == ' ' || body[p] == '\t')) {
            p++;
        }
        return p;
    }

    private static boolean startsWith(byte[] body, int offset, byte[] prefix) {
        if (offset < 0 || offset + prefix.length > body.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (body[offset + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** The Knuth–Morris–Pratt failure table of {@code pattern}. */
    private static int[] table(byte[] pattern) {
        int[] fail = new int[pattern.length];
        int k = 0;
        for (int i = 1; i < pattern.length; i++) {
            while (k > 0 && pattern[i] != pattern[k]) {
                k = fail[k - 1];
            }
            if (pattern[i] == pattern[k]) {
                k++;
            }
            fail[i] = k;
        }
        return fail;
    }

    /**
     * The first index of {@code pattern} in {@code text[from, to)}, or -1; linear time, {@code fail}
     * being the pattern's {@link #table}.
     */
    static int indexOf(byte[] text, byte[] pattern, int[] fail, int from, int to) {
        int k = 0;
        for (int i = Math.max(0, from); i < to; i++) {
            while (k > 0 && text[i] != pattern[k]) {
                k = fail[k - 1];
            }
            if (text[i] == pattern[k]) {
                k++;
            }
            if (k == pattern.length) {
                return i - pattern.length + 1;
            }
        }
        return -1;
    }

    private static ValidationException malformed(String why) {
        return new ValidationException("body", "the multipart body is malformed: " + why);
    }
}
