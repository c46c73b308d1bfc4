package io.nekorekten4j.http;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The bodies {@link WireMockBackend} answers, in the live shape of the reference (§2), built with
 * JSON-P so that they owe nothing to the adapter's DTOs. Names and e-mails are masked as the live
 * service masks them (see {@link #maskName}); phones go out as {@code +359…}; {@code createDate}
 * is ISO-8601 with an offset; {@code server.date} is Sofia time without a zone.
 */
final class WireMockBackendJson {

    /** The cities the backend knows, by id. */
    static final Map<Integer, String> CITIES = Map.of(1, "София", 2, "Пловдив", 3, "Варна", 4, "Бургас",
            5, "Русе", 6, "Стара Загора");

    private static final DateTimeFormatter SERVER_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss")
            .withZone(QuotaGate.SOFIA);
    private static final DateTimeFormatter CREATE_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx")
            .withZone(ZoneOffset.UTC);

    private WireMockBackendJson() {
    }

    /** One page of a search, in the live envelope. */
    static String searchPage(List<JsonObject> items, int count, int page, int pageSize) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        items.forEach(array::add);
        return Json.createObjectBuilder().addNull("message").add("items", array).add("count", count)
                .add("currentPage", page).add("itemsPerPage", pageSize).add("server", server(200)).build().toString();
    }

    /** A search that found nothing. */
    static String emptySearch() {
        return searchPage(List.of(), 0, 1, WireMockBackendStore.PAGE_SIZE);
    }

    /** A report as the live service returns it: names and e-mail masked, phone with {@code +}. */
    static JsonObject report(String id, String text, String phoneDigits, String email, String firstName,
                             String lastName, String siteUrl, String facebookUrl, String userId, Integer cityId,
                             List<Map.Entry<String, String>> files, Instant createdAt) {
        JsonObjectBuilder r = Json.createObjectBuilder().add("id", id);
        nullable(r, "firstName", firstName == null ? null : maskName(firstName));
        nullable(r, "lastName", lastName == null ? null : maskName(lastName));
        nullable(r, "email", email == null ? null : maskEmail(email));
        nullable(r, "phone", phoneDigits == null ? null : "+" + phoneDigits);
        r.add("text", text);
        nullable(r, "facebookUrl", facebookUrl);
        nullable(r, "siteUrl", siteUrl);
        r.addNull("siteUrlMapped");
        r.add("user", Json.createObjectBuilder().add("id", userId).add("firstName", "Reporter")
                .add("lastName", "Name").add("email", "xxxxxxxxxx*****@gmail.com"));
        if (cityId == null) {
            r.addNull("city");
        } else {
            r.add("city", Json.createObjectBuilder().add("id", cityId).add("name", CITIES.get(cityId)));
        }
        r.addNull("parent").add("children", Json.createArrayBuilder()).add("categories", Json.createArrayBuilder());
        JsonArrayBuilder fileArray = Json.createArrayBuilder();
        for (Map.Entry<String, String> file : files) {
            fileArray.add(Json.createObjectBuilder().add("id", file.getKey()).add("name", file.getValue())
                    .add("previewUrl", "/uploads/" + file.getKey() + "/"
                            + URLEncoder.encode(file.getValue(), StandardCharsets.UTF_8).replace("+", "%20")));
        }
        r.add("files", fileArray);
        r.add("createDate", CREATE_DATE.format(createdAt));
        r.add("views", 0).add("liked", 0).add("visibleOnlyForCreator", false).add("isArchived", false);
        return r.build();
    }

    /** The answer of a create: a message, the new id, the server block. */
    static String created(String id) {
        return Json.createObjectBuilder().add("message", "Сигналът е подаден успешно.").add("id", id)
                .add("server", server(200)).build().toString();
    }

    /** The answer of an upload: the new ids, in the order of the parts. */
    static String uploaded(List<String> ids) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        ids.forEach(array::add);
        return Json.createObjectBuilder().addNull("message").add("files", array).add("server", server(200))
                .build().toString();
    }

    /** The cities, wrapped in {@code items}. */
    static String cities() {
        JsonArrayBuilder array = Json.createArrayBuilder();
        CITIES.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(c -> array.add(Json.createObjectBuilder().add("id", c.getKey()).add("name", c.getValue())));
        return Json.createObjectBuilder().add("items", array).add("server", server(200)).build().toString();
    }

    /** The name of city {@code id}, if known. */
    static Optional<String> cityName(int id) {
        return Optional.ofNullable(CITIES.get(id));
    }

    /** A plain answer: a message and the server block. */
    static String message(String message, int httpCode) {
        return Json.createObjectBuilder().add("message", message).add("server", server(httpCode)).build().toString();
    }

    /** An error: {@code {message, server}}. */
    static String error(String message, int httpCode) {
        return message(message, httpCode);
    }

    /** An error with field messages: {@code {message, errors: {field: message}, server}}. */
    static String error(String message, int httpCode, Map<String, String> errors) {
        JsonObjectBuilder fields = Json.createObjectBuilder();
        errors.forEach(fields::add);
        return Json.createObjectBuilder().add("message", message).add("errors", fields).add("server", server(httpCode))
                .build().toString();
    }

    /**
     * A name masked word by word as the live payload shows ({@code Не**}, {@code Желяз****}): the
     * first half of each word (rounded up) stays, each other letter becomes one {@code *}.
     */
    static String maskName(String name) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < name.length()) {
            int end = i;
            while (end < name.length() && Character.isLetter(name.codePointAt(end))) {
                end += Character.charCount(name.codePointAt(end));
            }
            if (end == i) {
                out.appendCodePoint(name.codePointAt(i));
                i += Character.charCount(name.codePointAt(i));
            } else {
                maskRun(name, i, end, out);
                i = end;
            }
        }
        return out.toString();
    }

    /** An e-mail with the second half of its local part masked: {@code ivan.****@abv.bg}. */
    static String maskEmail(String email) {
        int at = email.lastIndexOf('@');
        StringBuilder out = new StringBuilder();
        maskRun(email, 0, at, out);
        return out.append(email.substring(at)).toString();
    }

    private static void maskRun(String text, int start, int end, StringBuilder out) {
        int length = text.codePointCount(start, end);
        int keep = (length + 1) / 2;
        int cut = text.offsetByCodePoints(start, keep);
        out.append(text, start, cut).append("*".repeat(length - keep));
    }

    private static JsonObject server(int httpCode) {
        return Json.createObjectBuilder().add("date", SERVER_DATE.format(Instant.now())).add("httpCode", httpCode)
                .build();
    }

    private static void nullable(JsonObjectBuilder b, String name, String value) {
        if (value == null) {
            b.addNull(name);
        } else {
            b.add(name, value);
        }
    }
}
