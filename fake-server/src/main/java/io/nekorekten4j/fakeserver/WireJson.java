package io.nekorekten4j.fakeserver;

import io.nekorekten4j.domain.City;
import io.nekorekten4j.domain.FileId;
import io.nekorekten4j.domain.Report;
import io.nekorekten4j.domain.ReportFile;
import io.nekorekten4j.domain.ReportId;
import io.nekorekten4j.domain.Reporter;
import io.nekorekten4j.domain.SearchHit;
import io.nekorekten4j.domain.SearchResult;
import io.nekorekten4j.domain.Violation;
import io.nekorekten4j.domain.WebAddress;
import io.nekorekten4j.ports.ServiceFacts;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The bodies the server answers, in the live shape of the reference (§2), written with JSON-P so
 * that they owe nothing to the HTTP adapter's DTOs: if the adapter misreads the wire, the two sides
 * disagree and a test fails, instead of sharing the mistake.
 *
 * <ul>
 *   <li>Every body carries {@code message} and {@code server: {date, httpCode}}; {@code date} is
 *       {@code yyyy-MM-dd HH:mm:ss} in Europe/Sofia time, without a zone, as the service writes it.</li>
 *   <li>A search answers {@code items}, {@code count} (the total, not the page's size),
 *       {@code currentPage} and {@code itemsPerPage}.</li>
 *   <li>A report has every field of the live payload, in its order; names and e-mails are as the
 *       fake renders them (masked), the phone is {@code +359…}, {@code createDate} is ISO-8601 with
 *       an offset, {@code city} is {@code null} or {@code {id, name}}, each file is
 *       {@code {id, name, previewUrl}} with a {@code previewUrl} relative to the server.</li>
 *   <li>An error is {@code {message, server}}; a refused request body adds {@code errors}, one
 *       message per field.</li>
 * </ul>
 * Thread safe: it holds only a builder factory.
 */
final class WireJson {

    /** Where a file's preview lives, relative to the server, as the live service's paths are. */
    static final String FILES_PREFIX = "/files/";

    private static final DateTimeFormatter SERVER_DATE = DateTimeFormatter.ofPattern(ServiceFacts.SERVER_DATE_PATTERN)
            .withZone(ServiceFacts.SOFIA);
    private static final DateTimeFormatter CREATE_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");

    // One factory: Json.createObjectBuilder() looks the provider up on every call.
    private final JsonBuilderFactory json = Json.createBuilderFactory(Map.of());

    /** One page of a search in the live envelope. */
    byte[] searchPage(SearchResult result, Instant now) {
        JsonArrayBuilder items = json.createArrayBuilder();
        for (SearchHit hit : result.hits()) {
            items.add(report(hit.report()));
        }
        JsonObjectBuilder page = json.createObjectBuilder()
                .addNull("message")
                .add("items", items);
        // The fake knows its totals; a result without one is sent as the service would: no count.
        result.totalCount().ifPresent(total -> page.add("count", total));
        page.add("currentPage", result.page())
                .add("itemsPerPage", result.pageSize())
                .add("server", server(200, now));
        return bytes(page.build());
    }

    /** A report as the live service returns it, every field of the live payload in its order. */
    JsonObject report(Report r) {
        JsonObjectBuilder b = json.createObjectBuilder().add("id", r.id().value());
        nullable(b, "firstName", r.firstName());
        nullable(b, "lastName", r.lastName());
        nullable(b, "email", r.email());
        nullable(b, "phone", r.phoneAsReported());
        b.add("text", r.text());
        nullable(b, "facebookUrl", r.facebookUrl());
        nullable(b, "siteUrl", r.siteUrl());
        // What the service "maps" a site to is not known; the normalised address is our reading.
        nullable(b, "siteUrlMapped", r.siteUrl().filter(WebAddress::isValid).map(s -> WebAddress.parse(s).normalised()));
        if (r.reporter().isPresent()) {
            b.add("user", user(r.reporter().get()));
        } else {
            b.addNull("user");
        }
        if (r.cityId().isPresent()) {
            JsonObjectBuilder city = json.createObjectBuilder().add("id", r.cityId().get().value());
            nullable(city, "name", r.cityName());
            b.add("city", city);
        } else {
            b.addNull("city");
        }
        if (r.parentId().isPresent()) {
            b.add("parent", json.createObjectBuilder().add("id", r.parentId().get().value()));
        } else {
            b.addNull("parent");
        }
        JsonArrayBuilder children = json.createArrayBuilder();
        r.replies().forEach(reply -> children.add(report(reply)));
        b.add("children", children);
        b.add("categories", json.createArrayBuilder());
        JsonArrayBuilder files = json.createArrayBuilder();
        for (ReportFile file : r.files()) {
            files.add(file(file.id(), file.name()));
        }
        b.add("files", files);
        nullable(b, "createDate", r.createdAt().map(CREATE_DATE::format));
        b.add("views", r.views()).add("liked", r.likes());
        b.add("visibleOnlyForCreator", false).add("isArchived", false);
        return b.build();
    }

    /** The answer of a create or an update: the service's message, the report's id, the server block. */
    byte[] receipt(String message, ReportId id, Instant now) {
        return bytes(json.createObjectBuilder().add("message", message).add("id", id.value())
                .add("server", server(200, now)).build());
    }

    /** The answer of an upload: one {@code {id, name, previewUrl}} per file, in the order of the parts. */
    byte[] uploaded(List<FileId> ids, List<String> names, Instant now) {
        JsonArrayBuilder files = json.createArrayBuilder();
        for (int i = 0; i < ids.size(); i++) {
            files.add(file(Optional.of(ids.get(i)), Optional.of(names.get(i))));
        }
        return bytes(json.createObjectBuilder().addNull("message").add("files", files)
                .add("server", server(200, now)).build());
    }

    /** Every city as {@code {id, name}}, in {@code items}. */
    byte[] cities(List<City> cities, Instant now) {
        JsonArrayBuilder items = json.createArrayBuilder();
        for (City c : cities) {
            items.add(json.createObjectBuilder().add("id", c.id().value()).add("name", c.name()));
        }
        return bytes(json.createObjectBuilder().addNull("message").add("items", items)
                .add("server", server(200, now)).build());
    }

    /** A plain answer or error: {@code {message, server}}. */
    byte[] message(String message, int httpCode, Instant now) {
        return bytes(json.createObjectBuilder().add("message", message).add("server", server(httpCode, now)).build());
    }

    /**
     * A refused request: {@code {message, errors: {field: message}, server}}. Several messages for one
     * field are joined with {@code "; "}, so that each field has one string, as the live plugins show it.
     */
    byte[] invalid(String message, List<Violation> violations, int httpCode, Instant now) {
        Map<String, String> byField = new LinkedHashMap<>();
        for (Violation v : violations) {
            byField.merge(v.field(), v.message(), (a, b) -> a + "; " + b);
        }
        JsonObjectBuilder errors = json.createObjectBuilder();
        byField.forEach(errors::add);
        return bytes(json.createObjectBuilder().add("message", message).add("errors", errors)
                .add("server", server(httpCode, now)).build());
    }

    /** {@code server}: the time in Sofia and the status, as the service repeats it in the body. */
    JsonObject server(int httpCode, Instant now) {
        return json.createObjectBuilder().add("date", SERVER_DATE.format(now)).add("httpCode", httpCode).build();
    }

    /** {@code server.date} of {@code now}. */
    static String serverDate(Instant now) {
        return SERVER_DATE.format(now);
    }

    private JsonObject user(Reporter reporter) {
        JsonObjectBuilder user = json.createObjectBuilder();
        nullable(user, "id", reporter.id());
        nullable(user, "firstName", reporter.firstName());
        nullable(user, "lastName", reporter.lastName());
        nullable(user, "email", reporter.email());
        return user.build();
    }

    private JsonObject file(Optional<FileId> id, Optional<String> name) {
        JsonObjectBuilder file = json.createObjectBuilder();
        nullable(file, "id", id.map(FileId::value));
        nullable(file, "name", name);
        nullable(file, "previewUrl", id.map(i -> FILES_PREFIX + i.value()));
        return file.build();
    }

    private static void nullable(JsonObjectBuilder b, String name, Optional<String> value) {
        if (value.isPresent()) {
            b.add(name, value.get());
        } else {
            b.addNull(name);
        }
    }

    private static byte[] bytes(JsonObject object) {
        return object.toString().getBytes(StandardCharsets.UTF_8);
    }
}
