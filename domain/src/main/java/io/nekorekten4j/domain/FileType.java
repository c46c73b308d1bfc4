package io.nekorekten4j.domain;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The kinds of file the service accepts on {@code POST /api/v1/files}: its whitelist of extensions
 * (jpeg, jpg, png, pdf, doc, docx, mp4, avi, mp3, wmv, wma), grouped by format.
 */
public enum FileType {

    /** JPEG image ({@code .jpeg}, {@code .jpg}). */
    JPEG("image/jpeg", "a JPEG image", "jpeg", "jpg"),
    /** PNG image ({@code .png}). */
    PNG("image/png", "a PNG image", "png"),
    /** PDF document ({@code .pdf}). */
    PDF("application/pdf", "a PDF document", "pdf"),
    /** Legacy Word document, an OLE2 compound file ({@code .doc}). */
    DOC("application/msword", "a Word document (DOC)", "doc"),
    /** Office Open XML Word document, a ZIP package ({@code .docx}). */
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "a Word document (DOCX)", "docx"),
    /** MPEG-4 video ({@code .mp4}). */
    MP4("video/mp4", "an MP4 video", "mp4"),
    /** AVI video, a RIFF container ({@code .avi}). */
    AVI("video/x-msvideo", "an AVI video", "avi"),
    /** MP3 audio ({@code .mp3}). */
    MP3("audio/mpeg", "an MP3 audio file", "mp3"),
    /** Windows Media video, an ASF container ({@code .wmv}). */
    WMV("video/x-ms-wmv", "a WMV video", "wmv"),
    /** Windows Media audio, an ASF container ({@code .wma}). */
    WMA("audio/x-ms-wma", "a WMA audio file", "wma");

    private static final Map<String, FileType> BY_EXTENSION = new HashMap<>();
    private static final String ALLOWED;

    static {
        for (FileType type : values()) {
            for (String ext : type.extensions) {
                BY_EXTENSION.put(ext, type);
            }
        }
        ALLOWED = Stream.of(values())
                .flatMap(t -> t.extensions.stream())
                .collect(Collectors.joining(", "));
    }

    private final String mediaType;
    private final String description;
    private final Set<String> extensions;

    FileType(String mediaType, String description, String... extensions) {
        this.mediaType = mediaType;
        this.description = description;
        this.extensions = Collections.unmodifiableSet(new LinkedHashSet<>(List.of(extensions)));
    }

    /** The extensions of this type, lower case and without the dot (e.g. {@code jpeg, jpg}). */
    public Set<String> extensions() {
        return extensions;
    }

    /** The IANA media type to send with the file, e.g. {@code application/pdf}. */
    public String mediaType() {
        return mediaType;
    }

    /**
     * The type a file extension stands for, ignoring case and one leading dot
     * ({@code "PDF"}, {@code "pdf"} and {@code ".pdf"} all give {@link #PDF}).
     *
     * @param ext the extension, e.g. {@code "jpg"}
     * @return the type, or empty when the service does not accept the extension
     */
    public static Optional<FileType> ofExtension(String ext) {
        Objects.requireNonNull(ext, "ext");
        String key = ext.startsWith(".") ? ext.substring(1) : ext;
        return Optional.ofNullable(BY_EXTENSION.get(key.toLowerCase(Locale.ROOT)));
    }

    /** Every accepted extension, comma separated, for messages. */
    static String allowedExtensions() {
        return ALLOWED;
    }

    /** A human description with its article, e.g. "a JPEG image". */
    String description() {
        return description;
    }

    /** Whether {@code content} starts the way a file of this type must. */
    boolean matches(byte[] content) {
        return MagicBytes.matches(this, content);
    }
}
