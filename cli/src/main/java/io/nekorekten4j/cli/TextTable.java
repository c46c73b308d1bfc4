package io.nekorekten4j.cli;

import io.nekorekten4j.domain.ServerText;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A plain-text table whose columns line up in a terminal whatever the script: widths are counted
 * with {@link DisplayWidth}, so Cyrillic, accents and emoji align. Columns whose cells are all
 * empty are left out. Cells are single lines; long ones are cut to their column's limit.
 */
final class TextTable {

    private static final String GAP = "  ";

    private final List<String> headers = new ArrayList<>();
    private final List<Integer> limits = new ArrayList<>();
    private final List<List<String>> rows = new ArrayList<>();

    /** Adds a column whose cells are never cut. */
    TextTable column(String header) {
        return column(header, Integer.MAX_VALUE);
    }

    /** Adds a column whose cells are cut to {@code maxColumns} terminal columns. */
    TextTable column(String header, int maxColumns) {
        if (!rows.isEmpty()) {
            throw new IllegalStateException("add every column before the first row");
        }
        headers.add(Objects.requireNonNull(header, "header"));
        limits.add(maxColumns);
        return this;
    }

    /**
     * Adds a row: one cell per column, each {@linkplain ServerText sanitised} — cells hold the
     * service's text (report texts, names, cities), which must not move the cursor, recolour the
     * terminal, reorder a line or start a new one.
     */
    TextTable row(String... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException("expected " + headers.size() + " cells, got " + cells.length);
        }
        List<String> row = new ArrayList<>(cells.length);
        for (int c = 0; c < cells.length; c++) {
            String cell = ServerText.sanitise(Objects.requireNonNull(cells[c], "cell"), Integer.MAX_VALUE);
            row.add(DisplayWidth.truncate(cell.isEmpty() ? "" : cell, Math.max(1, limits.get(c))));
        }
        rows.add(row);
        return this;
    }

    /** Prints the header and the rows; prints nothing when there are no rows. */
    void print(PrintWriter out) {
        if (rows.isEmpty()) {
            return;
        }
        List<Integer> shown = new ArrayList<>();
        List<Integer> widths = new ArrayList<>();
        for (int c = 0; c < headers.size(); c++) {
            int col = c;
            int width = rows.stream().mapToInt(r -> DisplayWidth.of(r.get(col))).max().orElse(0);
            if (width > 0) {
                shown.add(c);
                widths.add(Math.max(width, DisplayWidth.of(headers.get(c))));
            }
        }
        print(out, headers, shown, widths);
        for (List<String> row : rows) {
            print(out, row, shown, widths);
        }
    }

    private static void print(PrintWriter out, List<String> cells, List<Integer> shown, List<Integer> widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < shown.size(); i++) {
            String cell = cells.get(shown.get(i));
            line.append(i == shown.size() - 1 ? cell : DisplayWidth.pad(cell, widths.get(i)) + GAP);
        }
        out.println(line.toString().stripTrailing());
    }
}
