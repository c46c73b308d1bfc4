package io.nekorekten4j.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Parses CSV results in tests (with Commons CSV, as a user's tool would), skipping {@code #} comment lines. */
final class CsvText {

    private CsvText() {
    }

    /** Every record of {@code text}, the header first; a leading byte-order mark is skipped. */
    static List<List<String>> records(String text) {
        return records(text, ',');
    }

    /** Every record of {@code text} separated by {@code separator}, the header first. */
    static List<List<String>> records(String text, char separator) {
        String csv = text.startsWith("\uFEFF") ? text.substring(1) : text;
        try (CSVParser parser = CSVParser.parse(csv, CSVFormat.RFC4180.builder().setDelimiter(separator)
                .setCommentMarker('#').get())) {
            return parser.stream().map(CSVRecord::toList).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The value of {@code column} (by the header's name) in each row after the header. */
    static List<String> column(List<List<String>> records, String column) {
        int at = records.get(0).lastIndexOf(column);
        if (at < 0) {
            throw new AssertionError("no column " + column + " in " + records.get(0));
        }
        return records.subList(1, records.size()).stream().map(r -> r.get(at)).toList();
    }
}
