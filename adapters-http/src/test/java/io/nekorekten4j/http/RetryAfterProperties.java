package io.nekorekten4j.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.nekorekten4j.ports.ServiceFacts;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * Item 11 of issue 9: {@code Retry-After} is server text. Any value, at any time, is a wait or no
 * known wait — never an exception, never a wait beyond the cap, never a hang — and the three
 * HTTP-date forms and delay-seconds mean what RFC 9110 says they mean.
 */
class RetryAfterProperties {

    /** Far above any parse (microseconds); only a loop or exponential backtracking reaches it. */
    private static final Duration HANG_GUARD = Duration.ofSeconds(10);

    private static final DateTimeFormatter RFC_850 =
            DateTimeFormatter.ofPattern("EEEE, dd-MMM-yy HH:mm:ss 'GMT'", Locale.ENGLISH);
    private static final DateTimeFormatter ASCTIME =
            DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ENGLISH);

    @Property(tries = 1_000)
    void anyValueAtAnyTimeIsAWaitWithinTheCapOrNoKnownWait(@ForAll("headerValues") String value,
                                                          @ForAll("clockReadings") Instant now) {
        Optional<Duration> asked = assertTimeoutPreemptively(HANG_GUARD, () -> RetryAfter.parse(value, now));

        asked.ifPresent(wait -> {
            assertThat(wait.isNegative()).as("a negative wait").isFalse();
            Duration honoured = RetryAfter.honoured(wait, now, "property");
            assertThat(honoured).isLessThanOrEqualTo(wait).isLessThanOrEqualTo(RetryAfter.MAX_WAIT)
                    .isLessThanOrEqualTo(RetryAfter.cap(now));
            assertThat(RetryAfter.instantAfter(now, honoured)).isAfterOrEqualTo(now);
        });
    }

    @Property(tries = 500)
    void theCapIsUntilTheNextSofiaMidnightButAtLeastAnHourAndAtMostADay(@ForAll("clockReadings") Instant now) {
        Duration cap = RetryAfter.cap(now);
        Duration untilMidnight = Duration.between(now, ServiceFacts.nextDayStart(now));

        assertThat(cap).isBetween(RetryAfter.MIN_CAP, RetryAfter.MAX_WAIT);
        if (untilMidnight.compareTo(RetryAfter.MIN_CAP) >= 0 && untilMidnight.compareTo(RetryAfter.MAX_WAIT) <= 0) {
            assertThat(cap).isEqualTo(untilMidnight);
        }
    }

    @Property(tries = 500)
    void delaySecondsAreReadExactlyWhateverTheLeadingZerosAndSurroundingSpaces(
            @ForAll @LongRange(min = 0, max = 999_999_999_999_999_999L) long seconds,
            @ForAll @IntRange(min = 0, max = 30) int zeros, @ForAll("blanks") String before,
            @ForAll("blanks") String after, @ForAll("clockReadings") Instant now) {
        String value = before + "0".repeat(zeros) + seconds + after;

        assertThat(RetryAfter.parse(value, now)).contains(Duration.ofSeconds(seconds));
    }

    @Property(tries = 500)
    void figuresOfNineteenDigitsOrMoreSaturateInsteadOfWrapping(@ForAll @IntRange(min = 19, max = 400) int length,
                                                               @ForAll @IntRange(min = 1, max = 9) int first,
                                                               @ForAll("clockReadings") Instant now) {
        // 19 digits may still fit a long; they are over 31 billion years, so saturating changes nothing.
        String value = first + "9".repeat(length - 1);

        assertThat(RetryAfter.parse(value, now)).contains(Duration.ofSeconds(Long.MAX_VALUE));
        assertThat(RetryAfter.honoured(Duration.ofSeconds(Long.MAX_VALUE), now, "property")).isEqualTo(RetryAfter.cap(now));
    }

    @Property(tries = 500)
    void theThreeHttpDateFormsOfOneInstantAskForTheSameWait(@ForAll("clockReadings") Instant now,
                                                           @ForAll @LongRange(min = -40L * 366 * 86_400, max = 40L * 366 * 86_400) long offsetSeconds) {
        ZonedDateTime at = now.plusSeconds(offsetSeconds).atZone(ZoneOffset.UTC).withNano(0);
        Duration expected = at.toInstant().isAfter(now) ? Duration.between(now, at.toInstant()) : Duration.ZERO;

        assertThat(RetryAfter.parse(DateTimeFormatter.RFC_1123_DATE_TIME.format(at), now)).contains(expected);
        assertThat(RetryAfter.parse(RFC_850.format(at), now)).as(RFC_850.format(at)).contains(expected);
        assertThat(RetryAfter.parse(ASCTIME.format(at), now)).as(ASCTIME.format(at)).contains(expected);
    }

    @Property(tries = 500)
    void aTwoDigitYearIsNeverMoreThanFiftyYearsAheadNorACenturyBehind(@ForAll("clockReadings") Instant now,
                                                                    @ForAll @IntRange(min = 0, max = 99) int twoDigits) {
        int thisYear = now.atOffset(ZoneOffset.UTC).getYear();
        int year = RetryAfter.fullYear(twoDigits, now);

        assertThat(year % 100).isEqualTo(twoDigits);
        assertThat(year).isBetween(thisYear - 49, thisYear + 50);
    }

    // ---------------------------------------------------------------------------------------

    /** A clock anywhere from 1970 to 2200, to the nanosecond. */
    @Provide
    Arbitrary<Instant> clockReadings() {
        return Arbitraries.longs().between(0, Instant.parse("2200-01-01T00:00:00Z").getEpochSecond())
                .flatMap(seconds -> Arbitraries.integers().between(0, 999_999_999)
                        .map(nanos -> Instant.ofEpochSecond(seconds, nanos)));
    }

    @Provide
    Arbitrary<String> blanks() {
        return Arbitraries.strings().withChars(" \t").ofMaxLength(3);
    }

    /** Any text, valid values of every form with random edits, and numbers of every size and sign. */
    @Provide
    Arbitrary<String> headerValues() {
        Arbitrary<String> valid = Combinators.combine(clockReadings(), Arbitraries.integers().between(0, 3))
                .as((at, form) -> {
                    ZonedDateTime utc = at.atZone(ZoneOffset.UTC);
                    return switch (form) {
                        case 0 -> DateTimeFormatter.RFC_1123_DATE_TIME.format(utc);
                        case 1 -> RFC_850.format(utc);
                        case 2 -> ASCTIME.format(utc);
                        default -> String.valueOf(at.getEpochSecond() % 100_000);
                    };
                });
        Arbitrary<String> edited = Combinators.combine(valid, edits().list().ofMaxSize(4)).as(RetryAfterProperties::apply);
        Arbitrary<String> numbers = Arbitraries.oneOf(
                Arbitraries.bigIntegers().between(new java.math.BigInteger("-1" + "0".repeat(40)),
                        new java.math.BigInteger("1" + "0".repeat(40))).map(String::valueOf),
                Arbitraries.doubles().map(String::valueOf),
                Arbitraries.of("NaN", "Infinity", "-0", "+5", "0x10", "1e3", "１２", "٣", "5 ", " 5", "5,6"));
        Arbitrary<String> anyText = Arbitraries.strings().all().ofMaxLength(60);
        return Arbitraries.frequencyOf(Tuple.of(2, anyText), Tuple.of(4, edited), Tuple.of(2, numbers), Tuple.of(1, valid));
    }

    /** One edit: insert, delete or replace a character, or change a letter's case. */
    record Edit(int kind, int position, char character) {
    }

    @Provide
    Arbitrary<Edit> edits() {
        Arbitrary<Character> interesting = Arbitraries.oneOf(Arbitraries.chars().all(),
                Arbitraries.of(' ', ',', '-', ':', '0', '9', 'G', 'x', '\t', '\u00A0', '\uD800'));
        return Combinators.combine(Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 100),
                interesting).as(Edit::new);
    }

    private static String apply(String value, List<Edit> edits) {
        StringBuilder text = new StringBuilder(value);
        for (Edit edit : edits) {
            int at = text.length() == 0 ? 0 : edit.position() % text.length();
            switch (edit.kind()) {
                case 0 -> text.insert(at, edit.character());
                case 1 -> {
                    if (text.length() > 0) {
                        text.deleteCharAt(at);
                    }
                }
                case 2 -> {
                    if (text.length() > 0) {
                        text.setCharAt(at, edit.character());
                    }
                }
                default -> {
                    if (text.length() > 0) {
                        char c = text.charAt(at);
                        text.setCharAt(at, Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
                    }
                }
            }
        }
        return text.toString();
    }
}
