package io.nekorekten4j.http;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The answer's dates ({@code createDate} and the like, {@code server.date}) against any text or
 * number: a date or empty ("no date rather than a wrong one"), never an exception; and the fast
 * path for the observed ISO form agrees with {@code java.time} on every well-formed date.
 */
class WireDatesProperties {

    /** Fails when any of the readers throws: every text must give a date or empty. */
    @Property(tries = 2_000)
    void anyTextIsADateOrNone(@ForAll("dateLikeTexts") String text) {
        Optional<OffsetDateTime> read = WireDates.dateTime(Json.createValue(text));
        WireDates.parseDateTime(text);
        WireDates.serverDate(Json.createValue(text));

        read.filter(date -> text.chars().allMatch(Character::isDigit))
                .ifPresent(date -> assertThat(date.getYear()).as("a date read from digits").isBetween(2000, 2100));
    }

    @Property(tries = 1_000)
    void anyNumberIsADateOrNone(@ForAll("numbers") JsonValue number) {
        Optional<OffsetDateTime> read = WireDates.dateTime(number);

        read.ifPresent(date -> assertThat(date.getYear()).isBetween(2000, 2100));
    }

    @Property(tries = 1_000)
    void theFastPathReadsWhatJavaTimeReads(@ForAll("wellFormedDates") OffsetDateTime date) {
        String text = date.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);

        Optional<OffsetDateTime> fast = WireDates.isoOffsetFastPath(text);

        fast.ifPresent(read -> assertThat(read.toInstant()).isEqualTo(OffsetDateTime.parse(text).toInstant()));
        assertThat(WireDates.parseDateTime(text).map(OffsetDateTime::toInstant)).contains(date.toInstant());
    }

    @Provide
    Arbitrary<String> dateLikeTexts() {
        Arbitrary<String> digits = Arbitraries.strings().withCharRange('0', '9').ofMaxLength(20);
        Arbitrary<String> shaped = Arbitraries.strings().withChars("0123456789-:T +Z.").ofMaxLength(32);
        Arbitrary<String> damaged = Arbitraries.of("2025-01-11T21:22:21+00:00", "2025-01-11 21:22:21",
                        "2026-02-27 20:22:33", "2025-01-11T21:22:21Z")
                .flatMap(t -> Arbitraries.integers().between(0, t.length() - 1)
                        .flatMap(i -> Arbitraries.chars().map(c -> t.substring(0, i) + c + t.substring(i + 1))));
        return Arbitraries.oneOf(digits, shaped, damaged, Arbitraries.strings().ofMaxLength(40));
    }

    @Provide
    Arbitrary<JsonValue> numbers() {
        return Arbitraries.oneOf(
                Arbitraries.longs().map(Json::createValue),
                Arbitraries.bigDecimals().ofScale(3).map(Json::createValue),
                Arbitraries.of(new BigDecimal("1e400"), new BigDecimal("-1e400"), new BigDecimal("9223372036854775808"),
                        new BigDecimal("1736630541"), new BigDecimal("1736630541000"), new BigDecimal("1736630541.5"))
                        .map(Json::createValue));
    }

    @Provide
    Arbitrary<OffsetDateTime> wellFormedDates() {
        Arbitrary<Instant> instants = Arbitraries.longs()
                .between(Instant.parse("2000-01-01T00:00:00Z").getEpochSecond(), Instant.parse("2099-12-31T23:59:59Z").getEpochSecond())
                .map(Instant::ofEpochSecond);
        Arbitrary<ZoneOffset> offsets = Arbitraries.integers().between(-18 * 4, 18 * 4)
                .map(quarters -> ZoneOffset.ofTotalSeconds(quarters * 15 * 60));
        return instants.flatMap(i -> offsets.map(o -> i.atOffset(o)));
    }
}
