package io.nekorekten4j.cli;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.ByteOrderMark;
import org.apache.commons.io.input.BOMInputStream;

/**
 * The records of a CSV file as Bulgarian spreadsheets write it, read one at a time (Apache Commons
 * CSV), so that a file of any length takes the same memory:
 * <ul>
 *   <li>the encoding: the byte-order mark's when there is one (UTF-8, UTF-16), else UTF-8 when every
 *       byte of the file is valid UTF-8, else Windows-1251 (what Excel writes in a Bulgarian
 *       Windows); or the one given ({@code --encoding});</li>
 *   <li>the separator: the one of {@code ;}, {@code ,} and tab the header line holds most of
 *       (outside quotes); or the one given ({@code --separator});</li>
 *   <li>RFC 4180 quoting: quoted fields may hold separators, {@code ""} and line breaks; text after a
 *       closing quote is kept ({@code "ab"c} is {@code abc}).</li>
 * </ul>
 * Each record comes with the line of the file it starts on, for messages.
 */
final class CsvSource implements Closeable {

    /** Windows-1251: Cyrillic, as Excel saves "CSV" in a Bulgarian Windows. */
    static final Charset WINDOWS_1251 = Charset.forName("windows-1251");

    private static final char[] SEPARATORS = {';', ',', '\t'};
    // The header line is looked at for the separator; a header longer than this is not a header.
    private static final int MAX_HEADER_CHARS = 1 << 16;

    /**
     * One record.
     *
     * @param line   the line of the file it starts on, from 1
     * @param values its fields as written
     */
    record Record(int line, List<String> values) {
        /** Copies the values. */
        Record {
            values = List.copyOf(values);
        }

        /** Whether every field is blank: an empty line. */
        boolean isBlank() {
            return values.stream().allMatch(String::isBlank);
        }
    }

    /**
     * The file could not be read on from {@code line}: a quoted field is never closed (everything
     * after its opening quote would be one value), or the bytes are not in the encoding given.
     */
    static final class BrokenFileException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int line;

        BrokenFileException(int line, String message) {
            super("line " + line + ": " + message);
            this.line = line;
        }

        /** The line the unreadable part starts on. */
        int line() {
            return line;
        }
    }

    private final Path file;
    private final Charset charset;
    private final char separator;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private int nextLine = 1;

    private CsvSource(Path file, Charset charset, char separator, CSVParser parser) {
        this.file = file;
        this.charset = charset;
        this.separator = separator;
        this.parser = parser;
        this.records = parser.iterator();
    }

    /**
     * Opens {@code file}.
     *
     * @param encoding  the encoding, or empty to detect it
     * @param separator the separator, or empty to detect it
     * @throws UsageException when the file cannot be read
     */
    static CsvSource open(Path file, Optional<Charset> encoding, Optional<Character> separator) {
        Objects.requireNonNull(file, "file");
        try {
            Charset charset = encoding.isPresent() ? encoding.get() : detectCharset(file);
            char sep = separator.isPresent() ? separator.get() : detectSeparator(file, charset);
            CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(sep).setIgnoreEmptyLines(false)
                    .setTrailingData(true).get();
            // A forced encoding reports bytes it cannot decode; a detected Windows-1251 decodes every byte.
            CSVParser parser = CSVParser.parse(reader(file, charset, encoding.isPresent()), format);
            return new CsvSource(file, charset, sep, parser);
        } catch (NoSuchFileException missing) {
            throw new UsageException("cannot read " + file + ": no such file (--csv)");
        } catch (IOException unreadable) {
            throw new UsageException("cannot read " + file + ": " + ErrorMessages.whyUnreadable(file, unreadable) + " (--csv)");
        }
    }

    /** The encoding the file is read in. */
    Charset charset() {
        return charset;
    }

    /** The separator the file is read with. */
    char separator() {
        return separator;
    }

    /**
     * The next record, blank ones included; empty at the end of the file.
     *
     * @throws BrokenFileException when the rest of the file cannot be read
     */
    Optional<Record> next() {
        int line = nextLine;
        try {
            if (!records.hasNext()) {
                return Optional.empty();
            }
            CSVRecord record = records.next();
            nextLine = (int) parser.getCurrentLineNumber() + 1;
            List<String> values = new ArrayList<>(record.size());
            record.forEach(values::add);
            return Optional.of(new Record(line, values));
        } catch (UncheckedIOException broken) {
            if (broken.getCause() instanceof CharacterCodingException) {
                throw new BrokenFileException(line, "the file is not " + charset.name()
                        + " text from here (--encoding); the rest of the file was not read");
            }
            throw new BrokenFileException(line, "a quoted field that starts here is never closed"
                    + " (a \" without its closing \"); the rest of the file was not read");
        }
    }

    /** Closes the file. */
    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + file, e);
        }
    }

    /** The byte-order mark's encoding; else UTF-8 when the whole file is valid UTF-8; else Windows-1251. */
    static Charset detectCharset(Path file) throws IOException {
        try (BOMInputStream in = bomStream(file)) {
            if (in.hasBOM()) {
                return Charset.forName(in.getBOMCharsetName());
            }
            CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
            char[] buffer = new char[8192];
            try (Reader text = new InputStreamReader(in, strict)) {
                while (text.read(buffer) >= 0) {
                    // Reads to the end: one bad byte anywhere means "not UTF-8", and only the end says there is none.
                }
                return StandardCharsets.UTF_8;
            } catch (CharacterCodingException notUtf8) {
                return WINDOWS_1251;
            }
        }
    }

    /** The separator of {@code ;}, {@code ,}, tab that the first line holds most of outside quotes; a comma when none. */
    static char detectSeparator(Path file, Charset charset) throws IOException {
        try (Reader text = new BufferedReader(reader(file, charset, false))) {
            int[] counts = new int[SEPARATORS.length];
            boolean quoted = false;
            for (int i = 0, c; i < MAX_HEADER_CHARS && (c = text.read()) >= 0; i++) {
                if (c == '"') {
                    quoted = !quoted;
                } else if (!quoted && (c == '\n' || c == '\r')) {
                    break;
                } else if (!quoted) {
                    for (int s = 0; s < SEPARATORS.length; s++) {
                        if (c == SEPARATORS[s]) {
                            counts[s]++;
                        }
                    }
                }
            }
            int best = 1; // a comma, unless another is more frequent
            for (int s = 0; s < SEPARATORS.length; s++) {
                if (counts[s] > counts[best]) {
                    best = s;
                }
            }
            return SEPARATORS[best];
        }
    }

    private static Reader reader(Path file, Charset charset, boolean strict) throws IOException {
        CodingErrorAction onError = strict ? CodingErrorAction.REPORT : CodingErrorAction.REPLACE;
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(onError).onUnmappableCharacter(onError);
        return new InputStreamReader(bomStream(file), decoder);
    }

    private static BOMInputStream bomStream(Path file) throws IOException {
        InputStream raw = Files.newInputStream(file);
        return BOMInputStream.builder().setInputStream(raw)
                .setByteOrderMarks(ByteOrderMark.UTF_8, ByteOrderMark.UTF_16LE, ByteOrderMark.UTF_16BE).get();
    }
}
