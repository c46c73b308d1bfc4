package io.nekorekten4j.http;

import static io.nekorekten4j.http.WireValues.firstArray;
import static io.nekorekten4j.http.WireValues.firstPresent;
import static io.nekorekten4j.http.WireValues.idText;
import static io.nekorekten4j.http.WireValues.intOf;
import static io.nekorekten4j.http.WireValues.longOf;

import io.nekorekten4j.domain.City;
import io.nekorekten4j.domain.FileId;
import io.nekorekten4j.domain.ReportId;
import io.nekorekten4j.domain.ReportReceipt;
import io.nekorekten4j.domain.SearchCriteria;
import io.nekorekten4j.domain.SearchHit;
import io.nekorekten4j.domain.SearchResult;
import io.nekorekten4j.domain.ValidationException;
import io.nekorekten4j.http.JsonCodec.BodyCapture;
import io.nekorekten4j.http.JsonCodec.Malformed;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The service's answers, endpoint by endpoint, read into domain values.
 *
 * <p>Answers are read as the reference's live shape (§2) — {@code items}, {@code count},
 * {@code currentPage}, {@code itemsPerPage}, {@code server.httpCode}, {@code server.date} — and
 * defensively where the shape is unknown (§3): create, update, delete, files and cities. Unknown
 * properties are ignored and missing or {@code null} fields tolerated, but a value that cannot be
 * trusted is an error, never a guess: a number that overflows its field, a report without a usable
 * id, a search answer without {@code items}. Reports are mapped by {@link WireReports}, envelopes by
 * {@link Envelope}. Thread safe.
 */
final class WireAnswers {

    private final JsonCodec json;
    private final WireReports reports;

    /**
     * @param json    the client's codec
     * @param baseUri the service's base URI (absolute, no query or fragment), for relative preview URLs
     */
    WireAnswers(JsonCodec json, URI baseUri) {
        this.json = Objects.requireNonNull(json, "json");
        this.reports = new WireReports(baseUri);
    }

    /**
     * One page of search results, each report attributed to the filters it matched.
     *
     * @throws ErrorInBody when {@code server.httpCode} says the service failed
     * @throws Malformed   when the answer is not the search envelope or a value cannot be trusted
     */
    SearchResult search(BodyCapture body, SearchCriteria criteria) throws IOException, Malformed, ErrorInBody {
        SearchResponseJson answer = json.read(body, SearchResponseJson.class);
        Envelope envelope = Envelope.of(answer);
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
            hits.add(SearchHit.of(criteria, reports.report(item, null)));
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
        Envelope envelope = Envelope.of(object);
        envelope.throwIfError();
        Optional<ReportId> id = WireReports.reportIdIn(object);
        for (String wrapper : List.of("item", "data", "report")) {
            if (id.isPresent()) {
                break;
            }
            if (object.get(wrapper) instanceof JsonObject inner) {
                id = WireReports.reportIdIn(inner);
            }
        }
        return new ReportReceipt(id.isPresent() ? id : known, envelope.message().orElse(""));
    }

    /** Checks the answer to a delete: an empty body or an envelope whose {@code httpCode} is 2xx. */
    void deleted(BodyCapture body) throws IOException, Malformed, ErrorInBody {
        JsonValue root = json.readOptional(body, JsonValue.class);
        if (root instanceof JsonObject object) {
            Envelope.of(object).throwIfError();
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
            Envelope.of(object).throwIfError();
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
            Envelope.of(object).throwIfError();
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
            return root instanceof JsonObject object ? Envelope.of(object) : Envelope.EMPTY;
        } catch (Malformed e) {
            return Envelope.EMPTY;
        }
    }
}
