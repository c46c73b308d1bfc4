package io.nekorekten4j.http;

import jakarta.json.JsonException;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import jakarta.json.stream.JsonParsingException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.eclipse.yasson.YassonJsonb;

/**
 * JSON in and out, strictly: one {@link Jsonb} (Yasson) per client, fed by a Parsson
 * {@link JsonParser} that reads the response stream through a UTF-8 decoder — the body is never
 * copied into a {@code String}.
 *
 * <p>Strict where Yasson alone is lenient: an empty body, a {@code null} root, bytes after the
 * root value and invalid UTF-8 are rejected. Nesting is limited to
 * {@value #MAX_DEPTH} levels, so a deeply nested body is a parse error, never a
 * {@link StackOverflowError}. Thread safe.
 */
final class JsonCodec implements AutoCloseable {

    /**
     * The deepest nesting accepted. The live payload nests 4 levels (6 with a reply); Parsson's
     * default of 1000 would let a hostile body drive Yasson's recursive binding of replies
     * ({@code children}) towards a stack overflow, so the limit is far lower.
     */
    static final int MAX_DEPTH = 64;

    private final JsonParserFactory parsers;
    private final Jsonb jsonb;
    private final YassonJsonb yasson;

    /** Builds the one {@link Jsonb} of a client (Yasson takes ~190 ms for that). */
    JsonCodec() {
        JsonProvider provider = JsonProvider.provider();
        this.parsers = provider.createParserFactory(Map.of("org.eclipse.parsson.maxDepth", MAX_DEPTH));
        this.jsonb = JsonbBuilder.newBuilder()
                .withProvider(provider)
                .withConfig(new JsonbConfig().withNullValues(false))
                .build();
        if (!(jsonb instanceof YassonJsonb y)) {
            // The pom pins Yasson; another JSON-B provider first on the class path would lose the
            // parser-level API that lets us reject trailing data.
            throw new IllegalStateException("JSON-B provider is not Yasson: " + jsonb.getClass().getName());
        }
        this.yasson = y;
    }

    /**
     * Reads one JSON value of {@code type} from {@code body}.
     *
     * @throws Malformed   when the body is empty, not JSON, not of that shape, {@code null}, not UTF-8,
     *                     too deeply nested, or has data after the value
     * @throws IOException when the stream fails (a transport error: broken, timed out, too large)
     */
    <T> T read(BodyCapture body, Type type) throws IOException, Malformed {
        InputStream content = skipToContent(body);
        if (content == null) {
            throw new Malformed("the body is empty");
        }
        return parse(content, type);
    }

    /**
     * Like {@link #read}, but an empty (or blank) body gives {@code null}: for answers to writes,
     * where the service may send nothing.
     */
    <T> T readOptional(BodyCapture body, Type type) throws IOException, Malformed {
        InputStream content = skipToContent(body);
        return content == null ? null : parse(content, type);
    }

    /** Writes {@code dto} as UTF-8 JSON; {@code null} properties are left out. */
    byte[] write(Object dto) {
        return jsonb.toJson(dto).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        try {
            jsonb.close();
        } catch (Exception e) {
            // Yasson's close releases caches only; nothing to report to the caller of close().
        }
    }

    private <T> T parse(InputStream content, Type type) throws IOException, Malformed {
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        Reader reader = new InputStreamReader(content, utf8);
        JsonParser parser = parsers.createParser(reader);
        try {
            T value = yasson.fromJson(parser, type);
            if (value == null) {
                throw new Malformed("the body is JSON null");
            }
            if (hasMore(parser)) {
                throw new Malformed("the body has data after its JSON value");
            }
            return value;
        } catch (RuntimeException e) {
            throw failure(e);
        } finally {
            closeQuietly(parser);
        }
    }

    /** Whether anything but whitespace follows the root value. */
    private static boolean hasMore(JsonParser parser) throws IOException {
        try {
            return parser.hasNext();
        } catch (JsonParsingException e) {
            return true;
        } catch (JsonException e) {
            IOException io = ioCause(e);
            if (io != null && !(io instanceof CharacterCodingException)) {
                throw io;
            }
            return true;
        }
    }

    /** Turns a parser or binder failure into a transport failure when the stream failed, else a Malformed. */
    private static Malformed failure(RuntimeException e) throws IOException {
        IOException io = ioCause(e);
        if (io instanceof CharacterCodingException) {
            return new Malformed("the body is not valid UTF-8", e);
        }
        if (io != null) {
            throw io;
        }
        JsonParsingException parsing = find(e, JsonParsingException.class);
        if (parsing != null && parsing.getLocation() != null) {
            return new Malformed("the body is not valid JSON (line " + parsing.getLocation().getLineNumber()
                    + ", column " + parsing.getLocation().getColumnNumber() + ")", e);
        }
        return new Malformed("the body is not the JSON expected", e);
    }

    private static IOException ioCause(Throwable e) {
        return find(e, IOException.class);
    }

    private static <X extends Throwable> X find(Throwable e, Class<X> type) {
        int depth = 0;
        for (Throwable t = e; t != null && depth < 20; t = t.getCause(), depth++) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static void closeQuietly(JsonParser parser) {
        try {
            parser.close(); // returns Parsson's buffer to its pool; BodyCapture keeps the stream open
        } catch (RuntimeException e) {
            // Closing can only fail on the underlying stream, which BodyCapture never closes.
        }
    }

    /**
     * Skips a UTF-8 byte-order mark and leading whitespace; {@code null} when nothing else comes.
     */
    private static InputStream skipToContent(BodyCapture body) throws IOException {
        PushbackInputStream in = new PushbackInputStream(body, 3);
        int b = in.read();
        if (b == 0xEF) {
            int b2 = in.read();
            int b3 = b2 < 0 ? -1 : in.read();
            if (b2 == 0xBB && b3 == 0xBF) {
                b = in.read();
            } else {
                if (b3 >= 0) {
                    in.unread(b3);
                }
                if (b2 >= 0) {
                    in.unread(b2);
                }
            }
        }
        while (b == ' ' || b == '\t' || b == '\r' || b == '\n') {
            b = in.read();
        }
        if (b < 0) {
            return null;
        }
        in.unread(b);
        return in;
    }

    /** The body could not be read as the JSON expected; the message names why, never a value. */
    static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;

        Malformed(String reason) {
            super(reason);
        }

        Malformed(String reason, Throwable cause) {
            super(reason, cause);
        }
    }

    /**
     * A response body stream that remembers its first {@value #PREFIX} bytes, for a short excerpt in
     * error messages, without copying the body. Closing it does not close the transport's stream:
     * the transport releases that itself.
     */
    static final class BodyCapture extends FilterInputStream {

        /** Enough bytes for a 200-character excerpt even in Cyrillic (2 bytes a letter). */
        static final int PREFIX = 1024;

        private static final byte[] NOTHING = new byte[0];

        /** The least the prefix grows by, so that byte-by-byte reads do not copy it at every byte. */
        private static final int MIN_GROWTH = 64;

        /** The bytes captured so far; grown as they come, so that a short body never costs a full prefix. */
        private byte[] prefix = NOTHING;
        private int captured;

        BodyCapture(InputStream body) {
            super(body);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && captured < PREFIX) {
                room(1);
                prefix[captured++] = (byte) b;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0 && captured < PREFIX) {
                int keep = Math.min(n, PREFIX - captured);
                room(keep);
                System.arraycopy(buffer, offset, prefix, captured, keep);
                captured += keep;
            }
            return n;
        }

        /** Makes room for {@code more} captured bytes (the caller keeps the total within the prefix). */
        private void room(int more) {
            int needed = captured + more;
            if (needed > prefix.length) {
                int size = Math.min(PREFIX, Math.max(needed, Math.max(MIN_GROWTH, prefix.length * 2)));
                prefix = Arrays.copyOf(prefix, size);
            }
        }

        @Override
        public long skip(long n) throws IOException {
            // Route skips through read so that skipped bytes are captured too.
            byte[] sink = new byte[(int) Math.min(Math.max(n, 0), 512)];
            int read = read(sink, 0, sink.length);
            return Math.max(read, 0);
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        @Override
        public void close() {
            // The transport owns the stream and releases it on every path.
        }

        /**
         * The first bytes of the body as text (invalid UTF-8 replaced). Reads on to fill the prefix
         * when less was read so far; a failing stream only shortens the excerpt.
         */
        String excerpt() {
            try {
                byte[] sink = new byte[PREFIX];
                while (captured < PREFIX && read(sink, 0, PREFIX - captured) > 0) {
                    // read() stores what it reads in the prefix
                }
            } catch (IOException | RuntimeException e) {
                // The excerpt is a courtesy; the failure being reported matters more.
            }
            CharsetDecoder lenient = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE);
            try {
                String text = lenient.decode(ByteBuffer.wrap(prefix, 0, captured)).toString();
                // A character cut in two at the end of the prefix decodes as U+FFFD: drop it.
                return captured == PREFIX && text.endsWith("\uFFFD") ? text.substring(0, text.length() - 1) : text;
            } catch (CharacterCodingException e) {
                return "";
            }
        }
    }
}
