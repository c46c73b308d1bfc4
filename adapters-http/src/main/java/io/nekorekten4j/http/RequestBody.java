package io.nekorekten4j.http;

import java.util.List;
import java.util.Objects;

/** The body of a {@link TransportRequest}: JSON bytes, or multipart form parts. */
public sealed interface RequestBody {

    /**
     * A JSON document, UTF-8.
     *
     * @param bytes the encoded document
     */
    record Json(byte[] bytes) implements RequestBody {
        /** Requires the bytes. */
        public Json {
            Objects.requireNonNull(bytes, "bytes");
        }
    }

    /**
     * A {@code multipart/form-data} body. Every transport encodes file names safely: no CR, LF or
     * unescaped quote can reach the header (the name is also given as RFC 5987
     * {@code filename*=UTF-8''…} so Cyrillic names survive).
     *
     * @param parts the parts, in order
     */
    record Multipart(List<Part> parts) implements RequestBody {
        /** Copies the parts; there must be at least one. */
        public Multipart {
            parts = List.copyOf(Objects.requireNonNull(parts, "parts"));
            if (parts.isEmpty()) {
                throw new IllegalArgumentException("a multipart body needs at least one part");
            }
        }
    }

    /**
     * One file part.
     *
     * @param name      the form field name, e.g. {@code files[]}
     * @param fileName  the file name as the user gave it
     * @param mediaType its media type, e.g. {@code image/jpeg}
     * @param content   the bytes
     */
    record Part(String name, String fileName, String mediaType, byte[] content) {
        /** Requires every part. */
        public Part {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(fileName, "fileName");
            Objects.requireNonNull(mediaType, "mediaType");
            Objects.requireNonNull(content, "content");
        }
    }
}
