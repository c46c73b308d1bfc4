package io.nekorekten4j.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The results as CSV (Apache Commons CSV): RFC 4180 with the input's separator (so that the
 * spreadsheet that wrote the input opens the output the same way), CRLF, UTF-8; the user's
 * columns in their order, then {@link ScreenedRow#RESULT_COLUMNS}. On the demo fake the first line
 * is a {@code #} comment saying so.
 */
final class CsvResultSink implements ResultSink {

    /** How results are written and read back ({@code --resume}): {@code #} starts a comment line. */
    static CSVFormat format(char separator) {
        return CSVFormat.RFC4180.builder().setDelimiter(separator).setCommentMarker('#').get();
    }

    private final CSVPrinter printer;
    private final List<String> header;
    private final boolean demo;
    private final boolean closeWriter;
    private final Writer writer;

    /**
     * @param writer      where the CSV goes
     * @param header      the input's header
     * @param separator   the input's separator
     * @param demo        whether the results come from the demo fake
     * @param closeWriter whether {@link #close} closes {@code writer} (a file) or only flushes it (stdout)
     */
    CsvResultSink(Writer writer, List<String> header, char separator, boolean demo, boolean closeWriter) {
        this.writer = Objects.requireNonNull(writer, "writer");
        this.header = List.copyOf(header);
        this.demo = demo;
        this.closeWriter = closeWriter;
        try {
            this.printer = new CSVPrinter(writer, format(separator));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The output's header: the input's, then the result columns. */
    static List<String> outputHeader(List<String> inputHeader) {
        List<String> all = new ArrayList<>(inputHeader);
        all.addAll(ScreenedRow.RESULT_COLUMNS);
        return all;
    }

    @Override
    public void start() {
        write(() -> {
            if (demo) {
                printer.printComment(Demo.NOTICE);
            }
            printer.printRecord(outputHeader(header));
        });
    }

    @Override
    public void row(ScreenedRow row) {
        List<String> record = new ArrayList<>(row.input());
        record.addAll(row.resultValues());
        write(() -> printer.printRecord(record));
    }

    @Override
    public void copy(List<String> record) {
        write(() -> printer.printRecord(record));
    }

    @Override
    public void end(BatchSummary summary) {
        write(() -> { });
    }

    @Override
    public void close() {
        try {
            printer.flush();
            if (closeWriter) {
                writer.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the results", e);
        }
    }

    private void write(IoAction action) {
        try {
            action.run();
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the results", e);
        }
    }

    @FunctionalInterface
    private interface IoAction {
        void run() throws IOException;
    }
}
