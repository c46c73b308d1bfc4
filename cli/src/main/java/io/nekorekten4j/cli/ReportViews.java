package io.nekorekten4j.cli;

import io.nekorekten4j.domain.MatchCertainty;
import io.nekorekten4j.domain.Report;
import io.nekorekten4j.domain.ReportFile;
import io.nekorekten4j.domain.SearchField;
import io.nekorekten4j.domain.SearchHit;
import io.nekorekten4j.ports.ServiceFacts;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How reports are shown: a table for people, JSON objects for scripts. Both show what the service
 * returned (names and e-mails masked by the service) and, for search hits, which of the caller's
 * filters each report matched and how surely.
 */
final class ReportViews {

    private static final ZoneId SOFIA = ServiceFacts.SOFIA;
    private static final int TEXT_COLUMNS = 60;
    private static final int NAME_COLUMNS = 30;
    private static final int SITE_COLUMNS = 50;

    private ReportViews() {
    }

    /** Prints {@code hits} as a table, newest first as the service sent them. */
    static void printTable(List<SearchHit> hits, PrintWriter out) {
        TextTable table = new TextTable()
                .column("ID").column("DATE").column("NAME", NAME_COLUMNS).column("PHONE").column("E-MAIL")
                .column("SITE", SITE_COLUMNS).column("CITY").column("MATCHED").column("TEXT", TEXT_COLUMNS);
        for (SearchHit hit : hits) {
            Report r = hit.report();
            table.row(r.id().value(), date(r), name(r), r.phone().map(p -> p.e164()).orElse(r.phoneAsReported().orElse("")),
                    r.email().orElse(""), r.siteUrl().or(r::facebookUrl).orElse(""), city(r),
                    matched(hit.matchedBy()), r.text());
        }
        table.print(out);
    }

    /** {@code phone: CERTAIN, email: COMPATIBLE_WITH_MASK}; {@code unconfirmed} when nothing was confirmed locally. */
    static String matched(Map<SearchField, MatchCertainty> matchedBy) {
        if (matchedBy.isEmpty()) {
            return "unconfirmed";
        }
        return matchedBy.entrySet().stream().map(e -> fieldName(e.getKey()) + ": " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    /** The option name of a search field: {@code phone}, {@code email}, {@code name}, {@code site}. */
    static String fieldName(SearchField field) {
        return field.name().toLowerCase(Locale.ROOT);
    }

    /** A hit as JSON: the report and {@code matchedBy}. */
    static JsonObject json(SearchHit hit) {
        JsonObjectBuilder matched = Json.createObjectBuilder();
        hit.matchedBy().forEach((field, certainty) -> matched.add(fieldName(field), certainty.name()));
        return Json.createObjectBuilder(json(hit.report())).add("matchedBy", matched).build();
    }

    /** A report as JSON; absent values are {@code null}. */
    static JsonObject json(Report r) {
        JsonObjectBuilder o = Json.createObjectBuilder().add("id", r.id().value());
        put(o, "createdAt", r.createdAt().map(DateTimeFormatter.ISO_OFFSET_DATE_TIME::format));
        put(o, "firstName", r.firstName());
        put(o, "lastName", r.lastName());
        put(o, "phone", r.phone().map(p -> p.e164()));
        put(o, "phoneAsReported", r.phoneAsReported());
        put(o, "email", r.email());
        put(o, "siteUrl", r.siteUrl());
        put(o, "facebookUrl", r.facebookUrl());
        if (r.cityId().isPresent()) {
            o.add("cityId", r.cityId().get().value());
        } else {
            o.addNull("cityId");
        }
        put(o, "cityName", r.cityName());
        o.add("text", r.text()).add("views", r.views()).add("likes", r.likes());
        JsonArrayBuilder files = Json.createArrayBuilder();
        for (ReportFile f : r.files()) {
            JsonObjectBuilder file = Json.createObjectBuilder();
            put(file, "id", f.id().map(id -> id.value()));
            put(file, "previewUrl", f.previewUrl().map(Object::toString));
            put(file, "name", f.name());
            files.add(file);
        }
        return o.add("files", files).build();
    }

    /** Adds {@code value}, or {@code null} when it is absent. */
    static void put(JsonObjectBuilder o, String key, Optional<String> value) {
        if (value.isPresent()) {
            o.add(key, value.get());
        } else {
            o.addNull(key);
        }
    }

    private static String date(Report r) {
        return r.createdAt().map(t -> DateTimeFormatter.ISO_LOCAL_DATE.format(t.atZoneSameInstant(SOFIA))).orElse("");
    }

    private static String name(Report r) {
        return (r.firstName().orElse("") + " " + r.lastName().orElse("")).strip();
    }

    private static String city(Report r) {
        return r.cityName().or(() -> r.cityId().map(Object::toString)).orElse("");
    }
}
