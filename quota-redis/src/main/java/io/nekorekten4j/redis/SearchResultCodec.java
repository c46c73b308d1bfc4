package io.nekorekten4j.redis;

import io.nekorekten4j.domain.CityId;
import io.nekorekten4j.domain.FileId;
import io.nekorekten4j.domain.MatchCertainty;
import io.nekorekten4j.domain.Report;
import io.nekorekten4j.domain.ReportFile;
import io.nekorekten4j.domain.ReportId;
import io.nekorekten4j.domain.Reporter;
import io.nekorekten4j.domain.SearchField;
import io.nekorekten4j.domain.SearchHit;
import io.nekorekten4j.domain.SearchResult;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A {@link SearchResult} as JSON and back, for the shared result cache: every field of the
 * domain's answer (hits with how they matched, reports with their files, reporter and replies,
 * the total when known, the page), so that an answer read back equals the one stored. The text is
 * the service's answer as the client mapped it — masked where the service masks — never the API
 * key. A format version leads, so that instances of another library version ignore what they
 * cannot read instead of misreading it.
 */
final class SearchResultCodec {

    /** The format's version: entries of another one are read as absent. */
    static final int VERSION = 1;

    private SearchResultCodec() {
    }

    /** The JSON text of {@code result}. */
    static String write(SearchResult result) {
        Objects.requireNonNull(result, "result");
        JsonArrayBuilder hits = Json.createArrayBuilder();
        for (SearchHit hit : result.hits()) {
            JsonObjectBuilder matched = Json.createObjectBuilder();
            hit.matchedBy().forEach((field, certainty) -> matched.add(field.name(), certainty.name()));
            hits.add(Json.createObjectBuilder().add("report", report(hit.report())).add("matchedBy", matched));
        }
        JsonObjectBuilder root = Json.createObjectBuilder().add("v", VERSION).add("hits", hits)
                .add("page", result.page()).add("pageSize", result.pageSize());
        result.totalCount().ifPresent(total -> root.add("total", total));
        return root.build().toString();
    }

    /**
     * The result in {@code json}; empty when it was written in another format version.
     *
     * @throws IllegalArgumentException when the text is not a result this codec wrote
     */
    static Optional<SearchResult> read(String json) {
        Objects.requireNonNull(json, "json");
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            JsonObject root = reader.readObject();
            if (root.getInt("v", -1) != VERSION) {
                return Optional.empty();
            }
            List<SearchHit> hits = new ArrayList<>();
            for (JsonValue h : root.getJsonArray("hits")) {
                JsonObject hit = h.asJsonObject();
                Map<SearchField, MatchCertainty> matched = new EnumMap<>(SearchField.class);
                hit.getJsonObject("matchedBy").forEach((field, certainty) -> matched.put(SearchField.valueOf(field),
                        MatchCertainty.valueOf(((jakarta.json.JsonString) certainty).getString())));
                hits.add(new SearchHit(report(hit.getJsonObject("report")), matched));
            }
            OptionalLong total = root.containsKey("total") ? OptionalLong.of(root.getJsonNumber("total").longValueExact())
                    : OptionalLong.empty();
            return Optional.of(new SearchResult(hits, total, root.getInt("page"), root.getInt("pageSize")));
        } catch (JsonException | ClassCastException | NullPointerException | ArithmeticException e) {
            // Never the text itself in the message: it holds (masked) personal data.
            throw new IllegalArgumentException("not a cached search result of format " + VERSION + " ("
                    + e.getClass().getSimpleName() + ")", e);
        }
    }

    private static JsonObjectBuilder report(Report r) {
        JsonObjectBuilder o = Json.createObjectBuilder().add("id", r.id().value()).add("text", r.text())
                .add("views", r.views()).add("likes", r.likes());
        r.firstName().ifPresent(v -> o.add("firstName", v));
        r.lastName().ifPresent(v -> o.add("lastName", v));
        r.email().ifPresent(v -> o.add("email", v));
        r.phoneAsReported().ifPresent(v -> o.add("phone", v));
        r.siteUrl().ifPresent(v -> o.add("siteUrl", v));
        r.facebookUrl().ifPresent(v -> o.add("facebookUrl", v));
        r.createdAt().ifPresent(v -> o.add("createdAt", v.toString()));
        r.cityId().ifPresent(v -> o.add("cityId", v.value()));
        r.cityName().ifPresent(v -> o.add("cityName", v));
        r.parentId().ifPresent(v -> o.add("parentId", v.value()));
        r.reporter().ifPresent(v -> {
            JsonObjectBuilder who = Json.createObjectBuilder();
            v.id().ifPresent(x -> who.add("id", x));
            v.firstName().ifPresent(x -> who.add("firstName", x));
            v.lastName().ifPresent(x -> who.add("lastName", x));
            v.email().ifPresent(x -> who.add("email", x));
            o.add("reporter", who);
        });
        JsonArrayBuilder files = Json.createArrayBuilder();
        for (ReportFile f : r.files()) {
            JsonObjectBuilder file = Json.createObjectBuilder();
            f.id().ifPresent(x -> file.add("id", x.value()));
            f.previewUrl().ifPresent(x -> file.add("previewUrl", x.toString()));
            f.name().ifPresent(x -> file.add("name", x));
            files.add(file);
        }
        JsonArrayBuilder replies = Json.createArrayBuilder();
        for (Report reply : r.replies()) {
            replies.add(report(reply));
        }
        return o.add("files", files).add("replies", replies);
    }

    private static Report report(JsonObject o) {
        Report.Builder b = Report.builder().id(new ReportId(o.getString("id"))).text(o.getString("text"))
                .views(o.getJsonNumber("views").longValueExact()).likes(o.getJsonNumber("likes").longValueExact());
        text(o, "firstName").ifPresent(b::firstName);
        text(o, "lastName").ifPresent(b::lastName);
        text(o, "email").ifPresent(b::email);
        text(o, "phone").ifPresent(b::phone);
        text(o, "siteUrl").ifPresent(b::siteUrl);
        text(o, "facebookUrl").ifPresent(b::facebookUrl);
        text(o, "createdAt").map(OffsetDateTime::parse).ifPresent(b::createdAt);
        if (o.containsKey("cityId")) {
            b.cityId(new CityId(o.getInt("cityId")));
        }
        text(o, "cityName").ifPresent(b::cityName);
        text(o, "parentId").map(ReportId::new).ifPresent(b::parentId);
        if (o.containsKey("reporter")) {
            JsonObject who = o.getJsonObject("reporter");
            b.reporter(new Reporter(text(who, "id"), text(who, "firstName"), text(who, "lastName"),
                    text(who, "email")));
        }
        List<ReportFile> files = new ArrayList<>();
        for (JsonValue v : o.getJsonArray("files")) {
            JsonObject f = v.asJsonObject();
            files.add(new ReportFile(text(f, "id").map(FileId::new), text(f, "previewUrl").map(URI::create),
                    text(f, "name")));
        }
        List<Report> replies = new ArrayList<>();
        JsonArray rs = o.getJsonArray("replies");
        for (JsonValue v : rs) {
            replies.add(report(v.asJsonObject()));
        }
        return b.files(files).replies(replies).build();
    }

    private static Optional<String> text(JsonObject o, String name) {
        return o.containsKey(name) ? Optional.of(o.getString(name)) : Optional.empty();
    }
}
