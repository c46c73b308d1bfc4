package io.nekorekten4j.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.nekorekten4j.ports.ServiceFacts;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The hand-written reading of {@code createDate} gives exactly what {@code java.time} gives, and
 * leaves everything else to the general parsing, so that no text reads differently than before.
 */
class DateTimeFastPathTest {

    private static final ZoneId SOFIA = ServiceFacts.SOFIA;

    /** The general parsing as it was before the fast path: the reference every answer is checked against. */
    private static Optional<OffsetDateTime> javaTime(String text) {
        String iso = text.length() > 10 && text.charAt(10) == ' ' ? text.substring(0, 10) + 'T' + text.substring(11) : text;
        try {
            return Optional.of(OffsetDateTime.parse(iso));
        } catch (DateTimeException e) {
            // zone-less forms next
        }
        try {
            return Optional.of(LocalDateTime.parse(iso).atZone(SOFIA).toOffsetDateTime());
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** {@code server.date} as it was read before the fast path. */
    private static Optional<Instant> serverDateBefore(String text) {
        try {
            return Optional.of(LocalDateTime.parse(text, DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"))
                    .atZone(SOFIA).toInstant());
        } catch (DateTimeException e) {
            return javaTime(text).map(OffsetDateTime::toInstant);
        }
    }

    private static Optional<Instant> serverDate(String text) throws JsonCodec.Malformed {
        JsonValue value = Json.createValue(text);
        return WireDates.serverDate(value);
    }

    @Test
    void readsTheServerDateInSofiaTime() throws JsonCodec.Malformed {
        assertThat(serverDate("2026-02-27 20:22:33")).contains(Instant.parse("2026-02-27T18:22:33Z"));
        assertThat(WireDates.serverDateFastPath("2026-07-27 20:22:33")).contains(Instant.parse("2026-07-27T17:22:33Z"));
    }

    @Test
    void serverDateAgreesWithTheFormatterOnGeneratedValuesAndVariations() throws JsonCodec.Malformed {
        Random random = new Random(11L);
        String alphabet = "0123456789-: T9";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder(String.format("%04d-%02d-%02d %02d:%02d:%02d", random.nextInt(10_000),
                    random.nextInt(14), random.nextInt(33), random.nextInt(26), random.nextInt(61), random.nextInt(61)));
            if (random.nextInt(4) == 0) {
                text.setCharAt(random.nextInt(text.length()), alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String s = text.toString();
            assertThat(serverDate(s)).as(s).isEqualTo(serverDateBefore(s));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-30 10:00:00", "2026-03-29 03:30:00", "2026-10-25 03:30:00", "0000-01-01 10:00:00",
        "2026-01-01 24:00:00", "2026-01-01T10:00:00", "2026-01-01 10:00", "2026-1-01 10:00:00", "x"})
    void unusualServerDatesReadExactlyAsBefore(String text) throws JsonCodec.Malformed {
        assertThat(serverDate(text)).isEqualTo(serverDateBefore(text));
    }

    @Test
    void readsTheObservedFormLikeOffsetDateTimeParse() {
        assertThat(WireDates.isoOffsetFastPath("2024-05-14T09:31:07+03:00"))
                .contains(OffsetDateTime.parse("2024-05-14T09:31:07+03:00"));
    }

    @Test
    void agreesWithJavaTimeOnManyGeneratedValidValues() {
        Random random = new Random(20261124L);
        for (int i = 0; i < 20_000; i++) {
            String text = generated(random);
            Optional<OffsetDateTime> expected = javaTime(text);
            assertThat(expected).as(text).isPresent();
            assertThat(WireDates.isoOffsetFastPath(text)).as(text).isEqualTo(expected);
            assertThat(WireDates.parseDateTime(text)).as(text).isEqualTo(expected);
            // equal instants are not enough: the offset must be kept too
            assertThat(WireDates.parseDateTime(text).get().getOffset()).as(text).isEqualTo(expected.get().getOffset());
        }
    }

    @Test
    void agreesWithJavaTimeOnGeneratedValuesWithOneCharacterChanged() {
        Random random = new Random(7L);
        String alphabet = "0123456789-+:.TZtz x/9";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder(generated(random));
            int at = random.nextInt(text.length());
            switch (random.nextInt(3)) {
                case 0 -> text.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
                case 1 -> text.deleteCharAt(at);
                default -> text.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String mutated = text.toString();
            assertThat(WireDates.parseDateTime(mutated)).as(mutated).isEqualTo(javaTime(mutated));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "2024-02-30T10:00:00+02:00", "2023-02-29T10:00:00Z", "2024-13-01T10:00:00Z", "2024-00-10T10:00:00Z",
        "2024-01-00T10:00:00Z", "2024-01-01T24:00:00Z", "2024-01-01T23:60:00Z", "2024-01-01T23:59:60Z",
        "2024-01-01T10:00:00+18:30", "2024-01-01T10:00:00+19:00", "2024-01-01T10:00:00+02:60",
        "2024-01-01T10:00:00.Z", "2024-01-01T10:00:00.1234567890Z", "2024-01-01T10:00:00+0200",
        "2024-01-01T10:00:00+02", "2024-01-01T10:00:00+02:00:30", "2024-01-01T10:00+02:00",
        "2024-01-01T10:00:00", "2024-01-01 10:00:00", "2024-01-01T10:00:00z", "2024-01-01t10:00:00Z",
        "+2024-01-01T10:00:00Z", "24-01-01T10:00:00Z", "2024-1-01T10:00:00Z", "２０２４-01-01T10:00:00Z",
        "2024-01-01T10:00:00Z ", "2024-01-01T10:00:00ZZ", "2024-01-01T10:00:00-00:00", "not a date", ""
    })
    void everyOtherTextReadsExactlyAsBefore(String text) {
        assertThat(WireDates.parseDateTime(text)).isEqualTo(javaTime(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-02-30T10:00:00+02:00", "2024-01-01T10:00:00+19:00", "2024-01-01T10:00:00",
        "2024-01-01T10:00:00.Z", "2024-01-01T10:00:00z", "2024-01-01T10:00:00+02:00:30"})
    void leavesImpossibleOrUnusualTextToTheGeneralParsing(String text) {
        assertThat(WireDates.isoOffsetFastPath(text)).isEmpty();
    }

    private static String generated(Random random) {
        int year = random.nextInt(10_000);
        int month = 1 + random.nextInt(12);
        int day = 1 + random.nextInt(java.time.YearMonth.of(year, month).lengthOfMonth());
        StringBuilder s = new StringBuilder();
        s.append(String.format("%04d-%02d-%02d", year, month, day));
        s.append(random.nextInt(4) == 0 ? ' ' : 'T');
        s.append(String.format("%02d:%02d:%02d", random.nextInt(24), random.nextInt(60), random.nextInt(60)));
        if (random.nextBoolean()) {
            int digits = 1 + random.nextInt(9);
            s.append('.');
            for (int d = 0; d < digits; d++) {
                s.append((char) ('0' + random.nextInt(10)));
            }
        }
        switch (random.nextInt(3)) {
            case 0 -> s.append('Z');
            default -> {
                int hours = random.nextInt(18);
                int minutes = random.nextInt(4) * 15 + (random.nextInt(10) == 0 ? random.nextInt(15) : 0);
                s.append(random.nextBoolean() ? '-' : '+').append(String.format("%02d:%02d", hours, minutes));
            }
        }
        return s.toString();
    }
}
