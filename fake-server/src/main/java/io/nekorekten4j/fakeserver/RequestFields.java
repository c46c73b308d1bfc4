package io.nekorekten4j.fakeserver;

import io.nekorekten4j.domain.FileId;
import io.nekorekten4j.domain.ReportDraft;
import io.nekorekten4j.domain.ReportPatch;
import io.nekorekten4j.domain.ServerText;
import io.nekorekten4j.domain.ValidationException;
import io.nekorekten4j.domain.Violation;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The fields of a {@code POST /api/v1/reports} or {@code PATCH /api/v1/reports/{id}} body, as
 * sent: {@code text}, {@code phone}, {@code email}, {@code siteUrl}, {@code facebookUrl},
 * {@code firstName}, {@code lastName}, {@code files} (file ids) and {@code cityID}. Read from JSON
 * (what the documentation shows) or from a form ({@code application/x-www-form-urlencoded}, which
 * one public plugin posts). Values are then parsed by the domain, so the server accepts exactly
 * what the client library accepts.
 *
 * <p>Leniency, written down: {@code null} and blank values count as absent (except a blank
 * {@code text}, which the domain refuses); a phone or a city may be a JSON number or a string;
 * unknown fields are ignored. A duplicated JSON key is refused rather than read one way or the other.
 *
 * @param text        what happened
 * @param phone       the phone as sent
 * @param email       the e-mail as sent
 * @param siteUrl     the web site as sent
 * @param facebookUrl the Facebook address as sent
 * @param firstName   the first name as sent
 * @param lastName    the last name as sent
 * @param files       the file ids as sent
 * @param cityId      the city id as sent
 */
record RequestFields(String text, String phone, String email, String siteUrl, String facebookUrl,
                     String firstName, String lastName, List<String> files, String cityId) {

    private static final JsonParserFactory PARSERS = Json.createParserFactory(Map.of());
    private static final int MAX_CITY_DIGITS = 9;
    private static final int MAX_NUMBER_DIGITS = 20;

    /** Copies the file list. */
    RequestFields {
        files = List.copyOf(files);
    }

    /**
     * The fields of a JSON body.
     *
     * @throws ValidationException (field {@code body}) when it is not a JSON object, or naming each
     *                             field whose value has the wrong type
     */
    static RequestFields fromJson(byte[] body) {
        Map<String, JsonValue> object = topLevelFields(body);
        List<Violation> problems = new ArrayList<>();
        RequestFields fields = new RequestFields(
                string(object, "text", problems, false),
                string(object, "phone", problems, true),
                string(object, "email", problems, false),
                string(object, "siteUrl", problems, false),
                string(object, "facebookUrl", problems, false),
                string(object, "firstName", problems, false),
                string(object, "lastName", problems, false),
                fileIds(object.get("files"), problems),
                string(object, "cityID", problems, true));
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return fields;
    }

    /**
     * The members of a body that must be one JSON object and nothing else, each name at most once:
     * a duplicated name could be read either way, and a reader would ignore what follows the object.
     */
    private static Map<String, JsonValue> topLevelFields(byte[] body) {
        Map<String, JsonValue> members = new LinkedHashMap<>();
        try (JsonParser parser = PARSERS.createParser(new ByteArrayInputStream(body), StandardCharsets.UTF_8)) {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
                throw new ValidationException("body", "the body must be a JSON object");
            }
            for (JsonParser.Event event = parser.next(); event != JsonParser.Event.END_OBJECT; event = parser.next()) {
                String name = parser.getString();
                parser.next();
                if (members.put(name, parser.getValue()) != null) {
                    throw new ValidationException(name, "is given twice");
                }
            }
            if (parser.hasNext()) {
                throw new ValidationException("body", "the body holds more than one JSON value");
            }
        } catch (JsonException | IllegalStateException | NoSuchElementException e) {
            throw new ValidationException("body", "the body is not valid JSON");
        }
        return members;
    }

    /**
     * The fields of a form body; file ids come as {@code files[]} or {@code files}, repeated.
     *
     * @throws ValidationException (field {@code query}) when the form is malformed
     */
    static RequestFields fromForm(byte[] body) {
        Map<String, List<String>> form = Query.parse(new String(body, StandardCharsets.UTF_8));
        List<String> files = new ArrayList<>(form.getOrDefault("files[]", List.of()));
        files.addAll(form.getOrDefault("files", List.of()));
        files.removeIf(String::isBlank);
        return new RequestFields(Query.first(form, "text"), Query.first(form, "phone"), Query.first(form, "email"),
                Query.first(form, "siteUrl"), Query.first(form, "facebookUrl"), Query.first(form, "firstName"),
                Query.first(form, "lastName"), files, Query.first(form, "cityID"));
    }

    /**
     * These fields as a new report.
     *
     * @throws ValidationException listing every problem, each under the wire name of its field
     */
    ReportDraft toDraft() {
        ReportDraft.Builder b = ReportDraft.builder();
        List<Violation> problems = new ArrayList<>();
        if (text != null) {
            b.text(text);
        }
        b.phone(nonBlank(phone)).email(nonBlank(email)).siteUrl(nonBlank(siteUrl))
                .facebookUrl(nonBlank(facebookUrl)).firstName(nonBlank(firstName)).lastName(nonBlank(lastName));
        b.files(fileIds(problems));
        Integer city = city(problems);
        if (city != null) {
            b.cityId(city);
        }
        return build(b::build, problems);
    }

    /**
     * These fields as changes to a report.
     *
     * @throws ValidationException listing every problem, each under the wire name of its field
     */
    ReportPatch toPatch() {
        ReportPatch.Builder b = ReportPatch.builder();
        List<Violation> problems = new ArrayList<>();
        if (text != null) {
            b.text(text);
        }
        b.phone(nonBlank(phone)).email(nonBlank(email)).siteUrl(nonBlank(siteUrl))
                .facebookUrl(nonBlank(facebookUrl)).firstName(nonBlank(firstName)).lastName(nonBlank(lastName));
        b.files(fileIds(problems));
        Integer city = city(problems);
        if (city != null) {
            b.cityId(city);
        }
        return build(b::build, problems);
    }

    private static <T> T build(java.util.function.Supplier<T> build, List<Violation> problems) {
        try {
            T built = build.get();
            if (problems.isEmpty()) {
                return built;
            }
        } catch (ValidationException e) {
            problems.addAll(e.violations());
        }
        throw new ValidationException(problems);
    }

    private List<FileId> fileIds(List<Violation> problems) {
        List<FileId> ids = new ArrayList<>(files.size());
        for (String id : files) {
            try {
                ids.add(FileId.of(id.strip()));
            } catch (ValidationException e) {
                // Echoed to the client: one safe, short line whatever the client sent.
                problems.add(new Violation("files", "'" + ServerText.sanitise(id, 64) + "' is not a file id"));
            }
        }
        return ids;
    }

    private Integer city(List<Violation> problems) {
        String value = nonBlank(cityId);
        if (value == null) {
            return null;
        }
        String digits = value.strip();
        if (digits.length() > MAX_CITY_DIGITS || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            problems.add(new Violation("cityID", "the city must be a whole number from GET /api/v1/cities"));
            return null;
        }
        return Integer.parseInt(digits);
    }

    /** A string field; {@code numberAllowed} also takes a whole JSON number (phones, city ids). */
    private static String string(Map<String, JsonValue> object, String name, List<Violation> problems, boolean numberAllowed) {
        JsonValue value = object.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value instanceof JsonString s) {
            return s.getString();
        }
        if (numberAllowed && value instanceof JsonNumber n) {
            String digits = wholeNumber(n);
            if (digits != null) {
                return digits;
            }
        }
        problems.add(new Violation(name, numberAllowed ? "must be a string or a whole number" : "must be a string"));
        return null;
    }

    private static List<String> fileIds(JsonValue value, List<Violation> problems) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return List.of();
        }
        if (!(value instanceof JsonArray array)) {
            problems.add(new Violation("files", "must be a list of file ids"));
            return List.of();
        }
        List<String> ids = new ArrayList<>(array.size());
        for (JsonValue element : array) {
            if (element instanceof JsonString s) {
                ids.add(s.getString());
            } else if (element instanceof JsonNumber n && wholeNumber(n) != null) {
                ids.add(wholeNumber(n));
            } else {
                problems.add(new Violation("files", "must be a list of file ids"));
                return List.of();
            }
        }
        return ids;
    }

    /**
     * The digits of a whole, non-negative number of at most {@value #MAX_NUMBER_DIGITS} digits, or
     * {@code null}. The size is checked before any conversion: {@code 1e1000000} is a short text
     * but a million digits.
     */
    private static String wholeNumber(JsonNumber number) {
        BigDecimal value = number.bigDecimalValue();
        if (value.signum() < 0 || value.precision() - value.scale() > MAX_NUMBER_DIGITS) {
            return null;
        }
        try {
            return value.toBigIntegerExact().toString();
        } catch (ArithmeticException fraction) {
            return null;
        }
    }

    private static String nonBlank(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** Names which fields are set, never their values: they are personal data. */
    @Override
    public String toString() {
        return "RequestFields[" + (text == null ? "" : "text, ") + (phone == null ? "" : "phone, ")
                + (email == null ? "" : "email, ") + "files=" + files.size() + "]";
    }
}
