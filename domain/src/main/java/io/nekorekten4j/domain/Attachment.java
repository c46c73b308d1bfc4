package io.nekorekten4j.domain;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A file to upload with {@code POST /api/v1/files}, checked before any request: a safe base name
 * with an extension the service accepts, content that is not empty, not over a size cap, and whose
 * magic bytes match the extension (a {@code .jpg} that is really a ZIP or an executable is
 * refused). Immutable; the content is copied in and out.
 *
 * <p>Every broken rule is reported at once in one {@link ValidationException}, each under the
 * field {@code files}.
 */
public final class Attachment {

    /** The default size cap: 10 MiB. */
    public static final long DEFAULT_MAX_BYTES = 10L * 1024 * 1024;

    /** The field violations are reported under, as the API names it. */
    static final String FIELD = "files";

    static final int MAX_NAME_LENGTH = 255;

    /** The largest array the JVM reliably allocates. */
    private static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

    private final String fileName;
    private final FileType type;
    private final byte[] content;

    private Attachment(String fileName, FileType type, byte[] content) {
        this.fileName = fileName;
        this.type = type;
        this.content = content;
    }

    /**
     * Reads a file, capped at {@link #DEFAULT_MAX_BYTES}.
     *
     * @see #of(Path, long)
     */
    public static Attachment of(Path file) {
        return of(file, DEFAULT_MAX_BYTES);
    }

    /**
     * Reads a file. Its size is checked before reading, so a file over the cap is never loaded.
     * The attachment's name is the file's base name.
     *
     * @param file     the file to read
     * @param maxBytes the size cap, positive
     * @throws ValidationException      if the name, the content or the size breaks a rule, or the
     *                                  file is missing or cannot be read
     * @throws IllegalArgumentException if {@code maxBytes} is not positive
     */
    public static Attachment of(Path file, long maxBytes) {
        Objects.requireNonNull(file, "file");
        requirePositive(maxBytes);
        List<Violation> violations = new ArrayList<>();
        Path base = file.getFileName();
        String name = base == null ? "" : base.toString();
        FileType type = checkName(name, violations);
        byte[] content = read(file, name, maxBytes, violations);
        if (content != null) {
            checkContent(name, type, content, maxBytes, violations);
        }
        return create(name, type, content, violations);
    }

    /**
     * An attachment from bytes in memory, capped at {@link #DEFAULT_MAX_BYTES}.
     *
     * @see #of(String, byte[], long)
     */
    public static Attachment of(String fileName, byte[] content) {
        return of(fileName, content, DEFAULT_MAX_BYTES);
    }

    /**
     * An attachment from bytes in memory. The bytes are copied; later changes to the array do not
     * affect the attachment.
     *
     * @param fileName the base name to upload under, with its extension (Cyrillic is fine)
     * @param content  the file's bytes
     * @param maxBytes the size cap, positive
     * @throws ValidationException      if the name, the content or the size breaks a rule
     * @throws IllegalArgumentException if {@code maxBytes} is not positive
     */
    public static Attachment of(String fileName, byte[] content, long maxBytes) {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(content, "content");
        requirePositive(maxBytes);
        byte[] copy = content.clone(); // validate the copy we keep, not an array the caller may change
        List<Violation> violations = new ArrayList<>();
        FileType type = checkName(fileName, violations);
        checkContent(fileName, type, copy, maxBytes, violations);
        return create(fileName, type, copy, violations);
    }

    /** The base name, as given (e.g. {@code снимка.jpg}). */
    public String fileName() {
        return fileName;
    }

    /** The type, from the extension (and confirmed by the content). */
    public FileType type() {
        return type;
    }

    /** The media type to send, e.g. {@code image/jpeg}. */
    public String mediaType() {
        return type.mediaType();
    }

    /** The size in bytes. */
    public long size() {
        return content.length;
    }

    /** A copy of the content. */
    public byte[] content() {
        return content.clone();
    }

    /** A new stream over the content; each call starts from the beginning. */
    public InputStream openStream() {
        return new ByteArrayInputStream(content);
    }

    /** Equal when name, type and content are equal. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Attachment other
                && fileName.equals(other.fileName)
                && type == other.type
                && Arrays.equals(content, other.content);
    }

    /** Consistent with {@link #equals(Object)}. */
    @Override
    public int hashCode() {
        return Objects.hash(fileName, type) * 31 + Arrays.hashCode(content);
    }

    /** Name, type and size — never the content. */
    @Override
    public String toString() {
        return "Attachment[name=" + fileName + ", type=" + type + ", size=" + content.length + "]";
    }

    // ---- rules ------------------------------------------------------------------------------

    private static void requirePositive(long maxBytes) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive, was " + maxBytes);
        }
    }

    private static Attachment create(String name, FileType type, byte[] content, List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        return new Attachment(name, type, content);
    }

    /** Checks the name; returns its type when the extension is allowed, else {@code null}. */
    private static FileType checkName(String name, List<Violation> violations) {
        if (name.isBlank()) {
            violations.add(violation("a file name is required"));
            return null;
        }
        String shown = quote(name);
        if (name.length() > MAX_NAME_LENGTH) {
            violations.add(violation("file name " + shown + " is " + name.length()
                    + " characters long, longer than the " + MAX_NAME_LENGTH + " allowed"));
        }
        if (name.indexOf('/') >= 0 || name.indexOf('\\') >= 0) {
            violations.add(violation("file name " + shown
                    + " must be a base name, without path separators ('/' or '\\')"));
        }
        if (name.codePoints().anyMatch(Attachment::isForbiddenCharacter)) {
            violations.add(violation("file name " + shown
                    + " must not contain control characters (CR, LF, NUL, ...) or bidirectional overrides"));
        }
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1);
        if (ext.isEmpty()) {
            violations.add(violation("file name " + shown + " has no extension; allowed: "
                    + FileType.allowedExtensions()));
            return null;
        }
        FileType type = FileType.ofExtension(ext).orElse(null);
        if (type == null) {
            violations.add(violation("extension " + quote("." + ext) + " of " + shown
                    + " is not allowed; allowed: " + FileType.allowedExtensions()));
        }
        return type;
    }

    private static void checkContent(String name, FileType type, byte[] content, long maxBytes,
                                     List<Violation> violations) {
        if (content.length == 0) {
            violations.add(violation("file " + quote(name) + " is empty"));
            return;
        }
        if (content.length > maxBytes) {
            violations.add(tooLarge(name, content.length, maxBytes));
        }
        if (type != null && !type.matches(content)) {
            String seen = MagicBytes.sniff(content).map(s -> " (it looks like " + s + ")").orElse("");
            violations.add(violation("content of " + quote(name) + " does not look like "
                    + type.description() + seen));
        }
    }

    /**
     * Reads the file if it exists, is a regular file and is within the cap — checked with
     * {@link Files#size} first, and again while reading in case the file grew. Records a violation
     * and returns {@code null} otherwise.
     */
    private static byte[] read(Path file, String name, long maxBytes, List<Violation> violations) {
        String shown = quote(file.toString());
        try {
            if (!Files.exists(file)) {
                violations.add(violation("file " + shown + " does not exist"));
                return null;
            }
            if (!Files.isRegularFile(file)) {
                violations.add(violation(shown + " is not a regular file"));
                return null;
            }
            long limit = Math.min(maxBytes, MAX_ARRAY);
            long size = Files.size(file);
            if (size > limit) {
                violations.add(tooLarge(name, size, limit));
                return null;
            }
            byte[] content;
            try (InputStream in = Files.newInputStream(file)) {
                content = in.readNBytes((int) limit + 1);
            }
            if (content.length > limit) {
                violations.add(tooLarge(name, content.length, limit));
                return null;
            }
            return content;
        } catch (NoSuchFileException e) {
            violations.add(violation("file " + shown + " does not exist"));
        } catch (AccessDeniedException e) {
            violations.add(violation("file " + shown + " cannot be read: access denied"));
        } catch (IOException | SecurityException e) {
            violations.add(violation("file " + shown + " cannot be read (" + e.getClass().getSimpleName() + ")"));
        }
        return null;
    }

    private static Violation tooLarge(String name, long size, long maxBytes) {
        String actual = formatSize(size);
        String limit = formatSize(maxBytes);
        if (actual.equals(limit)) { // rounding hides the difference: show the exact counts
            actual += " (" + size + " bytes)";
            limit += " (" + maxBytes + " bytes)";
        }
        return violation("file " + quote(name) + " is " + actual + ", larger than the " + limit + " limit");
    }

    /** Binary units with at most one decimal: {@code 512 bytes}, {@code 1.5 KiB}, {@code 12.3 MiB}. */
    static String formatSize(long bytes) {
        if (bytes < 1024) {
            return bytes + (bytes == 1 ? " byte" : " bytes");
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        String number = BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString();
        return number + " " + units[unit];
    }

    /** C0/C1 controls, Unicode line breaks, and the bidi controls used to disguise extensions. */
    private static boolean isForbiddenCharacter(int cp) {
        return Character.isISOControl(cp)
                || cp == 0x2028 || cp == 0x2029
                || cp == 0x200E || cp == 0x200F
                || (cp >= 0x202A && cp <= 0x202E)
                || (cp >= 0x2066 && cp <= 0x2069);
    }

    /** Quotes a name for a message; control characters escaped and long names shortened. */
    private static String quote(String s) {
        StringBuilder sb = new StringBuilder("'");
        int shown = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (shown++ == 100) {
                sb.append("...");
                break;
            }
            if (isForbiddenCharacter(cp)) {
                sb.append(String.format("\\u%04X", cp));
            } else {
                sb.appendCodePoint(cp);
            }
        }
        return sb.append('\'').toString();
    }

    private static Violation violation(String message) {
        return new Violation(FIELD, message);
    }
}
