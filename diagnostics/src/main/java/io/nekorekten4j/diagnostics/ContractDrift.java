package io.nekorekten4j.diagnostics;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.nekorekten4j.apicontract.ContractViolation;
import io.nekorekten4j.apicontract.OpenApiContract;
import io.nekorekten4j.diagnostics.ContractSchemas.ObjectSchema;
import io.nekorekten4j.diagnostics.ContractSchemas.Property;
import io.nekorekten4j.diagnostics.Drift.Kind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Compares one raw answer with the written contract and with what the library made of it, and says
 * of every difference what the library does with it ({@link Effect}).
 *
 * <p>Three sources, in this order: the structure of the body against the contract's object schemas
 * (missing, new, retyped and reformatted fields, with an effect per field — the fields a buyer is
 * matched on, and the list of reports itself, could hide reports when they change); then the
 * contract's own JSON Schema validation, for whatever the structure walk did not cover; then the
 * library's reading — an answer the library refused breaks parsing, and fewer reports than the raw
 * answer carried could hide reports.
 */
final class ContractDrift {

    /** The search answer's fields whose loss can hide a report, or stop a buyer from matching one. */
    private static final Set<String> REPORT_IDENTIFYING = Set.of("id", "phone", "email", "firstName", "lastName",
            "siteUrl", "facebookUrl");

    private final OpenApiContract contract;
    private final ContractSchemas schemas;
    private final ObjectMapper json = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    ContractDrift(OpenApiContract contract, ContractSchemas schemas) {
        this.contract = contract;
        this.schemas = schemas;
    }

    /**
     * What the library made of an answer.
     *
     * @param refusal  the library's error when it refused an answer the service sent as a success
     * @param presented how many items (reports, cities) the library presented, when it accepted the answer
     */
    record LibraryReading(Optional<String> refusal, int presented) {
        static LibraryReading accepted(int presented) {
            return new LibraryReading(Optional.empty(), presented);
        }

        static LibraryReading refused(String why) {
            return new LibraryReading(Optional.of(why), 0);
        }
    }

    /** The differences of a search answer ({@code GET /api/v1/reports}). */
    List<Drift> search(Exchange exchange, LibraryReading library) {
        return analyse(exchange, library, "/api/v1/reports", "items", "SearchEnvelope", "Report");
    }

    /** The differences of a cities answer ({@code GET /api/v1/cities}). */
    List<Drift> cities(Exchange exchange, LibraryReading library) {
        return analyse(exchange, library, "/api/v1/cities", null, null, "City");
    }

    private List<Drift> analyse(Exchange exchange, LibraryReading library, String template, String listField,
                                String envelope, String itemSchema) {
        Drifts drifts = new Drifts(library);
        int status = exchange.status().orElseThrow(() -> new IllegalArgumentException("no answer to analyse"));
        String body = new String(exchange.body(), StandardCharsets.UTF_8);
        JsonNode root = parse(body);
        boolean success = status >= 200 && status < 300;
        if (root == null) {
            notJson(exchange, body, success, library, drifts);
            return drifts.list();
        }
        if (!success) {
            compare(root, schemas.object("ErrorEnvelope"), "$", drifts, false);
        } else if (envelope != null) {
            searchAnswer(root, envelope, itemSchema, listField, library, drifts);
        } else {
            citiesAnswer(root, itemSchema, library, drifts);
        }
        schemaViolations(exchange, template, status, body, drifts);
        if (success && library.refusal().isPresent()) {
            drifts.add(new Drift("$", Kind.LIBRARY_DISAGREES, Effect.BREAKS_PARSING,
                    "the library refused this answer: " + Printable.of(library.refusal().get())));
        }
        return drifts.list();
    }

    private JsonNode parse(String body) {
        if (body.isBlank()) {
            return null;
        }
        try {
            return json.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private static void notJson(Exchange exchange, String body, boolean success, LibraryReading library,
                                Drifts drifts) {
        String type = exchange.contentType().map(Printable::of).orElse("none");
        String lower = body.stripLeading().toLowerCase(Locale.ROOT);
        String what = body.isBlank() ? "an empty body"
                : lower.startsWith("<!doctype html") || lower.startsWith("<html")
                        ? "an HTML page — a proxy, firewall or CDN between you and the service answered, not the API"
                        : "a body that is not JSON";
        if (success) {
            Effect effect = library.refusal().isPresent() ? Effect.BREAKS_PARSING : Effect.COULD_HIDE_REPORTS;
            drifts.add(new Drift("$", Kind.NOT_JSON, effect, what + " (Content-Type: " + type + ") with a success status"));
        } else {
            drifts.add(new Drift("$", Kind.NOT_JSON, Effect.TOLERATED, what + " (Content-Type: " + type
                    + "); the library goes by the HTTP status " + exchange.status().orElseThrow() + " alone"));
        }
    }

    private void searchAnswer(JsonNode root, String envelope, String itemSchema, String listField,
                              LibraryReading library, Drifts drifts) {
        if (!root.isObject()) {
            drifts.add(new Drift("$", Kind.SHAPE_CHANGED, critical(library),
                    "a " + Property.typeOf(root) + " instead of the {message, items, count, …} envelope"));
            return;
        }
        compare(root, schemas.object(envelope), "$", drifts, false);
        JsonNode items = root.get(listField);
        if (items == null || !items.isArray()) {
            Optional<String> candidate = arrayOfObjects(root);
            drifts.replace("$." + listField, critical(library), candidate
                    .map(name -> "no '" + listField + "' list; '" + Printable.of(name) + "' holds a list of objects"
                            + " — renamed? the library reads reports only from '" + listField + "'")
                    .orElse("no '" + listField + "' list: the library reads reports only from it"));
            return;
        }
        ObjectSchema report = schemas.object(itemSchema);
        ObjectSchema reporter = schemas.object("Reporter");
        ObjectSchema file = schemas.object("ReportFile");
        for (JsonNode item : items) {
            String at = "$." + listField + "[*]";
            if (!item.isObject()) {
                drifts.add(new Drift(at, Kind.TYPE_CHANGED, critical(library),
                        "a " + Property.typeOf(item) + " where a report object belongs"));
                continue;
            }
            compare(item, report, at, drifts, true);
            if (item.path("user").isObject()) {
                compare(item.get("user"), reporter, at + ".user", drifts, false);
            }
            for (JsonNode f : item.path("files")) {
                if (f.isObject()) {
                    compare(f, file, at + ".files[*]", drifts, false);
                }
            }
        }
        if (library.refusal().isEmpty() && library.presented() < items.size()) {
            drifts.add(new Drift("$." + listField, Kind.LIBRARY_DISAGREES, Effect.COULD_HIDE_REPORTS,
                    "the service sent " + items.size() + " reports, the library presented " + library.presented()));
        }
    }

    private void citiesAnswer(JsonNode root, String itemSchema, LibraryReading library, Drifts drifts) {
        JsonNode list = root;
        if (root.isObject()) {
            list = null;
            for (String wrapper : List.of("items", "data", "cities")) {
                if (root.path(wrapper).isArray()) {
                    list = root.get(wrapper);
                    break;
                }
            }
        }
        if (list == null || !list.isArray()) {
            drifts.add(new Drift("$", Kind.SHAPE_CHANGED, library.refusal().isPresent() ? Effect.BREAKS_PARSING
                    : Effect.TOLERATED, "no list of cities, bare or wrapped in items/data/cities"));
            return;
        }
        ObjectSchema city = schemas.object(itemSchema);
        for (JsonNode item : list) {
            if (item.isObject()) {
                compare(item, city, "$[*]", drifts, false);
            } else {
                drifts.add(new Drift("$[*]", Kind.TYPE_CHANGED, library.refusal().isPresent()
                        ? Effect.BREAKS_PARSING : Effect.TOLERATED, "a " + Property.typeOf(item) + " where a city belongs"));
            }
        }
        if (library.refusal().isEmpty() && library.presented() < list.size()) {
            drifts.add(new Drift("$", Kind.LIBRARY_DISAGREES, Effect.TOLERATED,
                    "the service sent " + list.size() + " cities, the library presented " + library.presented()));
        }
    }

    /** Missing, new, retyped and reformatted fields of one object against its schema. */
    private static void compare(JsonNode node, ObjectSchema schema, String at, Drifts drifts, boolean report) {
        List<String> missing = new ArrayList<>();
        for (String name : schema.required()) {
            if (!node.has(name)) {
                missing.add(name);
            }
        }
        List<String> added = new ArrayList<>();
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            Property property = schema.properties().get(name);
            if (property == null) {
                added.add(name);
                continue;
            }
            JsonNode value = node.get(name);
            if (!property.accepts(value)) {
                drifts.add(new Drift(at + "." + name, Kind.TYPE_CHANGED, effect(report, name, drifts.library),
                        "expected " + String.join(" or ", property.types()) + ", got " + Property.typeOf(value)
                                + consequence(report, name)));
            } else if (value.isTextual() && property.pattern().isPresent()
                    && !property.pattern().get().matcher(value.asText()).find()) {
                drifts.add(new Drift(at + "." + name, Kind.FORMAT_CHANGED, effect(report, name, drifts.library),
                        "does not match " + property.pattern().get().pattern() + consequence(report, name)));
            }
        }
        for (String name : missing) {
            String hint = added.isEmpty() ? "" : "; new beside it: " + Printable.of(String.join(", ", added))
                    + " — renamed?";
            drifts.add(new Drift(at + "." + name, Kind.MISSING_FIELD, effect(report, name, drifts.library),
                    "required by the contract, absent" + hint + consequence(report, name)));
        }
        for (String name : added) {
            drifts.add(new Drift(at + "." + Printable.of(name), Kind.NEW_FIELD, Effect.IGNORED,
                    "not in the contract; the library does not read it"));
        }
    }

    private static Effect effect(boolean report, String field, LibraryReading library) {
        if (report && REPORT_IDENTIFYING.contains(field)) {
            return critical(library);
        }
        return Effect.TOLERATED;
    }

    private static String consequence(boolean report, String field) {
        if (report && REPORT_IDENTIFYING.contains(field)) {
            return "; buyers are matched on this field";
        }
        if (report && field.equals("createDate")) {
            return "; the library leaves the date out rather than guess it";
        }
        return "";
    }

    /** A change the library cannot read around: it refused the answer, or it would present too little. */
    private static Effect critical(LibraryReading library) {
        return library.refusal().isPresent() ? Effect.BREAKS_PARSING : Effect.COULD_HIDE_REPORTS;
    }

    private static Optional<String> arrayOfObjects(JsonNode root) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = root.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getValue().isArray() && field.getValue().size() > 0 && field.getValue().get(0).isObject()) {
                return Optional.of(field.getKey());
            }
        }
        return Optional.empty();
    }

    /** What the JSON Schema validation finds beyond the structure walk (nested formats, enums, bounds). */
    private void schemaViolations(Exchange exchange, String template, int status, String body, Drifts drifts) {
        if (!contract.documentsStatus(exchange.method(), template, status)) {
            drifts.add(new Drift("$", Kind.SHAPE_CHANGED, Effect.TOLERATED,
                    "HTTP " + status + " is not a status the contract describes for " + exchange.method() + " " + template));
            return;
        }
        for (ContractViolation v : contract.validateResponse(exchange.method(), template, status, body)) {
            String at = v.location().replaceAll("\\[\\d+]", "[*]");
            if (!drifts.covers(at)) {
                drifts.add(new Drift(at, Kind.FORMAT_CHANGED, Effect.TOLERATED, Printable.of(v.message())));
            }
        }
    }

    /** The differences found so far, one per location and kind, in the order found. */
    private static final class Drifts {
        private final LibraryReading library;
        private final Map<String, Drift> byKey = new LinkedHashMap<>();

        Drifts(LibraryReading library) {
            this.library = library;
        }

        void add(Drift drift) {
            byKey.putIfAbsent(drift.location() + " " + drift.kind(), drift);
        }

        /** Records a missing list field, replacing the plain "missing" drift the envelope walk found. */
        void replace(String location, Effect effect, String detail) {
            byKey.remove(location + " " + Kind.MISSING_FIELD);
            byKey.remove(location + " " + Kind.TYPE_CHANGED);
            add(new Drift(location, Kind.MISSING_FIELD, effect, detail));
        }

        /** Whether a drift was found at {@code location} or inside it. */
        boolean covers(String location) {
            for (Drift d : byKey.values()) {
                if (location.equals(d.location()) || location.startsWith(d.location() + ".")
                        || location.startsWith(d.location() + "[") || d.location().startsWith(location + ".")) {
                    return true;
                }
            }
            return false;
        }

        List<Drift> list() {
            return List.copyOf(byKey.values());
        }
    }
}
