package io.nekorekten4j.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Objects;

/**
 * Writes CSV as RFC 4180 describes it: comma-separated, CRLF line ends, and a field in double
 * quotes (with {@code ""} for a quote) when it holds a comma, a quote, a line break or leading or
 * trailing spaces.
 */
final class CsvWriter {

    private final PrintWriter out;

    /** @param out where the records go; not closed by this writer */
    CsvWriter(PrintWriter out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    /** Writes one record. */
    void write(List<String> fields) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(escape(fields.get(i)));
        }
        out.print(line.append("\r\n"));
    }

    /** Writes one record. */
    void write(String... fields) {
        write(List.of(fields));
    }

    /** {@code field} as it must appear in a record. */
    static String escape(String field) {
        Objects.requireNonNull(field, "field");
        boolean quote = field.indexOf(',') >= 0 || field.indexOf('"') >= 0 || field.indexOf('\n') >= 0
                || field.indexOf('\r') >= 0 || !field.equals(field.strip());
        return quote ? '"' + field.replace("\"", "\"\"") + '"' : field;
    }
}
