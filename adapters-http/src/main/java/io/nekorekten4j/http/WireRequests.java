package io.nekorekten4j.http;

import io.nekorekten4j.domain.Attachment;
import io.nekorekten4j.domain.CityId;
import io.nekorekten4j.domain.FileId;
import io.nekorekten4j.domain.ReportFields;
import io.nekorekten4j.domain.ReportId;
import io.nekorekten4j.domain.SearchCriteria;
import io.nekorekten4j.domain.SearchField;
import io.nekorekten4j.ports.ApiPaths;
import io.nekorekten4j.ports.ServiceFacts;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * What goes to the service: the URIs of its endpoints, with query values and path segments
 * percent-encoded, and the bodies of writes and uploads. Thread safe.
 */
final class WireRequests {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final JsonCodec json;
    private final String origin;

    /**
     * @param json    the client's codec, for the JSON bodies
     * @param baseUri the service's base URI (absolute, no query or fragment)
     */
    WireRequests(JsonCodec json, URI baseUri) {
        this.json = Objects.requireNonNull(json, "json");
        this.origin = origin(baseUri);
    }

    /**
     * The base URI as the prefix of every endpoint: scheme, authority and path, without trailing
     * slashes, so that {@code https://host/proxy/} and {@code https://host/proxy} are the same base.
     */
    static String origin(URI baseUri) {
        String path = baseUri.getRawPath() == null ? "" : baseUri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return baseUri.getScheme() + "://" + baseUri.getRawAuthority() + path;
    }

    /**
     * {@code GET /api/v1/reports?…}: only the given filters, the mode, and the page when past the first.
     *
     * <p>Assembled here rather than by httpcore5's {@code URIBuilder}: that gives the same bytes
     * (checked on HttpCore 5.3.6 and 5.4.4, including {@code +}, spaces and Cyrillic) but parses
     * the base again, builds a list of pairs and encodes through its {@code PercentCodec} (see
     * {@link #encodeTo}) on every search, a cost on the hot path for no difference on the wire.
     */
    URI searchUri(SearchCriteria criteria) {
        Map<SearchField, String> values = criteria.queryValues();
        StringBuilder uri = new StringBuilder(origin).append(ApiPaths.REPORTS);
        char separator = appendIfPresent(uri, '?', SearchField.PHONE.parameter(), values.get(SearchField.PHONE));
        separator = appendIfPresent(uri, separator, SearchField.EMAIL.parameter(), values.get(SearchField.EMAIL));
        separator = appendIfPresent(uri, separator, SearchField.NAME.parameter(), values.get(SearchField.NAME));
        separator = appendIfPresent(uri, separator, SearchField.SITE.parameter(), values.get(SearchField.SITE));
        separator = appendIfPresent(uri, separator, ServiceFacts.SEARCH_MODE_PARAMETER, criteria.mode().wireValue());
        if (criteria.page() > 1) {
            appendIfPresent(uri, separator, ServiceFacts.PAGE_PARAMETER, Integer.toString(criteria.page()));
        }
        return URI.create(uri.toString());
    }

    /** Appends {@code name=value} after {@code separator} when there is a value; the separator for what follows. */
    private static char appendIfPresent(StringBuilder uri, char separator, String name, String value) {
        if (value == null) {
            return separator;
        }
        uri.append(separator);
        encodeTo(uri, name).append('=');
        encodeTo(uri, value);
        return '&';
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
        return URI.create(origin + ApiPaths.REPORTS);
    }

    /** {@code /api/v1/reports/{id}}, the id percent-encoded as a path segment. */
    URI reportUri(ReportId id) {
        return URI.create(origin + reportPath(id));
    }

    /** The path of a report, for error contexts. */
    static String reportPath(ReportId id) {
        return ApiPaths.REPORT_PREFIX + encode(id.value());
    }

    /** {@code /api/v1/files}. */
    URI filesUri() {
        return URI.create(origin + ApiPaths.FILES);
    }

    /** {@code /api/v1/cities}. */
    URI citiesUri() {
        return URI.create(origin + ApiPaths.CITIES);
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
            parts.add(new RequestBody.Part(ServiceFacts.UPLOAD_PART, a.fileName(), a.mediaType(), a.content()));
        }
        return new RequestBody.Multipart(parts);
    }

    /**
     * Percent-encodes {@code value} as UTF-8 for a query value or a path segment: every byte but
     * {@code A–Z a–z 0–9 - . _ ~} becomes {@code %XX}, so {@code +} is {@code %2B} and a space
     * {@code %20}.
     */
    static String encode(String value) {
        return encodeTo(new StringBuilder(value.length() + 16), value).toString();
    }

    /**
     * Appends {@code value} percent-encoded as {@link #encode} does.
     *
     * <p>httpcore5's {@code PercentCodec.RFC3986} gives the same bytes (WireRequestsTest compares
     * them over generated text, on the oldest supported HttpCore too), but it is not used: it
     * encodes through a {@code CharBuffer} and a {@code ByteBuffer} per value, 1,152 bytes of
     * allocation per search URI against 480 here, on the path whose allocation is budgeted
     * ({@code docs/benchmarks.md}, row 2). Its {@code WWWFormCodec} would also differ on the wire: it
     * writes a space as {@code +}, which the service would read as a space only if it decodes forms.
     */
    static StringBuilder encodeTo(StringBuilder out, String value) {
        for (byte raw : value.getBytes(StandardCharsets.UTF_8)) {
            int b = raw & 0xFF;
            if ((b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9')
                    || b == '-' || b == '.' || b == '_' || b == '~') {
                out.append((char) b);
            } else {
                out.append('%').append(HEX[b >> 4]).append(HEX[b & 0x0F]);
            }
        }
        return out;
    }
}
