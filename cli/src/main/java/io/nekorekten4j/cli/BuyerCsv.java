package io.nekorekten4j.cli;

import io.nekorekten4j.domain.ValidationException;
import io.nekorekten4j.domain.Violation;
import io.nekorekten4j.ports.screening.Buyer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The buyers of a CSV file: columns found by their header's name ({@code phone}, {@code email},
 * {@code name}, {@code site}; any case, any order, other columns ignored), one buyer per
 * non-blank row. Every row is checked before any request: one {@link ValidationException} lists
 * every bad row by its line.
 */
final class BuyerCsv {

    /** The columns read, in the order they are written back. */
    static final List<String> COLUMNS = List.of("phone", "email", "name", "site");

    private static final int MAX_LISTED = 10;

    /**
     * One buyer and where it came from.
     *
     * @param line   the line of the file its row starts on
     * @param values the row's values of {@link #COLUMNS}, as written (empty when absent)
     * @param buyer  the buyer
     */
    record Entry(int line, Map<String, String> values, Buyer buyer) {
        /** Copies the values. */
        Entry {
            values = Map.copyOf(values);
            Objects.requireNonNull(buyer, "buyer");
        }
    }

    private BuyerCsv() {
    }

    /**
     * The buyers of {@code rows}, the first being the header.
     *
     * @throws ValidationException when the header names none of the columns, there is no buyer, or
     *                             rows do not make buyers (each listed with its line)
     */
    static List<Entry> buyers(List<CsvReader.Row> rows) {
        if (rows.isEmpty()) {
            throw new ValidationException("csv", "the file is empty: expected a header with phone, email, name and/or site");
        }
        Map<String, Integer> columns = columns(rows.get(0));
        List<Entry> entries = new ArrayList<>();
        List<Violation> problems = new ArrayList<>();
        for (CsvReader.Row row : rows.subList(1, rows.size())) {
            if (row.isBlank()) {
                continue;
            }
            Map<String, String> values = new LinkedHashMap<>();
            Buyer.Builder builder = Buyer.builder();
            columns.forEach((column, index) -> {
                String value = index < row.fields().size() ? row.fields().get(index).strip() : "";
                values.put(column, value);
                if (!value.isEmpty()) {
                    set(builder, column, value);
                }
            });
            try {
                entries.add(new Entry(row.line(), values, builder.build()));
            } catch (ValidationException invalid) {
                invalid.violations().forEach(v -> problems.add(new Violation("line " + row.line() + ": " + v.field(), v.message())));
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(listed(problems));
        }
        if (entries.isEmpty()) {
            throw new ValidationException("csv", "no buyers: the file has a header and no rows");
        }
        return entries;
    }

    private static Map<String, Integer> columns(CsvReader.Row header) {
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (String column : COLUMNS) {
            for (int i = 0; i < header.fields().size(); i++) {
                if (header.fields().get(i).strip().toLowerCase(Locale.ROOT).equals(column)) {
                    if (columns.containsKey(column)) {
                        throw new ValidationException("csv", "line " + header.line() + ": the column " + column + " is named twice");
                    }
                    columns.put(column, i);
                }
            }
        }
        if (columns.isEmpty()) {
            throw new ValidationException("csv", "line " + header.line()
                    + ": the header names none of the columns phone, email, name, site");
        }
        return columns;
    }

    private static void set(Buyer.Builder builder, String column, String value) {
        switch (column) {
            case "phone" -> builder.phone(value);
            case "email" -> builder.email(value);
            case "name" -> builder.name(value);
            case "site" -> builder.site(value);
            default -> throw new IllegalArgumentException("unknown column " + column);
        }
    }

    // A file of thousands of bad rows must not make an error of thousands of lines.
    private static List<Violation> listed(List<Violation> problems) {
        if (problems.size() <= MAX_LISTED) {
            return problems;
        }
        List<Violation> first = new ArrayList<>(problems.subList(0, MAX_LISTED));
        first.add(new Violation("csv", "and " + (problems.size() - MAX_LISTED) + " more problems"));
        return first;
    }
}
