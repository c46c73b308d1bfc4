package io.nekorekten4j.http;

import io.nekorekten4j.ports.ServiceFacts;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's {@code Retry-After}: how it is read, and how much of it the client honours.
 *
 * <h2>Reading</h2>
 * Delay-seconds (leading zeros allowed; a figure too large for any clock saturates, never wraps)
 * or an HTTP date in any of the three forms RFC 9110 §5.6.7 obliges a recipient to accept:
 * IMF-fixdate ({@code Sun, 06 Nov 1994 08:49:37 GMT}), the obsolete RFC 850 form
 * ({@code Sunday, 06-Nov-94 08:49:37 GMT}, a two-digit year more than 50 years ahead meaning the
 * last century) and asctime ({@code Sun Nov  6 08:49:37 1994}). A date in the past is no wait.
 * Anything else (negative, fractional, a word) is no known wait.
 *
 * <h2>Honouring</h2>
 * A wait is honoured up to {@link #cap}: until the next midnight in Sofia — when the service's
 * daily quota resets, the longest a legitimate answer can ask for — but at least
 * {@link #MIN_CAP} (an hour: a short answer just before midnight stays whole) and never more than
 * {@link #MAX_WAIT}. A hostile or broken value can therefore pause a key for a day at most, never
 * for good. Each clamp is logged once, at WARN. Thread safe.
 */
final class RetryAfter {

    /** No answer ever pauses a key for longer than this. */
    static final Duration MAX_WAIT = Duration.ofHours(24);
    /** The cap is never shorter than an hour: a per-minute (or per-hour) answer just before midnight stays whole. */
    static final Duration MIN_CAP = Duration.ofHours(1);

    private static final Logger LOG = LoggerFactory.getLogger(NekorektenHttp.class);
    /** Delay-seconds too long for a {@code long} saturate here instead of overflowing; any cap is far below. */
    private static final long SATURATED_SECONDS = Long.MAX_VALUE;
    private static final Pattern RFC_850 = Pattern.compile(
            "(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), (\\d{2})-([A-Z][a-z]{2})-(\\d{2}) "
                    + "(\\d{2}):(\\d{2}):(\\d{2}) GMT");
    private static final Pattern ASCTIME = Pattern.compile(
            "(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) ([A-Z][a-z]{2}) {1,2}(\\d{1,2}) (\\d{2}):(\\d{2}):(\\d{2}) (\\d{4})");

    private RetryAfter() {
    }

    /**
     * The wait a {@code Retry-After} value asks for, measured from {@code now}, as sent (not yet
     * capped); empty when the value is not one of the accepted forms.
     */
    static Optional<Duration> parse(String header, Instant now) {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(now, "now");
        String value = header.strip();
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.of(Duration.ofSeconds(delaySeconds(value)));
        }
        return date(value, now).map(at -> at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
    }

    /**
     * The longest wait honoured at {@code now}: until the next Sofia midnight, at least
     * {@link #MIN_CAP}, at most {@link #MAX_WAIT}.
     */
    static Duration cap(Instant now) {
        Duration untilMidnight = Duration.between(now, ServiceFacts.nextDayStart(now));
        Duration cap = untilMidnight.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : untilMidnight;
        return cap.compareTo(MIN_CAP) < 0 ? MIN_CAP : cap;
    }

    /**
     * The part of {@code asked} the client honours at {@code now}: all of it up to {@link #cap},
     * else the cap, logged at WARN (once per clamped answer).
     *
     * @param what what asked for the wait, for the log line (never server text)
     */
    static Duration honoured(Duration asked, Instant now, String what) {
        Objects.requireNonNull(asked, "asked");
        Duration cap = cap(now);
        if (asked.compareTo(cap) <= 0) {
            return asked;
        }
        LOG.warn("{}: the service asked to wait {} s (Retry-After); honouring {} s, until the next midnight in "
                + "Sofia and never more than 24 h", what, asked.getSeconds(), cap.getSeconds());
        return cap;
    }

    /** {@code now + wait}, saturated at {@link Instant#MAX} instead of overflowing. */
    static Instant instantAfter(Instant now, Duration wait) {
        Duration room = Duration.between(now, Instant.MAX);
        return wait.compareTo(room) >= 0 ? Instant.MAX : now.plus(wait);
    }

    /** Delay-seconds without overflow: leading zeros are no magnitude, and a huge figure saturates. */
    private static long delaySeconds(String digits) {
        int first = 0;
        while (first < digits.length() - 1 && digits.charAt(first) == '0') {
            first++;
        }
        String significant = digits.substring(first);
        // Up to 18 digits always fit in a long; longer figures are beyond any clock anyway.
        return significant.length() > 18 ? SATURATED_SECONDS : Long.parseLong(significant);
    }

    private static Optional<Instant> date(String value, Instant now) {
        try {
            return Optional.of(ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeException e) {
            // Not an IMF-fixdate: try the two obsolete forms below.
        }
        try {
            Matcher rfc850 = RFC_850.matcher(value);
            if (rfc850.matches()) {
                int twoDigits = Integer.parseInt(rfc850.group(3));
                return Optional.of(at(fullYear(twoDigits, now), month(rfc850.group(2)), rfc850.group(1),
                        rfc850.group(4), rfc850.group(5), rfc850.group(6)));
            }
            Matcher asctime = ASCTIME.matcher(value);
            if (asctime.matches()) {
                return Optional.of(at(Integer.parseInt(asctime.group(6)), month(asctime.group(1)), asctime.group(2),
                        asctime.group(3), asctime.group(4), asctime.group(5)));
            }
        } catch (DateTimeException | IllegalArgumentException e) {
            // A day, month or time out of range: no usable date.
        }
        return Optional.empty();
    }

    /**
     * RFC 9110 §5.6.7: the year with those last two digits that is at most 50 years ahead; one
     * further ahead means the most recent past year with those digits. Across a century boundary
     * that is the next century's year ("00" read in 1970 is 2000, "05" read in 2060 is 2105).
     */
    static int fullYear(int twoDigits, Instant now) {
        int thisYear = now.atOffset(ZoneOffset.UTC).getYear();
        int year = thisYear / 100 * 100 + twoDigits;
        if (year > thisYear + 50) {
            return year - 100;
        }
        return year + 100 <= thisYear + 50 ? year + 100 : year;
    }

    private static Month month(String abbreviation) {
        for (Month month : Month.values()) {
            if (month.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).equals(abbreviation)) {
                return month;
            }
        }
        throw new IllegalArgumentException("not a month: " + abbreviation);
    }

    private static Instant at(int year, Month month, String day, String hour, String minute, String second) {
        return LocalDateTime.of(year, month, Integer.parseInt(day), Integer.parseInt(hour), Integer.parseInt(minute),
                Integer.parseInt(second)).toInstant(ZoneOffset.UTC);
    }
}
