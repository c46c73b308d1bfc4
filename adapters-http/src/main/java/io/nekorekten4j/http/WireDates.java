package io.nekorekten4j.http;

import static io.nekorekten4j.http.WireValues.isAsciiDigit;

import io.nekorekten4j.ports.ServiceFacts;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * Points in time as the service writes them: a report's {@code createDate} and an answer's
 * {@code server.date}. No date rather than a wrong one. The forms the service sends are read by
 * hand (the fast paths); every other text goes to {@code java.time}, and the answer for any text is
 * the same as {@code java.time} alone would give. Stateless.
 */
final class WireDates {

    /** The service's zone ({@link ServiceFacts#SOFIA}): {@code server.date} and zone-less dates are its local time. */
    private static final ZoneId SOFIA = ServiceFacts.SOFIA;

    private static final DateTimeFormatter SERVER_DATE = DateTimeFormatter.ofPattern(ServiceFacts.SERVER_DATE_PATTERN);
    /** The earliest and (excluded) latest instant a number is read as: outside, it is surely not a report's date. */
    private static final Instant EPOCH_FROM = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant EPOCH_UNTIL = Instant.parse("2100-01-01T00:00:00Z");

    private WireDates() {
    }

    /**
     * A point in time, or empty — no date rather than a wrong one (the rules are stated in
     * {@link io.nekorekten4j.domain.Report}'s Javadoc, for users):
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
    static Optional<OffsetDateTime> dateTime(JsonValue value) {
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
        // The observed form first, read from the parser's characters: Parsson's getString() copies
        // them into a new String at every call. Text the fast path accepts starts with a digit and
        // ends with a digit or Z, so stripping it first would change nothing.
        Optional<OffsetDateTime> observed = isoOffsetFastPath(s.getChars());
        if (observed.isPresent()) {
            return observed;
        }
        String text = s.getString().strip();
        if (!text.isEmpty() && allAsciiDigits(text)) {
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

    /** Text with an offset, or zone-less in Sofia time ({@code T} or a space between date and time); else empty. */
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
    static Optional<OffsetDateTime> isoOffsetFastPath(CharSequence t) {
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

    /** {@code server.date}: {@code yyyy-MM-dd HH:mm:ss} in Sofia time (other forms tolerated). */
    static Optional<Instant> serverDate(JsonValue date) {
        if (date instanceof JsonString s) {
            String text = s.getString().strip(); // once: Parsson copies the characters at every call
            Optional<Instant> fast = serverDateFastPath(text);
            if (fast.isPresent()) {
                return fast;
            }
            try {
                return Optional.of(LocalDateTime.parse(text, SERVER_DATE).atZone(SOFIA).toInstant());
            } catch (DateTimeException e) {
                return parseDateTime(text).map(OffsetDateTime::toInstant);
            }
        }
        return dateTime(date).map(OffsetDateTime::toInstant);
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

    /** Whether every character is one of {@code 0–9}: a loop, not a stream, as it runs for every report. */
    private static boolean allAsciiDigits(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (!isAsciiDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** The ASCII digits {@code t[from, from + count)} as a number; -1 if any is not a digit. */
    private static int digits(CharSequence t, int from, int count) {
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
}
