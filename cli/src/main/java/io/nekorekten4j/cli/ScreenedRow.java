package io.nekorekten4j.cli;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One row of a screened CSV file: the user's values and the verdict on its buyer.
 *
 * @param line      the line of the input file the row starts on
 * @param input     the row's values, one per header column, as written
 * @param verdict   the verdict
 * @param reports   how many reports match: in all when the service said its total, else at least
 *                  this many (the first page); 0 for NOT_FOUND; not known (written empty) for NOT_CHECKED
 *                  and INVALID
 * @param matched   for each field any report matched, the surest certainty ({@code phone -> CERTAIN})
 * @param reportIds the ids of the first page of reports, newest first
 * @param reason    why the row is NOT_CHECKED or INVALID; empty otherwise
 */
record ScreenedRow(int line, List<String> input, RowVerdict verdict, long reports, Map<String, String> matched,
                   List<String> reportIds, String reason) {

    /** What became of a row. */
    enum RowVerdict {
        /** Reports were found about the buyer. */
        FOUND,
        /** The service answered: no reports. */
        NOT_FOUND,
        /** The service could not be asked or did not answer: nothing is known (never "clean"). */
        NOT_CHECKED,
        /** The row does not make a buyer (a bad phone, a broken line): it was not asked. */
        INVALID
    }

    /** The columns added after the user's. */
    static final List<String> RESULT_COLUMNS = List.of("line", "verdict", "reports", "matched", "report_ids", "reason");

    /** Copies the parts. */
    ScreenedRow {
        input = List.copyOf(input);
        Objects.requireNonNull(verdict, "verdict");
        matched = Map.copyOf(matched);
        reportIds = List.copyOf(reportIds);
        Objects.requireNonNull(reason, "reason");
    }

    /** The result columns' values, in {@link #RESULT_COLUMNS}' order. */
    List<String> resultValues() {
        return List.of(Integer.toString(line), verdict.name(), decided() ? Long.toString(reports) : "", matchedText(),
                String.join(" ", reportIds), reason);
    }

    /**
     * Whether the service answered for this row (FOUND or NOT_FOUND). Only then is {@link #reports()}
     * a count: a 0 for a row nobody asked about would read as a clean buyer in a spreadsheet's filter.
     */
    boolean decided() {
        return verdict == RowVerdict.FOUND || verdict == RowVerdict.NOT_FOUND;
    }

    /** {@code phone: CERTAIN; email: COMPATIBLE_WITH_MASK}, fields in a fixed order. */
    String matchedText() {
        return matched.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("; "));
    }
}
