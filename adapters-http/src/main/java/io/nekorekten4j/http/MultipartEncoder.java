package io.nekorekten4j.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * Encodes a {@link RequestBody.Multipart} as {@code multipart/form-data} (RFC 7578), the same way
 * for both transports.
 *
 * <p>File names are user input and end up in a part header, so they are written twice, both safe:
 * {@code filename="…"} carries the name as UTF-8 the way browsers send it (what PHP-style servers
 * read), with {@code "}, {@code \}, CR, LF and every other control character percent-encoded, so
 * nothing can close the quoted string or start a new header line; {@code filename*=UTF-8''…}
 * (RFC 5987/6266) carries the exact name percent-encoded, so a Cyrillic name survives any parser
 * that prefers it.
 */
final class MultipartEncoder {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] DASHES = {'-', '-'};
    private static final int BOUNDARY_ATTEMPTS = 8;

    private MultipartEncoder() {
    }

    /**
     * An encoded body.
     *
     * @param contentType the {@code Content-Type} header value, with the boundary
     * @param body        the bytes to send
     */
    record Encoded(String contentType, byte[] body) {
        Encoded {
            Objects.requireNonNull(contentType, "contentType");
            Objects.requireNonNull(body, "body");
        }
    }

    /** Encodes {@code multipart} with a fresh random boundary that occurs in no part's content. */
    static Encoded encode(RequestBody.Multipart multipart) {
        Objects.requireNonNull(multipart, "multipart");
        for (RequestBody.Part part : multipart.parts()) {
            checkMediaType(part.mediaType());
        }
        for (int attempt = 0; attempt < BOUNDARY_ATTEMPTS; attempt++) {
            String boundary = newBoundary();
            if (occursInNoPart(boundary, multipart.parts())) {
                return encode(multipart, boundary);
            }
        }
        // 128 random bits colliding eight times in a row means the content was built to collide.
        throw new IllegalStateException("could not find a multipart boundary absent from the content");
    }

    /** Encodes with the given boundary; visible for tests that need a fixed one. */
    static Encoded encode(RequestBody.Multipart multipart, String boundary) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(estimateSize(multipart.parts()));
        byte[] boundaryBytes = boundary.getBytes(StandardCharsets.US_ASCII);
        for (RequestBody.Part part : multipart.parts()) {
            out.writeBytes(DASHES);
            out.writeBytes(boundaryBytes);
            out.writeBytes(CRLF);
            out.writeBytes(contentDisposition(part.name(), part.fileName()).getBytes(StandardCharsets.UTF_8));
            out.writeBytes(CRLF);
            out.writeBytes(("Content-Type: " + part.mediaType()).getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(CRLF);
            out.writeBytes(CRLF);
            out.writeBytes(part.content());
            out.writeBytes(CRLF);
        }
        out.writeBytes(DASHES);
        out.writeBytes(boundaryBytes);
        out.writeBytes(DASHES);
        out.writeBytes(CRLF);
        return new Encoded("multipart/form-data; boundary=" + boundary, out.toByteArray());
    }

    /** The part's {@code Content-Disposition} header line, without the line break. */
    static String contentDisposition(String name, String fileName) {
        return "Content-Disposition: form-data; name=\"" + quotedValue(name) + "\"; filename=\""
                + quotedValue(fileName) + "\"; filename*=UTF-8''" + extValue(fileName);
    }

    /**
     * The name as it may stand between quotes: UTF-8 kept, and every character that could end the
     * quoted string or the header line percent-encoded ({@code "} → {@code %22}, CR → {@code %0D},
     * LF → {@code %0A}, as the HTML standard does for form file names; also {@code \} and the other
     * control characters).
     */
    static String quotedValue(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\' || c < 0x20 || c == 0x7f) {
                appendPercent(out, c);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** RFC 5987 {@code value-chars}: attr-chars as they are, every other UTF-8 byte as {@code %XX}. */
    static String extValue(String value) {
        StringBuilder out = new StringBuilder(value.length() * 3);
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (isAttrChar(c)) {
                out.append((char) c);
            } else {
                appendPercent(out, c);
            }
        }
        return out.toString();
    }

    private static boolean isAttrChar(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "!#$&+-.^_`|~".indexOf(c) >= 0;
    }

    private static void appendPercent(StringBuilder out, int c) {
        out.append('%').append(HexFormat.of().withUpperCase().toHexDigits((byte) c));
    }

    /** A media type goes into a header as it is, so it must hold no control or non-ASCII character. */
    private static void checkMediaType(String mediaType) {
        if (mediaType.isBlank()) {
            throw new IllegalArgumentException("a part's media type must not be blank");
        }
        for (int i = 0; i < mediaType.length(); i++) {
            char c = mediaType.charAt(i);
            if (c < 0x20 || c >= 0x7f) {
                throw new IllegalArgumentException(
                        "a part's media type must be printable ASCII, found U+" + HexFormat.of().toHexDigits(c));
            }
        }
    }

    private static String newBoundary() {
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        return "nekorekten4j-" + HexFormat.of().formatHex(random);
    }

    private static boolean occursInNoPart(String boundary, List<RequestBody.Part> parts) {
        byte[] needle = boundary.getBytes(StandardCharsets.US_ASCII);
        return parts.stream().noneMatch(part -> contains(part.content(), needle));
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static int estimateSize(List<RequestBody.Part> parts) {
        long size = 64;
        for (RequestBody.Part part : parts) {
            size += part.content().length + 256L + part.fileName().length() * 4L;
        }
        return (int) Math.min(Integer.MAX_VALUE - 16, size);
    }
}
