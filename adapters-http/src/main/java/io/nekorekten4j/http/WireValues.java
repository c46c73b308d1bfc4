package io.nekorekten4j.http;

import io.nekorekten4j.http.JsonCodec.Malformed;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Scalars read from answers of unsure shape: whole numbers that may come as text, ids as strings
 * or numbers, text that may be blank. A value that cannot be trusted is {@link Malformed}, never
 * rounded, wrapped or guessed. Stateless.
 */
final class WireValues {

    /** The most digits a {@code long} can have; more is out of range (or not a number). */
    private static final int MAX_LONG_DIGITS = 19;

    private WireValues() {
    }

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

    /** Whether {@code c} is one of {@code 0–9} (not any Unicode digit). */
    static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** An id given as a string or a whole number, as text. */
    static Optional<String> idText(JsonValue value) {
        if (value instanceof JsonString s) {
            return Optional.of(s.getString().strip()).filter(id -> !id.isEmpty());
        }
        if (value instanceof JsonNumber n && n.isIntegral()) {
            return Optional.of(n.bigIntegerValue().toString());
        }
        return Optional.empty();
    }

    /** A string that is not blank, as it came. */
    static Optional<String> text(JsonValue value) {
        return value instanceof JsonString s && !s.getString().isBlank() ? Optional.of(s.getString()) : Optional.empty();
    }

    /** The first of {@code names} that {@code object} holds with a value other than {@code null}, or {@code null}. */
    static JsonValue firstPresent(JsonObject object, String... names) {
        for (String name : names) {
            JsonValue value = object.get(name);
            if (value != null && value.getValueType() != JsonValue.ValueType.NULL) {
                return value;
            }
        }
        return null;
    }

    /** The first of {@code names} that {@code object} holds as an array, or {@code null}. */
    static JsonArray firstArray(JsonObject object, String... names) {
        for (String name : names) {
            if (object.get(name) instanceof JsonArray array) {
                return array;
            }
        }
        return null;
    }
}
