package io.nekorekten4j.http;

import static io.nekorekten4j.http.WireValues.firstPresent;
import static io.nekorekten4j.http.WireValues.idText;
import static io.nekorekten4j.http.WireValues.longOf;
import static io.nekorekten4j.http.WireValues.text;

import io.nekorekten4j.domain.CityId;
import io.nekorekten4j.domain.FileId;
import io.nekorekten4j.domain.Report;
import io.nekorekten4j.domain.ReportFile;
import io.nekorekten4j.domain.ReportId;
import io.nekorekten4j.domain.Reporter;
import io.nekorekten4j.domain.ValidationException;
import io.nekorekten4j.http.JsonCodec.Malformed;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A wire report, as the live payload sends it (reference §2), to a domain {@link Report}: its
 * replies, files, city and reporter. Masked names and e-mails are kept exactly as they come; a
 * report without a usable id is {@link Malformed}. Thread safe.
 */
final class WireReports {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final URI resolveBase;

    /** @param baseUri the service's base URI, which relative preview URLs are resolved against */
    WireReports(URI baseUri) {
        this.resolveBase = URI.create(WireRequests.origin(baseUri) + "/");
    }

    /** A report; {@code parentOfReply} is the report it replies to, when it came as one of its {@code children}. */
    Report report(ReportJson item, ReportId parentOfReply) throws Malformed {
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
                .createdAt(WireDates.dateTime(item.createDate).orElse(null))
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

    /** An id in {@code object}'s {@code id}, when it is a valid report id. */
    static Optional<ReportId> reportIdIn(JsonObject object) {
        return idText(object.get("id")).map(WireReports::reportId);
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

    private static ReportId parentId(JsonValue parent) {
        JsonValue id = parent instanceof JsonObject object ? object.get("id") : parent;
        return idText(id).map(WireReports::reportId).orElse(null);
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

    private List<ReportFile> files(JsonValue files) {
        if (!(files instanceof JsonArray list) || list.isEmpty()) {
            return List.of();
        }
        List<ReportFile> result = new ArrayList<>(list.size());
        for (JsonValue element : list) {
            if (element instanceof JsonObject file) {
                Optional<FileId> id = idText(firstPresent(file, "id", "fileId")).map(WireReports::fileId);
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
            if (WireValues.isWholeNumber(s)) {
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

    /**
     * Percent-encodes only the bytes a URI may not hold (controls, space, non-ASCII and
     * {@code " < > \ ^ ` { | }}), keeping {@code / ? # % :} and the rest: the URL the service sent
     * must keep its structure and its own escapes. Hand-written because httpcore5's
     * {@code PercentCodec} offers only its unreserved set publicly, which would encode the
     * structure too; its set for whole URIs is internal to it.
     */
    static String encodeIllegal(String s) {
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
}
