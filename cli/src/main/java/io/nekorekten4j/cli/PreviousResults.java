package io.nekorekten4j.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;

/**
 * The results file of an earlier, interrupted run, read alongside the input ({@code --resume}):
 * both are in input order, so one pass over each finds every row already decided, whatever the
 * file's length. A row counts as decided when it is FOUND or NOT_FOUND and its values are still
 * the input's; NOT_CHECKED rows are asked again, INVALID ones checked again (that costs nothing).
 * A last row cut short by a kill is simply not decided.
 */
final class PreviousResults implements AutoCloseable {

    private final Path file;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final int width;
    private final boolean demo;
    private Optional<CSVRecord> current = Optional.empty();
    private boolean ended;

    private PreviousResults(Path file, CSVParser parser, Iterator<CSVRecord> records, int width, boolean demo) {
        this.file = file;
        this.parser = parser;
        this.records = records;
        this.width = width;
        this.demo = demo;
    }

    /**
     * Opens {@code file}, written by an earlier run on an input with {@code inputHeader}.
     *
     * @throws UsageException when the file cannot be read, or was not written for this input, or
     *                        holds demo results and this run is not on the demo (or the other way round)
     */
    static PreviousResults open(Path file, List<String> inputHeader, char separator, boolean demoRun) {
        Objects.requireNonNull(file, "file");
        try {
            // The byte-order mark written for spreadsheets is skipped.
            Reader reader = new BufferedReader(new InputStreamReader(BOMInputStream.builder().setPath(file).get(),
                    StandardCharsets.UTF_8));
            CSVParser parser = CSVParser.parse(reader, CsvResultSink.format(separator));
            Iterator<CSVRecord> records = parser.iterator();
            List<String> expected = CsvResultSink.outputHeader(inputHeader);
            CSVRecord header = records.hasNext() ? records.next() : null;
            if (header == null || !header.toList().equals(expected)) {
                parser.close();
                throw new UsageException("--resume: " + file + " was not written for this --csv file (its columns are not"
                        + " the input's plus " + String.join(",", ScreenedRow.RESULT_COLUMNS) + "); give another --out");
            }
            boolean demo = header.hasComment() && header.getComment().startsWith(Demo.NOTICE.substring(0, 5));
            if (demo != demoRun) {
                parser.close();
                throw new UsageException("--resume: " + file + (demo ? " holds demo results (--demo): they cannot be"
                        + " continued with a real key" : " holds real results: they cannot be continued with --demo")
                        + "; screen again without --resume, into another --out");
            }
            return new PreviousResults(file, parser, records, expected.size(), demo);
        } catch (IOException | UncheckedIOException unreadable) {
            throw new UsageException("--resume: cannot read " + file + ": " + ErrorMessages.whyUnreadable(file, unreadable));
        }
    }

    /** Whether the earlier run was on the demo fake. */
    boolean demo() {
        return demo;
    }

    /**
     * The earlier row for input {@code line}, when it was decided and its values are {@code input}.
     * Lines must be asked in increasing order.
     */
    Optional<List<String>> decided(int line, List<String> input) {
        while (true) {
            Optional<CSVRecord> row = peek();
            if (row.isEmpty() || lineOf(row.get()) > line) {
                return Optional.empty();
            }
            current = Optional.empty();
            if (lineOf(row.get()) == line) {
                List<String> values = row.get().toList();
                String verdict = values.get(width - ScreenedRow.RESULT_COLUMNS.size() + 1);
                boolean decided = verdict.equals(ScreenedRow.RowVerdict.FOUND.name())
                        || verdict.equals(ScreenedRow.RowVerdict.NOT_FOUND.name());
                boolean same = values.subList(0, input.size()).equals(input);
                return decided && same ? Optional.of(values) : Optional.empty();
            }
        }
    }

    /** The earlier rows after input {@code line}, as they were: kept when a run is interrupted. */
    List<List<String>> rowsAfter(int line) {
        List<List<String>> rows = new ArrayList<>();
        for (Optional<CSVRecord> row = peek(); row.isPresent(); row = peek()) {
            current = Optional.empty();
            if (lineOf(row.get()) > line) {
                rows.add(row.get().toList());
            }
        }
        return rows;
    }

    /** The verdict of an earlier row. */
    ScreenedRow.RowVerdict verdictOf(List<String> row) {
        return ScreenedRow.RowVerdict.valueOf(row.get(width - ScreenedRow.RESULT_COLUMNS.size() + 1));
    }

    // The next whole row; rows of another width (a line cut short by a kill) and what cannot be read end it.
    private Optional<CSVRecord> peek() {
        while (current.isEmpty() && !ended) {
            try {
                if (!records.hasNext()) {
                    ended = true;
                    break;
                }
                CSVRecord next = records.next();
                if (next.size() == width && lineOf(next) > 0) {
                    current = Optional.of(next);
                }
            } catch (UncheckedIOException cutShort) {
                ended = true;
            }
        }
        return current;
    }

    private int lineOf(CSVRecord row) {
        try {
            return Integer.parseInt(row.get(width - ScreenedRow.RESULT_COLUMNS.size()));
        } catch (NumberFormatException notALine) {
            return -1;
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
}
