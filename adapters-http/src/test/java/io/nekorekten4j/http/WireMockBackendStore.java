package io.nekorekten4j.http;

import com.github.tomakehurst.wiremock.http.Request;
import io.nekorekten4j.domain.Email;
import io.nekorekten4j.domain.PersonName;
import io.nekorekten4j.domain.Phone;
import io.nekorekten4j.domain.Report;
import io.nekorekten4j.domain.ReportFields;
import io.nekorekten4j.domain.ReportId;
import io.nekorekten4j.domain.SearchCriteria;
import io.nekorekten4j.domain.SearchMode;
import io.nekorekten4j.domain.ValidationException;
import io.nekorekten4j.domain.Violation;
import io.nekorekten4j.domain.WebAddress;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The state behind {@link WireMockBackend}: reports (unmasked, with the key that filed each),
 * uploaded files and cities, and the handlers of each endpoint. Matching uses the domain's
 * {@code SearchCriteria.isSatisfiedBy} on the stored unmasked values, so its semantics equal the
 * fake's; answers mask names and e-mails as the live service does. Thread safe (one lock).
 *
 * <p>Values on the wire are checked in the exact form the API wants: phones as digits with the
 * country code ({@code Phone.of}), so an adapter that sends a phone as typed is refused (422).
 */
final class WireMockBackendStore {

    /** The page size of the live service. */
    static final int PAGE_SIZE = 20;
    private static final String ARRANGER = "arranged-by-a-third-key";

    private final Map<String, Stored> reports = new LinkedHashMap<>();
    private final Map<String, String> fileNames = new HashMap<>();
    private final Map<String, String> users = new HashMap<>();
    private long sequence;

    /** Stores a report filed by a third key at {@code createdAt}; returns its id. */
    synchronized ReportId arrange(ReportFields fields, Instant createdAt) {
        Stored report = new Stored(newId("R"), ARRANGER, ++sequence, createdAt.truncatedTo(ChronoUnit.SECONDS));
        report.text = fields.text().orElse("");
        report.phone = fields.phone().map(Phone::digits).orElse(null);
        report.email = fields.email().map(Email::value).orElse(null);
        report.siteUrl = fields.siteUrl().map(WebAddress::value).orElse(null);
        report.facebookUrl = fields.facebookUrl().map(WebAddress::value).orElse(null);
        report.firstName = fields.firstName().map(PersonName::value).orElse(null);
        report.lastName = fields.lastName().map(PersonName::value).orElse(null);
        report.files = fields.files().stream().map(f -> f.value()).toList();
        report.cityId = fields.cityId().map(c -> c.value()).orElse(null);
        reports.put(report.id, report);
        return ReportId.of(report.id);
    }

    /** How many reports are stored. */
    synchronized int size() {
        return reports.size();
    }

    /** GET /api/v1/reports. */
    synchronized WireMockBackend.Answer search(Map<String, String> query) {
        SearchCriteria criteria;
        int page;
        try {
            SearchCriteria.Builder b = SearchCriteria.builder();
            List<Violation> violations = new ArrayList<>();
            Optional.ofNullable(query.get("phone")).ifPresent(p -> {
                try {
                    b.phone(Phone.of(p));
                } catch (ValidationException e) {
                    violations.add(new Violation("phone", "the phone must be digits with the country code"));
                }
            });
            Optional.ofNullable(query.get("email")).ifPresent(b::email);
            Optional.ofNullable(query.get("name")).ifPresent(b::name);
            Optional.ofNullable(query.get("siteUrl")).ifPresent(b::site);
            String mode = query.getOrDefault("searchMode", "all");
            switch (mode) {
                case "all" -> b.mode(SearchMode.ALL);
                case "one-of" -> b.mode(SearchMode.ONE_OF);
                default -> violations.add(new Violation("searchMode", "searchMode must be all or one-of"));
            }
            page = parsePage(query.get("page"), violations);
            if (!violations.isEmpty()) {
                return invalid(violations);
            }
            criteria = b.build();
        } catch (ValidationException e) {
            return invalid(e.violations());
        }
        List<Stored> matching = reports.values().stream()
                .filter(r -> criteria.isSatisfiedBy(r.toDomain()))
                .sorted(Comparator.comparing((Stored r) -> r.createdAt).thenComparingLong(r -> r.sequence).reversed())
                .toList();
        int from = Math.min(matching.size(), (page - 1) * PAGE_SIZE);
        int to = Math.min(matching.size(), from + PAGE_SIZE);
        List<JsonObject> items = matching.subList(from, to).stream().map(this::wire).toList();
        return new WireMockBackend.Answer(200, WireMockBackendJson.searchPage(items, matching.size(), page, PAGE_SIZE));
    }

    /** POST /api/v1/reports. */
    synchronized WireMockBackend.Answer create(String key, String body) {
        Optional<JsonObject> json = parse(body);
        if (json.isEmpty()) {
            return badJson();
        }
        List<Violation> violations = new ArrayList<>();
        Stored draft = new Stored(null, key, 0, null);
        apply(json.get(), draft, violations);
        if (draft.text == null || draft.text.isBlank()) {
            violations.add(new Violation("text", "the text is required"));
        }
        if (draft.phone == null && draft.email == null && draft.siteUrl == null && draft.facebookUrl == null) {
            violations.add(new Violation("phone", "give a phone, an e-mail, a site or a Facebook address"));
        }
        if (!violations.isEmpty()) {
            return invalid(violations);
        }
        Stored report = new Stored(newId("R"), key, ++sequence, Instant.now().truncatedTo(ChronoUnit.SECONDS));
        report.copyFrom(draft);
        reports.put(report.id, report);
        return new WireMockBackend.Answer(200, WireMockBackendJson.created(report.id));
    }

    /** PATCH /api/v1/reports/{id}. */
    synchronized WireMockBackend.Answer update(String key, String id, String body) {
        Stored report = reports.get(id);
        if (report == null) {
            return new WireMockBackend.Answer(404, WireMockBackendJson.error("Сигналът не е намерен.", 404));
        }
        if (!report.owner.equals(key)) {
            return new WireMockBackend.Answer(403,
                    WireMockBackendJson.error("Нямате право да променяте този сигнал.", 403));
        }
        Optional<JsonObject> json = parse(body);
        if (json.isEmpty()) {
            return badJson();
        }
        List<Violation> violations = new ArrayList<>();
        Stored patch = new Stored(null, key, 0, null);
        apply(json.get(), patch, violations);
        if (json.get().isEmpty()) {
            violations.add(new Violation("body", "nothing to change"));
        }
        if (patch.text != null && patch.text.isBlank()) {
            violations.add(new Violation("text", "the text must not be blank"));
        }
        if (!violations.isEmpty()) {
            return invalid(violations);
        }
        report.copyFrom(patch);
        return new WireMockBackend.Answer(200, WireMockBackendJson.message("Сигналът е редактиран успешно.", 200));
    }

    /** DELETE /api/v1/reports/{id}. */
    synchronized WireMockBackend.Answer delete(String key, String id) {
        Stored report = reports.get(id);
        if (report == null) {
            return new WireMockBackend.Answer(404, WireMockBackendJson.error("Сигналът не е намерен.", 404));
        }
        if (!report.owner.equals(key)) {
            return new WireMockBackend.Answer(403,
                    WireMockBackendJson.error("Нямате право да изтриете този сигнал.", 403));
        }
        reports.remove(id);
        return new WireMockBackend.Answer(200, WireMockBackendJson.message("Сигналът е изтрит успешно.", 200));
    }

    /** POST /api/v1/files: one id per {@code files[]} part, in order. */
    synchronized WireMockBackend.Answer upload(Request request) {
        if (!request.isMultipart()) {
            return invalid(List.of(new Violation("files", "send multipart/form-data with files[] parts")));
        }
        List<String> ids = new ArrayList<>();
        for (Request.Part part : request.getParts()) {
            if (!"files[]".equals(part.getName())) {
                return invalid(List.of(new Violation("files", "unexpected part " + part.getName())));
            }
            String id = newId("F");
            fileNames.put(id, part.getFileName() == null ? "file" : part.getFileName());
            ids.add(id);
        }
        if (ids.isEmpty()) {
            return invalid(List.of(new Violation("files", "no files[] part")));
        }
        return new WireMockBackend.Answer(200, WireMockBackendJson.uploaded(ids));
    }

    /** The file name stored for {@code id}, if it was uploaded. */
    synchronized Optional<String> fileName(String id) {
        return Optional.ofNullable(fileNames.get(id));
    }

    /** The next Sofia midnight after {@code at}. */
    static Instant nextSofiaMidnight(Instant at) {
        return at.atZone(QuotaGate.SOFIA).toLocalDate().plusDays(1).atStartOfDay(QuotaGate.SOFIA).toInstant();
    }

    private static int parsePage(String page, List<Violation> violations) {
        if (page == null) {
            return 1;
        }
        try {
            int n = Integer.parseInt(page);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        violations.add(new Violation("page", "page must be a whole number from 1"));
        return 1;
    }

    /** Reads the fields of a create or patch body into {@code into}, collecting violations. */
    private void apply(JsonObject json, Stored into, List<Violation> violations) {
        into.text = string(json, "text", violations, Function.identity());
        into.phone = string(json, "phone", violations, p -> Phone.of(p).digits());
        into.email = string(json, "email", violations, e -> Email.parse(e).value());
        into.siteUrl = string(json, "siteUrl", violations, s -> WebAddress.parse(s).value());
        into.facebookUrl = string(json, "facebookUrl", violations, f -> WebAddress.parseFacebook(f).value());
        into.firstName = string(json, "firstName", violations, n -> PersonName.parse(n).value());
        into.lastName = string(json, "lastName", violations, n -> PersonName.parse(n).value());
        JsonValue city = json.get("cityID");
        if (city != null && city.getValueType() != JsonValue.ValueType.NULL) {
            if (city instanceof JsonNumber n && n.isIntegral() && WireMockBackendJson.cityName(n.intValue()).isPresent()) {
                into.cityId = n.intValue();
            } else {
                violations.add(new Violation("cityID", "unknown city"));
            }
        }
        JsonValue files = json.get("files");
        if (files != null && files.getValueType() != JsonValue.ValueType.NULL) {
            if (!(files instanceof JsonArray array)) {
                violations.add(new Violation("files", "files must be a list of file ids"));
                return;
            }
            List<String> ids = new ArrayList<>();
            for (JsonValue v : array) {
                if (v instanceof JsonString s && fileNames.containsKey(s.getString())) {
                    ids.add(s.getString());
                } else {
                    violations.add(new Violation("files", "unknown file id"));
                }
            }
            into.files = ids;
        }
    }

    private static String string(JsonObject json, String field, List<Violation> violations,
                                 Function<String, String> normalise) {
        JsonValue value = json.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (!(value instanceof JsonString s)) {
            violations.add(new Violation(field, field + " must be a string"));
            return null;
        }
        try {
            return normalise.apply(s.getString());
        } catch (ValidationException e) {
            violations.add(new Violation(field, e.getMessage()));
            return null;
        }
    }

    private static Optional<JsonObject> parse(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return Optional.of(reader.readObject());
        } catch (JsonException | IllegalStateException e) {
            return Optional.empty();
        }
    }

    private static WireMockBackend.Answer badJson() {
        return new WireMockBackend.Answer(400, WireMockBackendJson.error("Невалиден JSON.", 400));
    }

    private static WireMockBackend.Answer invalid(List<Violation> violations) {
        Map<String, String> errors = new LinkedHashMap<>();
        violations.forEach(v -> errors.merge(v.field(), v.message(), (a, b) -> a + " " + b));
        return new WireMockBackend.Answer(422, WireMockBackendJson.error("Данните са невалидни.", 422, errors));
    }

    private JsonObject wire(Stored r) {
        String user = users.computeIfAbsent(r.owner, k -> newId("U"));
        return WireMockBackendJson.report(r.id, r.text, r.phone, r.email, r.firstName, r.lastName, r.siteUrl,
                r.facebookUrl, user, r.cityId, r.files.stream().map(f -> Map.entry(f, fileNames.getOrDefault(f, "file")))
                        .toList(), r.createdAt);
    }

    /** A new 10-character URL-safe id, like the live service's. */
    private String newId(String prefix) {
        String digits = Long.toString(++sequence * 7919L + 1_000_003L, 36);
        String id = prefix + "x" + digits;
        return id.length() >= 10 ? id : id + "Q".repeat(10 - id.length());
    }

    /** A report as stored: unmasked, with the key that filed it. */
    private static final class Stored {
        final String id;
        final String owner;
        final long sequence;
        final Instant createdAt;
        String text;
        String phone;
        String email;
        String siteUrl;
        String facebookUrl;
        String firstName;
        String lastName;
        List<String> files = List.of();
        Integer cityId;

        Stored(String id, String owner, long sequence, Instant createdAt) {
            this.id = id;
            this.owner = owner;
            this.sequence = sequence;
            this.createdAt = createdAt;
        }

        /** Takes every field {@code other} has. */
        void copyFrom(Stored other) {
            text = other.text != null ? other.text : text;
            phone = other.phone != null ? other.phone : phone;
            email = other.email != null ? other.email : email;
            siteUrl = other.siteUrl != null ? other.siteUrl : siteUrl;
            facebookUrl = other.facebookUrl != null ? other.facebookUrl : facebookUrl;
            firstName = other.firstName != null ? other.firstName : firstName;
            lastName = other.lastName != null ? other.lastName : lastName;
            files = !other.files.isEmpty() ? other.files : files;
            cityId = other.cityId != null ? other.cityId : cityId;
        }

        /** The unmasked domain report, for matching. */
        Report toDomain() {
            return Report.builder().id(ReportId.of(id)).text(text).phone(phone == null ? null : "+" + phone)
                    .email(email).firstName(firstName).lastName(lastName).siteUrl(siteUrl).facebookUrl(facebookUrl)
                    .build();
        }
    }
}
