package io.nekorekten4j.cli;

import io.nekorekten4j.domain.ValidationException;
import io.nekorekten4j.ports.screening.Buyer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Which columns of a CSV file hold the buyer, found by their header's name in English or
 * Bulgarian ({@code phone}/{@code телефон}, {@code email}/{@code имейл}, {@code name}/{@code име},
 * {@code site}/{@code сайт}…; any case, spaces, dashes or underscores), and the {@link Buyer} of
 * a record. Other columns are the user's: they are carried to the output, not read.
 */
final class BuyerColumns {

    /** What a column holds. */
    enum Role {
        /** The phone. */
        PHONE("phone", "phone", "phone number", "telephone", "tel", "mobile", "mobile phone", "gsm", "телефон",
                "тел", "телефонен номер", "мобилен", "мобилен телефон", "gsm номер"),
        /** The e-mail. */
        EMAIL("email", "email", "e mail", "mail", "email address", "имейл", "имейл адрес", "мейл", "е мейл",
                "e мейл", "ел поща", "електронна поща"),
        /** The name, or the first name when a last-name column is there too. */
        NAME("name", "name", "full name", "first name", "customer", "customer name", "buyer", "buyer name", "име",
                "имена", "име и фамилия", "собствено име", "клиент", "купувач", "получател"),
        /** The last name, joined to the name. */
        LAST_NAME("last name", "last name", "surname", "family name", "фамилия", "презиме и фамилия"),
        /** The web site or Facebook address. */
        SITE("site", "site", "website", "web site", "url", "web", "facebook", "сайт", "уебсайт", "уеб сайт", "фейсбук",
                "facebook профил", "фейсбук профил");

        private final String label;
        private final List<String> names;

        Role(String label, String... names) {
            this.label = label;
            this.names = List.of(names);
        }
    }

    private final List<String> header;
    private final Map<Role, Integer> columns;
    private final List<String> ignoredDuplicates;

    private BuyerColumns(List<String> header, Map<Role, Integer> columns, List<String> ignoredDuplicates) {
        this.header = List.copyOf(header);
        this.columns = columns;
        this.ignoredDuplicates = List.copyOf(ignoredDuplicates);
    }

    /**
     * The columns of {@code header}. When two columns mean the same (say {@code телефон} and
     * {@code мобилен}), the first is read; {@link #ignoredDuplicates()} names the others.
     *
     * @throws ValidationException when no column holds a phone, an e-mail, a name or a site
     */
    static BuyerColumns of(CsvSource.Record header) {
        Objects.requireNonNull(header, "header");
        Map<Role, Integer> columns = new EnumMap<>(Role.class);
        List<String> ignored = new ArrayList<>();
        for (int i = 0; i < header.values().size(); i++) {
            Optional<Role> role = roleOf(header.values().get(i));
            if (role.isEmpty()) {
                continue;
            }
            if (columns.containsKey(role.get())) {
                ignored.add("'" + header.values().get(i).strip() + "' (the " + role.get().label + " is read from '"
                        + header.values().get(columns.get(role.get())).strip() + "')");
            } else {
                columns.put(role.get(), i);
            }
        }
        if (columns.isEmpty() || columns.keySet().equals(java.util.Set.of(Role.LAST_NAME))) {
            throw new ValidationException(ErrorMessages.CSV_FIELD, "line " + header.line() + ": the header names no column of the buyer;"
                    + " expected one or more of phone, email, name, site (or телефон, имейл, име, сайт)");
        }
        return new BuyerColumns(header.values(), columns, ignored);
    }

    /** The role of a header's name, if it names one. */
    static Optional<Role> roleOf(String name) {
        String key = normalise(name);
        for (Role role : Role.values()) {
            if (role.names.stream().anyMatch(n -> normalise(n).equals(key))) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

    // "E-mail", "e_mail", " EMAIL " and "ел. поща" compare as "e mail", "email", "ел поща".
    private static String normalise(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-.:]+", " ").strip();
        return n.equals("e mail") ? "email" : n;
    }

    /** The header as written. */
    List<String> header() {
        return header;
    }

    /** Columns that mean what an earlier one means, and are not read. */
    List<String> ignoredDuplicates() {
        return ignoredDuplicates;
    }

    /** What the columns read hold: {@code phone (телефон), email (Имейл)}. */
    String describe() {
        return columns.entrySet().stream().map(e -> e.getKey().label + " ('" + header.get(e.getValue()).strip() + "')")
                .collect(Collectors.joining(", "));
    }

    /**
     * The buyer of {@code values} (the record, as long as the header).
     *
     * @throws ValidationException when a value breaks the domain's rules, or the record has no
     *                             phone, e-mail, name or site
     */
    Buyer buyer(List<String> values) {
        Buyer.Builder builder = Buyer.builder();
        value(values, Role.PHONE).ifPresent(builder::phone);
        value(values, Role.EMAIL).ifPresent(builder::email);
        Optional<String> first = value(values, Role.NAME);
        Optional<String> last = value(values, Role.LAST_NAME);
        if (first.isPresent() || last.isPresent()) {
            builder.name((first.orElse("") + " " + last.orElse("")).strip());
        }
        value(values, Role.SITE).ifPresent(builder::site);
        return builder.build();
    }

    private Optional<String> value(List<String> values, Role role) {
        Integer at = columns.get(role);
        if (at == null || at >= values.size()) {
            return Optional.empty();
        }
        return Optional.of(values.get(at).strip()).filter(v -> !v.isEmpty());
    }
}
