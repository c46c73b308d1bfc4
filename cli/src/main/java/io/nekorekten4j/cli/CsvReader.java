package io.nekorekten4j.cli;

import io.nekorekten4j.domain.ValidationException;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads CSV as RFC 4180 describes it, leniently where spreadsheets differ: records end with CRLF,
 * LF or CR; a field in double quotes may hold the separator, line breaks and {@code ""} for a
 * quote; a UTF-8 byte-order mark before the first field is skipped. The separator is a comma, or a
 * semicolon when the first line holds semicolons and no commas (what Excel writes in Bulgarian and
 * other locales whose decimal mark is a comma). A quote inside an unquoted field is kept as it is.
 */
final class CsvReader {

    /** One record, with the line of the file it starts on (1-based), for messages. */
    record Row(int line, List<String> fields) {
        /** Copies the fields. */
        Row {
            fields = List.copyOf(fields);
        }

        /** Whether every field is blank: an empty line, which is skipped. */
        boolean isBlank() {
            return fields.stream().allMatch(String::isBlank);
        }
    }

    private CsvReader() {
    }

    /**
     * Every record of {@code text}.
     *
     * @throws ValidationException when a quoted field is never closed, or a closing quote is
     *                             followed by something other than the separator or a line end
     */
    static List<Row> parse(String text) {
        Objects.requireNonNull(text, "text");
        String csv = text.startsWith("\uFEFF") ? text.substring(1) : text;
        char separator = separatorOf(csv);
        List<Row> rows = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1;
        int rowLine = 1;
        int i = 0;
        boolean fieldStarted = false;
        while (i < csv.length()) {
            char c = csv.charAt(i);
            if (c == '"' && field.length() == 0 && !fieldStarted) {
                int quoteLine = line;
                i++;
                while (true) {
                    if (i >= csv.length()) {
                        throw new ValidationException("csv", "line " + quoteLine + ": a quoted field is never closed");
                    }
                    char q = csv.charAt(i);
                    if (q == '"') {
                        if (i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                            field.append('"');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    if (q == '\n' || (q == '\r' && !(i + 1 < csv.length() && csv.charAt(i + 1) == '\n'))) {
                        line++;
                    }
                    field.append(q);
                    i++;
                }
                fieldStarted = true;
                if (i < csv.length() && !isEnd(csv.charAt(i), separator)) {
                    throw new ValidationException("csv", "line " + line
                            + ": a closing quote must be followed by the separator or the end of the line");
                }
                continue;
            }
            if (c == separator) {
                fields.add(field.toString());
                field.setLength(0);
                fieldStarted = false;
                i++;
                continue;
            }
            if (c == '\r' || c == '\n') {
                fields.add(field.toString());
                rows.add(new Row(rowLine, fields));
                fields = new ArrayList<>();
                field.setLength(0);
                fieldStarted = false;
                i += c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n' ? 2 : 1;
                line++;
                rowLine = line;
                continue;
            }
            field.append(c);
            fieldStarted = true;
            i++;
        }
        if (fieldStarted || !fields.isEmpty()) {
            fields.add(field.toString());
            rows.add(new Row(rowLine, fields));
        }
        return rows;
    }

    /** Reads all of {@code in} and parses it. */
    static List<Row> read(Reader in) throws IOException {
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[8192];
        for (int n; (n = in.read(buffer)) >= 0; ) {
            text.append(buffer, 0, n);
        }
        return parse(text.toString());
    }

    private static boolean isEnd(char c, char separator) {
        return c == separator || c == '\r' || c == '\n';
    }

    /** A comma, unless the first record (outside quotes) has semicolons and no commas. */
    private static char separatorOf(String csv) {
        boolean quoted = false;
        int commas = 0;
        int semicolons = 0;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\r' || c == '\n')) {
                break;
            } else if (!quoted && c == ',') {
                commas++;
            } else if (!quoted && c == ';') {
                semicolons++;
            }
        }
        return commas == 0 && semicolons > 0 ? ';' : ',';
    }
}
