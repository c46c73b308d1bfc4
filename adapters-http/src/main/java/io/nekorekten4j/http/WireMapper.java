package io.nekorekten4j.http;

import io.nekorekten4j.domain.Attachment;
import io.nekorekten4j.domain.City;
import io.nekorekten4j.domain.CityId;
import io.nekorekten4j.domain.FileId;
import io.nekorekten4j.domain.Report;
import io.nekorekten4j.domain.ReportFields;
import io.nekorekten4j.domain.ReportFile;
import io.nekorekten4j.domain.ReportId;
import io.nekorekten4j.domain.ReportReceipt;
import io.nekorekten4j.domain.Reporter;
import io.nekorekten4j.domain.SearchCriteria;
import io.nekorekten4j.domain.SearchField;
import io.nekorekten4j.domain.SearchHit;
import io.nekorekten4j.domain.SearchResult;
import io.nekorekten4j.domain.ValidationException;
import io.nekorekten4j.domain.Violation;
import io.nekorekten4j.http.JsonCodec.BodyCapture;
import io.nekorekten4j.http.JsonCodec.Malformed;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Maps between the domain and the wire: request URIs and bodies out, the service's answers in.
 *
 * <p>Answers are read as the reference's live shape (§2) — {@code items}, {@code count},
 * {@code currentPage}, {@code itemsPerPage}, {@code server.httpCode}, {@code server.date} — and
 * defensively where the shape is unknown (§3): create, update, delete, files and cities. Unknown
 * properties are ignored and missing or {@code null} fields tolerated, but a value that cannot be
 * trusted is an error, never a guess: a number that overflows its field, a report without a usable
 * id, a search answer without {@code items}. Masked names and e-mails are kept exactly as they come.
 * Thread safe.
 */
final class WireMapper {

    /** The service's zone: {@code server.date} and zone-less dates are its local time. */
    static final ZoneId SOFIA = ZoneId.of("Europe/Sofia");
    /** The most files one upload may carry: a guard of ours, the service states none. */
    static final int MAX_UPLOAD_FILES = 10;

    static final String REPORTS = "/api/v1/reports";
    static final String FILES = "/api/v1/files";
    static final String CITIES = "/api/v1/cities";

    private static final DateTimeFormatter SERVER_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    /** The most digits a {@code long} can have; more is out of range (or not a number). */
    private static final int MAX_LONG_DIGITS = 19;
    /** The earliest and (excluded) latest instant a number is read as: outside, it is surely not a report's date. */
    private static final Instant EPOCH_FROM = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant EPOCH_UNTIL = Instant.parse("2100-01-01T00:00:00Z");
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final JsonCodec json;
    private final String origin;
    private final URI resolveBase;

    /**
     * @param json    the client's codec
     * @param baseUri the service's base URI (absolute, no query or fragment)
     */
    WireMapper(JsonCodec json, URI baseUri) {
        this.json = Objects.requireNonNull(json, "json");
        String path = baseUri.getRawPath() == null ? "" : baseUri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        this.origin = baseUri.getScheme() + "://" + baseUri.getRawAuthority() + path;
        this.resolveBase = URI.create(origin + "/");
    }

    // ---------------------------------------------------------------- requests

    /** {@code GET /api/v1/reports?…}: only the given filters, the mode, and the page when past the first. */
    URI searchUri(SearchCriteria criteria) {
        Map<String, String> query = new LinkedHashMap<>();
        Map<SearchField, String> values = criteria.queryValues();
        putIfPresent(query, "phone", values.get(SearchField.PHONE));
        putIfPresent(query, "email", values.get(SearchField.EMAIL));
        putIfPresent(query, "name", values.get(SearchField.NAME));
        putIfPresent(query, "siteUrl", values.get(SearchField.SITE));
        query.put("searchMode", criteria.mode().wireValue());
        if (criteria.page() > 1) {
            query.put("page", Integer.toString(criteria.page()));
        }
        StringBuilder uri = new StringBuilder(origin).append(REPORTS);
        char separator = '?';
        for (Map.Entry<String, String> parameter : query.entrySet()) {
            uri.append(separator).append(encode(parameter.getKey())).append('=').append(encode(parameter.getValue()));
            separator = '&';
        }
        return URI.create(uri.toString());
    }

    /**
     * The personal data in a search's query, to keep out of error texts: each filter value as sent,
     * and the phone's national number, which is in every form a phone may come back in.
     */
    static List<String> personalData(SearchCriteria criteria) {
        List<String> values = new ArrayList<>(criteria.queryValues().values());
        criteria.phone().ifPresent(p -> values.add(p.nationalNumber()));
        return values;
    }

    /** {@code /api/v1/reports}. */
    URI reportsUri() {
        return URI.create(origin + REPORTS);
    }

    /** {@code /api/v1/reports/{id}}, the id percent-encoded as a path segment. */
    URI reportUri(ReportId id) {
        return URI.create(origin + reportPath(id));
    }

    /** The path of a report, for error contexts. */
    static String reportPath(ReportId id) {
        return REPORTS + "/" + encode(id.value());
    }

    /** {@code /api/v1/files}. */
    URI filesUri() {
        return URI.create(origin + FILES);
    }

    /** {@code /api/v1/cities}. */
    URI citiesUri() {
        return URI.create(origin + CITIES);
    }

    /**
     * The JSON body of a create or patch: only the fields given, the phone as {@code 359…} digits,
     * the city as {@code cityID}, file ids as {@code files}.
     */
    byte[] reportBody(ReportFields fields) {
        ReportFieldsJson body = new ReportFieldsJson();
        body.text = fields.text().orElse(null);
        body.phone = fields.phone().map(p -> p.digits()).orElse(null);
        body.email = fields.email().map(e -> e.value()).orElse(null);
        body.siteUrl = fields.siteUrl().map(s -> s.value()).orElse(null);
        body.facebookUrl = fields.facebookUrl().map(f -> f.value()).orElse(null);
        body.firstName = fields.firstName().map(n -> n.value()).orElse(null);
        body.lastName = fields.lastName().map(n -> n.value()).orElse(null);
        body.files = fields.files().isEmpty() ? null : fields.files().stream().map(FileId::value).toList();
        body.cityID = fields.cityId().map(CityId::value).orElse(null);
        return json.write(body);
    }

    /** A multipart body with one {@code files[]} part per attachment, in order. */
    static RequestBody.Multipart uploadBody(List<Attachment> attachments) {
        List<RequestBody.Part> parts = new ArrayList<>(attachments.size());
        for (Attachment a : attachments) {
            parts.add(new RequestBody.Part("files[]", a.fileName(), a.mediaType(), a.content()));
        }
        return new RequestBody.Multipart(parts);
    }

    /**
     * Percent-encodes {@code value} as UTF-8 for a query value or a path segment: every byte but
     * {@code A–Z a–z 0–9 - . _ ~} becomes {@code %XX}, so {@code +} is {@code %2B} and a space
     * {@code %20}.
     */
    static String encode(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length + 16);
        for (byte raw : bytes) {
            int b = raw & 0xFF;
            if ((b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9')
                    || b == '-' || b == '.' || b == '_' || b == '~') {
                out.append((char) b);
            } else {
                out.append('%').append(HEX[b >> 4]).append(HEX[b & 0x0F]);
            }
        }
        return out.toString();
    }

    // ---------------------------------------------------------------- answers

    /**
     * One page of search results, each report attributed to the filters it matched.
     *
     * @throws ErrorInBody when {@code server.httpCode} says the service failed
     * @throws Malformed   when the answer is not the search envelope or a value cannot be trusted
     */
    SearchResult search(BodyCapture body, SearchCriteria criteria) throws IOException, Malformed, ErrorInBody {
        SearchResponseJson answer = json.read(body, SearchResponseJson.class);
        Envelope envelope = envelope(answer);
        envelope.throwIfError();
        if (answer.items == null) {
            // Never read a missing list as "no reports": that is how three integrations came to
            // answer "clean" for everyone.
            throw new Malformed("the search answer has no items list");
        }
        List<SearchHit> hits = new ArrayList<>(answer.items.size());
        for (ReportJson item : answer.items) {
            if (item == null) {
                throw new Malformed("the search answer has a null item");
            }
            hits.add(SearchHit.of(criteria, report(item, null)));
        }
        int page = answeredPage(intOf(answer.currentPage, "currentPage"), criteria.page());
        int pageSize = pageSize(intOf(answer.itemsPerPage, "itemsPerPage"), hits.size());
        OptionalLong count = longOf(answer.count, "count");
        if (count.isPresent() && count.getAsLong() < 0) {
            throw new Malformed("count is negative");
        }
        return new SearchResult(hits, total(count, hits.size(), page, pageSize), page, pageSize);
    }

    /**
     * The page the answer is for, which must be the page asked: {@code page} is not documented, and
     * a service that ignores it answers page 1 again — a paging loop that trusted it would never
     * end and would spend quota on every lap. {@code currentPage} is how an answer says which page
     * it is: it must equal the page asked; without it, only page 1 can be trusted (it is what any
     * service answers to a search without {@code page}).
     */
    static int answeredPage(OptionalInt currentPage, int asked) throws Malformed {
        if (currentPage.isEmpty()) {
            if (asked > 1) {
                throw new Malformed("the answer does not say which page it is (no currentPage), so it cannot be "
                        + "trusted to be page " + asked + " as asked");
            }
            return asked;
        }
        int answered = currentPage.getAsInt();
        if (answered != asked) {
            throw new Malformed("the answer is for page " + answered + ", not page " + asked + " as asked");
        }
        return answered;
    }

    /**
     * The page size: {@code itemsPerPage} (at least 1, and no fewer than the items sent), else the
     * observed 20 — or the number of items, should a page without {@code itemsPerPage} hold more.
     */
    static int pageSize(OptionalInt itemsPerPage, int items) throws Malformed {
        if (itemsPerPage.isEmpty()) {
            return Math.max(SearchResult.DEFAULT_PAGE_SIZE, items);
        }
        int size = itemsPerPage.getAsInt();
        if (size < 1) {
            throw new Malformed("itemsPerPage is below 1");
        }
        if (items > size) {
            throw new Malformed("the page holds " + items + " items, more than its itemsPerPage of " + size);
        }
        return size;
    }

    /**
     * The total, when {@code count} says it without doubt. {@code count} may be the total or the
     * number of items on this page (the service does not say), so it is the total only when
     * <ul>
     *   <li>it is at least the items sent and, when there are items, the reports up to this page
     *       (the full pages before it and this one) — else it cannot be a total;</li>
     *   <li>and it is not ambiguous: a count equal to the items sent could be either, and is
     *       taken as the total only on a first page that is not full, where both readings agree.</li>
     * </ul>
     * Otherwise the total is unknown — never the items received: a full page is not the whole answer.
     */
    static OptionalLong total(OptionalLong count, int items, int page, int pageSize) {
        if (count.isEmpty()) {
            return OptionalLong.empty();
        }
        long c = count.getAsLong();
        long upToThisPage = (long) (page - 1) * pageSize + items;
        if (c < items || (items > 0 && c < upToThisPage)) {
            return OptionalLong.empty();
        }
        boolean couldBeThisPagesCount = c == items;
        boolean bothReadingsAgree = page == 1 && items < pageSize;
        return couldBeThisPagesCount && !bothReadingsAgree ? OptionalLong.empty() : OptionalLong.of(c);
    }

    /**
     * What the service said to a create or update: its message and, when it sent one, the report's
     * id ({@code id}, {@code item.id}, {@code data.id} or {@code report.id}); {@code known} fills in
     * for an update. An empty body is a receipt without message.
     */
    ReportReceipt receipt(BodyCapture body, Optional<ReportId> known) throws IOException, Malformed, ErrorInBody {
        JsonValue root = json.readOptional(body, JsonValue.class);
        if (!(root instanceof JsonObject object)) {
            return new ReportReceipt(known, "");
        }
        Envelope envelope = envelope(object);
        envelope.throwIfError();
        Optional<ReportId> id = reportIdIn(object);
        for (String wrapper : List.of("item", "data", "report")) {
            if (id.isPresent()) {
                break;
            }
            if (object.get(wrapper) instanceof JsonObject inner) {
                id = reportIdIn(inner);
            }
        }
        return new ReportReceipt(id.isPresent() ? id : known, envelope.message().orElse(""));
    }

    /** Checks the answer to a delete: an empty body or an envelope whose {@code httpCode} is 2xx. */
    void deleted(BodyCapture body) throws IOException, Malformed, ErrorInBody {
        JsonValue root = json.readOptional(body, JsonValue.class);
        if (root instanceof JsonObject object) {
            envelope(object).throwIfError();
        }
    }

    /**
     * The ids of uploaded files, in order: a list of ids (strings, numbers or objects with
     * {@code id}), bare or wrapped in {@code files}, {@code items}, {@code ids} or {@code data}.
     * Ids are required: an answer without exactly {@code expected} of them is malformed.
     */
    List<FileId> fileIds(BodyCapture body, int expected) throws IOException, Malformed, ErrorInBody {
        JsonValue root = json.read(body, JsonValue.class);
        List<JsonValue> list = null;
        if (root instanceof JsonArray array) {
            list = array;
        } else if (root instanceof JsonObject object) {
            envelope(object).throwIfError();
            list = firstArray(object, "files", "items", "ids", "data");
            if (list == null && object.containsKey("id")) {
                list = List.of(object); // one file, answered as one object
            }
        }
        if (list == null) {
            throw new Malformed("the upload answer holds no file ids");
        }
        List<FileId> ids = new ArrayList<>(list.size());
        for (JsonValue element : list) {
            JsonValue idValue = element instanceof JsonObject o ? firstPresent(o, "id", "fileId") : element;
            String id = idText(idValue).orElseThrow(() -> new Malformed("the upload answer has an entry without an id"));
            try {
                ids.add(FileId.of(id));
            } catch (ValidationException e) {
                throw new Malformed("the upload answer has an id that is not a valid file id");
            }
        }
        if (ids.size() != expected) {
            throw new Malformed("the upload answer holds " + ids.size() + " file ids for " + expected + " files");
        }
        return List.copyOf(ids);
    }

    /** Every city: a list of {@code {id, name}}, bare or wrapped in {@code items}, {@code data} or {@code cities}. */
    List<City> cities(BodyCapture body) throws IOException, Malformed, ErrorInBody {
        JsonValue root = json.read(body, JsonValue.class);
        JsonArray list = null;
        if (root instanceof JsonArray array) {
            list = array;
        } else if (root instanceof JsonObject object) {
            envelope(object).throwIfError();
            list = firstArray(object, "items", "data", "cities");
        }
        if (list == null) {
            throw new Malformed("the cities answer holds no list of cities");
        }
        List<City> cities = new ArrayList<>(list.size());
        for (JsonValue element : list) {
            if (!(element instanceof JsonObject city)) {
                throw new Malformed("the cities answer has an entry that is not an object");
            }
            OptionalLong id = longOf(city.get("id"), "city id");
            String name = city.get("name") instanceof JsonString s ? s.getString().strip() : "";
            if (id.isEmpty() || id.getAsLong() < 1 || id.getAsLong() > Integer.MAX_VALUE || name.isEmpty()) {
                throw new Malformed("the cities answer has an entry without a positive id and a name");
            }
            cities.add(City.of((int) id.getAsLong(), name));
        }
        return List.copyOf(cities);
    }

    /**
     * The envelope of an error answer, read leniently: a body that is not JSON (an HTML error
     * page) gives an empty envelope; the status decides the error anyway.
     */
    Envelope errorEnvelope(BodyCapture body) throws IOException {
        try {
            JsonValue root = json.readOptional(body, JsonValue.class);
            return root instanceof JsonObject object ? envelope(object) : Envelope.EMPTY;
        } catch (Malformed e) {
            return Envelope.EMPTY;
        }
    }

    // ---------------------------------------------------------------- reports

    private Report report(ReportJson item, ReportId parentOfReply) throws Malformed {
        String idText = idText(item.id).orElseThrow(() -> new Malformed("a report has no id"));
        ReportId id = reportId(idText);
        if (id == null) {
            throw new Malformed("a report has an id that is not a valid report id");
        }
        Report.Builder b = Report.builder()
                .id(id)
                .firstName(item.firstName)
                .lastName(item.lastName)
                .email(item.email)
                .phone(item.phone)
                .text(item.text)
                .siteUrl(item.siteUrl)
                .facebookUrl(item.facebookUrl)
                .createdAt(dateTime(item.createDate, "createDate").orElse(null))
                .views(longOf(item.views, "views").orElse(0))
                .likes(likes(item.liked))
                .files(files(item.files))
                .replies(replies(item.children, id));
        if (item.user != null) {
            b.reporter(new Reporter(idText(item.user.id), Optional.ofNullable(item.user.firstName),
                    Optional.ofNullable(item.user.lastName), Optional.ofNullable(item.user.email)));
        }
        city(item.city, b);
        ReportId parent = parentId(item.parent);
        b.parentId(parent != null ? parent : parentOfReply);
        return b.build();
    }

    private List<Report> replies(List<ReportJson> children, ReportId parent) throws Malformed {
        if (children == null || children.isEmpty()) {
            return List.of();
        }
        List<Report> replies = new ArrayList<>(children.size());
        for (ReportJson child : children) {
            if (child != null) {
                replies.add(report(child, parent));
            }
        }
        return replies;
    }

    private ReportId parentId(JsonValue parent) {
        JsonValue id = parent instanceof JsonObject object ? object.get("id") : parent;
        return idText(id).map(WireMapper::reportId).orElse(null);
    }

    private List<ReportFile> files(JsonValue files) {
        if (!(files instanceof JsonArray list) || list.isEmpty()) {
            return List.of();
        }
        List<ReportFile> result = new ArrayList<>(list.size());
        for (JsonValue element : list) {
            if (element instanceof JsonObject file) {
                Optional<FileId> id = idText(firstPresent(file, "id", "fileId")).map(WireMapper::fileId);
                Optional<URI> preview = text(firstPresent(file, "previewUrl", "url")).flatMap(this::resolve);
                Optional<String> name = text(firstPresent(file, "name", "fileName", "originalName"));
                result.add(new ReportFile(id, preview, name));
            } else if (element instanceof JsonString url) {
                result.add(new ReportFile(Optional.empty(), resolve(url.getString()), Optional.empty()));
            }
        }
        return result;
    }

    /** A city of unseen shape: an object with id and name, a name, or an id. */
    private static void city(JsonValue city, Report.Builder b) throws Malformed {
        if (city instanceof JsonObject object) {
            cityId(object.get("id")).ifPresent(b::cityId);
            text(object.get("name")).ifPresent(b::cityName);
        } else if (city instanceof JsonString name) {
            String s = name.getString().strip();
            if (isWholeNumber(s)) {
                cityId(name).ifPresent(b::cityId);
            } else if (!s.isEmpty()) {
                b.cityName(s);
            }
        } else if (city instanceof JsonNumber) {
            cityId(city).ifPresent(b::cityId);
        }
    }

    private static Optional<CityId> cityId(JsonValue value) throws Malformed {
        OptionalLong id = longOf(value, "city id");
        if (id.isEmpty() || id.getAsLong() < 1) {
            return Optional.empty();
        }
        if (id.getAsLong() > Integer.MAX_VALUE) {
            throw new Malformed("city id is out of range");
        }
        return Optional.of(CityId.of((int) id.getAsLong()));
    }

    /** A relative {@code previewUrl} resolved against the base URI; an unusable one is left out. */
    private Optional<URI> resolve(String url) {
        String s = url.strip();
        if (s.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(resolveBase.resolve(new URI(s)));
        } catch (URISyntaxException | IllegalArgumentException e) {
            try {
                // Spaces or Cyrillic in a path: encode what a URI does not allow, keep the rest.
                return Optional.of(resolveBase.resolve(new URI(encodeIllegal(s))));
            } catch (URISyntaxException | IllegalArgumentException again) {
                return Optional.empty();
            }
        }
    }

    private static String encodeIllegal(String s) {
        StringBuilder out = new StringBuilder();
        for (byte raw : s.getBytes(StandardCharsets.UTF_8)) {
            int b = raw & 0xFF;
            if (b <= 0x20 || b >= 0x7F || b == '"' || b == '<' || b == '>' || b == '\\' || b == '^' || b == '`'
                    || b == '{' || b == '|' || b == '}') {
                out.append('%').append(HEX[b >> 4]).append(HEX[b & 0x0F]);
            } else {
                out.append((char) b);
            }
        }
        return out.toString();
    }

    // ---------------------------------------------------------------- envelopes

    private static Envelope envelope(EnvelopeJson answer) throws Malformed {
        ServerJson server = answer.server;
        return new Envelope(message(answer.message),
                server == null ? OptionalInt.empty() : intOf(server.httpCode, "server.httpCode"),
                server == null ? Optional.empty() : serverDate(server.date),
                fieldErrors(answer.errors));
    }

    private static Envelope envelope(JsonObject object) throws Malformed {
        JsonValue server = object.get("server");
        JsonObject s = server instanceof JsonObject o ? o : null;
        return new Envelope(message(object.get("message")),
                s == null ? OptionalInt.empty() : intOf(s.get("httpCode"), "server.httpCode"),
                s == null ? Optional.empty() : serverDate(s.get("date")),
                fieldErrors(object.get("errors")));
    }

    private static Optional<String> message(JsonValue message) {
        if (message instanceof JsonString s) {
            return Optional.of(s.getString()).filter(m -> !m.isBlank());
        }
        if (message instanceof JsonNumber n) {
            return Optional.of(n.toString());
        }
        if (message instanceof JsonArray list) {
            List<String> parts = new ArrayList<>();
            for (JsonValue part : list) {
                if (part instanceof JsonString s && !s.getString().isBlank()) {
                    parts.add(s.getString());
                }
            }
            return parts.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", parts));
        }
        return Optional.empty();
    }

    /** {@code errors} as {@code {field: message}}, {@code {field: [messages]}} or a list of them. */
    private static List<Violation> fieldErrors(JsonValue errors) {
        List<Violation> violations = new ArrayList<>();
        if (errors instanceof JsonObject byField) {
            for (Map.Entry<String, JsonValue> entry : byField.entrySet()) {
                addMessages(violations, entry.getKey(), entry.getValue());
            }
        } else if (errors instanceof JsonArray list) {
            for (JsonValue element : list) {
                if (element instanceof JsonString s) {
                    violations.add(new Violation("request", s.getString()));
                } else if (element instanceof JsonObject o) {
                    String field = text(firstPresent(o, "field", "property", "name", "path")).orElse("request");
                    addMessages(violations, field, firstPresent(o, "message", "msg", "error"));
                }
            }
        }
        return violations;
    }

    private static void addMessages(List<Violation> violations, String field, JsonValue messages) {
        if (messages instanceof JsonString s) {
            violations.add(new Violation(field, s.getString()));
        } else if (messages instanceof JsonArray list) {
            for (JsonValue m : list) {
                if (m instanceof JsonString s) {
                    violations.add(new Violation(field, s.getString()));
                }
            }
        }
    }

    // ---------------------------------------------------------------- values

    /**
     * A whole number: a JSON number, or a string of digits (never a boolean).
     * Absent or {@code null} gives empty; a fraction or an overflow is malformed, never rounded or
     * wrapped.
     */
    static OptionalLong longOf(JsonValue value, String field) throws Malformed {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return OptionalLong.empty();
        }
        if (value instanceof JsonNumber number) {
            try {
                if (!number.isIntegral()) {
                    throw new Malformed(field + " is not a whole number");
                }
                return OptionalLong.of(number.longValueExact());
            } catch (ArithmeticException | UnsupportedOperationException | NumberFormatException e) {
                throw new Malformed(field + " is out of range", e);
            }
        }
        if (value instanceof JsonString s) {
            String digits = s.getString().strip();
            if (digits.isEmpty()) {
                return OptionalLong.empty();
            }
            if (!isWholeNumber(digits)) {
                throw new Malformed(field + " is not a number");
            }
            try {
                return OptionalLong.of(Long.parseLong(digits));
            } catch (NumberFormatException e) {
                throw new Malformed(field + " is out of range", e);
            }
        }
        throw new Malformed(field + " is not a number");
    }

    /**
     * {@code liked} as a count. The live payload sends a number ({@code 0}); a boolean would say
     * whether someone liked it, not how many did, so it is no count — 0, as for a missing one —
     * never 1 made up from {@code true}.
     */
    private static long likes(JsonValue liked) throws Malformed {
        if (liked != null && (liked.getValueType() == JsonValue.ValueType.TRUE
                || liked.getValueType() == JsonValue.ValueType.FALSE)) {
            return 0;
        }
        return longOf(liked, "liked").orElse(0);
    }

    /** Like {@link #longOf}, within {@code int}. */
    static OptionalInt intOf(JsonValue value, String field) throws Malformed {
        OptionalLong n = longOf(value, field);
        if (n.isEmpty()) {
            return OptionalInt.empty();
        }
        if (n.getAsLong() < Integer.MIN_VALUE || n.getAsLong() > Integer.MAX_VALUE) {
            throw new Malformed(field + " is out of range");
        }
        return OptionalInt.of((int) n.getAsLong());
    }

    /**
     * A point in time, or empty — no date rather than a wrong one (the rules are stated in
     * {@link Report}'s Javadoc, for users):
     * <ul>
     *   <li>text: ISO-8601 with an offset or {@code Z} (as observed), or {@code yyyy-MM-dd HH:mm:ss}
     *       or an ISO local date-time in Sofia time;</li>
     *   <li>a whole number, or text of digits only: epoch milliseconds when it has 13 digits, epoch
     *       seconds when it has 10 digits and cannot also be read as a date written as digits
     *       ({@code yyyyMMddHH}), in either case only between 2000 and 2100;</li>
     *   <li>anything else — {@code "20250111"}, a fraction, a negative or huge number, a word, a
     *       date without a time — gives empty.</li>
     * </ul>
     */
    static Optional<OffsetDateTime> dateTime(JsonValue value, String field) {
        if (value instanceof JsonNumber number) {
            try {
                return number.isIntegral() ? epochDigits(Long.toString(number.longValueExact())) : Optional.empty();
            } catch (ArithmeticException | UnsupportedOperationException | NumberFormatException e) {
                return Optional.empty(); // far too large for any date
            }
        }
        if (!(value instanceof JsonString s)) {
            return Optional.empty();
        }
        String text = s.getString().strip();
        if (!text.isEmpty() && text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return epochDigits(text);
        }
        return parseDateTime(text);
    }

    /** Digits as epoch milliseconds or seconds, by the rules of {@link #dateTime}; empty when they may be anything else. */
    static Optional<OffsetDateTime> epochDigits(String digits) {
        Instant instant;
        if (digits.length() == 13) {
            instant = Instant.ofEpochMilli(Long.parseLong(digits));
        } else if (digits.length() == 10 && !readsAsDigitDate(digits)) {
            instant = Instant.ofEpochSecond(Long.parseLong(digits));
        } else {
            return Optional.empty();
        }
        if (instant.isBefore(EPOCH_FROM) || !instant.isBefore(EPOCH_UNTIL)) {
            return Optional.empty();
        }
        return Optional.of(instant.atOffset(ZoneOffset.UTC));
    }

    /** Whether ten digits are also a date and hour, {@code yyyyMMddHH}: then they are ambiguous. */
    private static boolean readsAsDigitDate(String digits) {
        int year = digits(digits, 0, 4);
        int month = digits(digits, 4, 2);
        int day = digits(digits, 6, 2);
        int hour = digits(digits, 8, 2);
        try {
            LocalDateTime.of(year, month, day, hour, 0);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    static Optional<OffsetDateTime> parseDateTime(String text) {
        Optional<OffsetDateTime> fast = isoOffsetFastPath(text);
        if (fast.isPresent()) {
            return fast;
        }
        String iso = text.length() > 10 && text.charAt(10) == ' ' ? text.substring(0, 10) + 'T' + text.substring(11) : text;
        try {
            return Optional.of(OffsetDateTime.parse(iso));
        } catch (DateTimeException e) {
            // not with an offset: try the zone-less forms
        }
        try {
            return Optional.of(LocalDateTime.parse(iso).atZone(SOFIA).toOffsetDateTime());
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The form the service sends, {@code yyyy-MM-ddTHH:mm:ss(.fraction)?(Z|±HH:mm)} (or with a space
     * for the {@code T}), read by hand: {@code OffsetDateTime.parse} allocates a {@code Parsed}
     * with a map of fields for every report, most of the decode's allocation. Empty for anything
     * else, including impossible dates, so that the caller's general parsing decides — the
     * answer for any text is the same as without this path.
     */
    static Optional<OffsetDateTime> isoOffsetFastPath(String t) {
        int n = t.length();
        // yyyy-MM-ddTHH:mm:ss is 19 characters; the shortest offset is "Z".
        if (n < 20 || t.charAt(4) != '-' || t.charAt(7) != '-' || (t.charAt(10) != 'T' && t.charAt(10) != ' ')
                || t.charAt(13) != ':' || t.charAt(16) != ':') {
            return Optional.empty();
        }
        int year = digits(t, 0, 4);
        int month = digits(t, 5, 2);
        int day = digits(t, 8, 2);
        int hour = digits(t, 11, 2);
        int minute = digits(t, 14, 2);
        int second = digits(t, 17, 2);
        if ((year | month | day | hour | minute | second) < 0) {
            return Optional.empty();
        }
        int i = 19;
        int nano = 0;
        if (t.charAt(i) == '.') {
            int start = ++i;
            while (i < n && i - start < 9 && isAsciiDigit(t.charAt(i))) {
                nano = nano * 10 + (t.charAt(i) - '0');
                i++;
            }
            int fractionDigits = i - start;
            if (fractionDigits == 0 || (i < n && isAsciiDigit(t.charAt(i)))) {
                return Optional.empty();
            }
            for (int k = fractionDigits; k < 9; k++) {
                nano *= 10;
            }
        }
        ZoneOffset offset;
        if (i == n - 1 && t.charAt(i) == 'Z') {
            offset = ZoneOffset.UTC;
        } else if (i == n - 6 && (t.charAt(i) == '+' || t.charAt(i) == '-') && t.charAt(i + 3) == ':') {
            int offsetHours = digits(t, i + 1, 2);
            int offsetMinutes = digits(t, i + 4, 2);
            if ((offsetHours | offsetMinutes) < 0) {
                return Optional.empty();
            }
            int sign = t.charAt(i) == '-' ? -1 : 1;
            try {
                offset = ZoneOffset.ofHoursMinutes(sign * offsetHours, sign * offsetMinutes);
            } catch (DateTimeException e) {
                return Optional.empty();
            }
        } else {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.of(year, month, day, hour, minute, second, nano, offset));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /**
     * {@code server.date} as the service sends it, {@code yyyy-MM-dd HH:mm:ss} in Sofia time, read by
     * hand (a {@code DateTimeFormatter} allocates a map of fields for every answer). Empty for
     * anything else, including impossible dates that the formatter's smart resolving would adjust,
     * so that the caller's general parsing decides.
     */
    static Optional<Instant> serverDateFastPath(String t) {
        if (t.length() != 19 || t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(10) != ' '
                || t.charAt(13) != ':' || t.charAt(16) != ':') {
            return Optional.empty();
        }
        int year = digits(t, 0, 4);
        int month = digits(t, 5, 2);
        int day = digits(t, 8, 2);
        int hour = digits(t, 11, 2);
        int minute = digits(t, 14, 2);
        int second = digits(t, 17, 2);
        if ((year | month | day | hour | minute | second) < 0 || year < 1) {
            return Optional.empty(); // year 0 is not a year of the era that the formatter reads
        }
        try {
            return Optional.of(LocalDateTime.of(year, month, day, hour, minute, second).atZone(SOFIA).toInstant());
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** The ASCII digits {@code t[from, from + count)} as a number; -1 if any is not a digit. */
    private static int digits(String t, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = t.charAt(i);
            if (!isAsciiDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** {@code -?[0-9]{1,19}} without a regex matcher per call (it runs for every report). */
    static boolean isWholeNumber(String s) {
        int start = !s.isEmpty() && s.charAt(0) == '-' ? 1 : 0;
        int count = s.length() - start;
        if (count < 1 || count > MAX_LONG_DIGITS) {
            return false;
        }
        for (int i = start; i < s.length(); i++) {
            if (!isAsciiDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** {@code server.date}: {@code yyyy-MM-dd HH:mm:ss} in Sofia time (other forms tolerated). */
    static Optional<Instant> serverDate(JsonValue date) throws Malformed {
        if (date instanceof JsonString s) {
            Optional<Instant> fast = serverDateFastPath(s.getString().strip());
            if (fast.isPresent()) {
                return fast;
            }
            try {
                return Optional.of(LocalDateTime.parse(s.getString().strip(), SERVER_DATE).atZone(SOFIA).toInstant());
            } catch (DateTimeException e) {
                return parseDateTime(s.getString().strip()).map(OffsetDateTime::toInstant);
            }
        }
        return dateTime(date, "server.date").map(OffsetDateTime::toInstant);
    }

    /** An id given as a string or a whole number, as text. */
    private static Optional<String> idText(JsonValue value) {
        if (value instanceof JsonString s) {
            return Optional.of(s.getString().strip()).filter(id -> !id.isEmpty());
        }
        if (value instanceof JsonNumber n && n.isIntegral()) {
            return Optional.of(n.bigIntegerValue().toString());
        }
        return Optional.empty();
    }

    private static Optional<ReportId> reportIdIn(JsonObject object) {
        return idText(object.get("id")).map(WireMapper::reportId);
    }

    private static ReportId reportId(String id) {
        try {
            return ReportId.of(id);
        } catch (ValidationException e) {
            return null;
        }
    }

    private static FileId fileId(String id) {
        try {
            return FileId.of(id);
        } catch (ValidationException e) {
            return null;
        }
    }

    private static Optional<String> text(JsonValue value) {
        return value instanceof JsonString s && !s.getString().isBlank() ? Optional.of(s.getString()) : Optional.empty();
    }

    private static Optional<String> text(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    private static JsonValue firstPresent(JsonObject object, String... names) {
        for (String name : names) {
            JsonValue value = object.get(name);
            if (value != null && value.getValueType() != JsonValue.ValueType.NULL) {
                return value;
            }
        }
        return null;
    }

    private static JsonArray firstArray(JsonObject object, String... names) {
        for (String name : names) {
            if (object.get(name) instanceof JsonArray array) {
                return array;
            }
        }
        return null;
    }

    private static void putIfPresent(Map<String, String> query, String name, String value) {
        if (value != null) {
            query.put(name, value);
        }
    }

    /**
     * What any answer may say besides its data.
     *
     * @param message     the service's {@code message}
     * @param httpCode    {@code server.httpCode}
     * @param serverDate  {@code server.date}, read as Sofia local time
     * @param fieldErrors the messages of {@code errors}, per field
     */
    record Envelope(Optional<String> message, OptionalInt httpCode, Optional<Instant> serverDate,
                    List<Violation> fieldErrors) {

        static final Envelope EMPTY = new Envelope(Optional.empty(), OptionalInt.empty(), Optional.empty(), List.of());

        Envelope {
            fieldErrors = List.copyOf(fieldErrors);
        }

        /** Throws when {@code server.httpCode} is present and not 2xx: the body says the call failed. */
        void throwIfError() throws ErrorInBody {
            if (httpCode.isPresent() && (httpCode.getAsInt() < 200 || httpCode.getAsInt() > 299)) {
                throw new ErrorInBody(this);
            }
        }
    }

    /** A 2xx answer whose {@code server.httpCode} says otherwise; mapped by that code. */
    static final class ErrorInBody extends Exception {
        private static final long serialVersionUID = 1L;

        private final transient Envelope envelope;

        ErrorInBody(Envelope envelope) {
            super("server.httpCode " + envelope.httpCode().orElse(0), null, false, false);
            this.envelope = envelope;
        }

        /** The envelope that said so. */
        Envelope envelope() {
            return envelope;
        }
    }
}
