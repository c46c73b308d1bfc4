package io.nekorekten4j.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.nekorekten4j.http.ErrorMapper.Redactor;
import io.nekorekten4j.http.NekorektenHttpTestSupport.StdErrCapture;
import io.nekorekten4j.ports.ErrorContext;
import io.nekorekten4j.ports.QuotaExhaustedException;
import io.nekorekten4j.ports.RateLimitedException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 8 item 1: reading {@code Retry-After} in every form, and never honouring more than the cap. */
class RetryAfterTest {

    /** 20:22:33 in Sofia (UTC+2 in February): the next Sofia midnight is 22:00 UTC. */
    private static final Instant NOW = Instant.parse("2026-02-27T18:22:33Z");
    private static final Instant NEXT_SOFIA_MIDNIGHT = Instant.parse("2026-02-27T22:00:00Z");
    private static final ErrorContext GET_REPORTS = ErrorContext.of("GET", "/api/v1/reports");

    private static RateLimitedException rateLimited(String retryAfter) {
        return (RateLimitedException) ErrorMapper.fromStatus(GET_REPORTS, 429, Optional.of(retryAfter),
                new Envelope(Optional.of("Too many requests"), OptionalInt.empty(), Optional.empty(), List.of()),
                null, NOW, new Redactor(List.of()));
    }

    @Test
    void anAbsurdDelayIsHonouredOnlyUntilTheNextSofiaMidnightAndTheClampIsLoggedOnceAtWarn() {
        try (StdErrCapture log = new StdErrCapture()) {
            RateLimitedException e = rateLimited("99999999999999");

            assertThat(e.retryAfter()).contains(Duration.between(NOW, NEXT_SOFIA_MIDNIGHT));
            assertThat(log.text().lines().filter(l -> l.contains("WARN") && l.contains("Retry-After")))
                    .singleElement().satisfies(line -> assertThat(line)
                            .contains("search").contains("99999999999999 s")
                            .contains(Duration.between(NOW, NEXT_SOFIA_MIDNIGHT).getSeconds() + " s"));
        }
    }

    @Test
    void aWaitWithinTheCapIsHonouredWholeAndNotLogged() {
        try (StdErrCapture log = new StdErrCapture()) {
            assertThat(rateLimited("7").retryAfter()).contains(Duration.ofSeconds(7));
            assertThat(rateLimited("3600").retryAfter()).contains(Duration.ofHours(1));
            assertThat(log.text()).doesNotContain("WARN");
        }
    }

    @Test
    void figuresBeyondAnyClockSaturateAndAreCappedNeverWrapped() {
        assertThat(RetryAfter.parse("99999999999999999999999", NOW)).hasValueSatisfying(
                d -> assertThat(d).isGreaterThan(Duration.ofDays(365)));
        assertThat(RetryAfter.parse(String.valueOf(Long.MAX_VALUE), NOW)).hasValueSatisfying(
                d -> assertThat(d).isPositive());
        assertThat(rateLimited("9223372036854775808").retryAfter()).contains(Duration.between(NOW, NEXT_SOFIA_MIDNIGHT));
    }

    @Test
    void leadingZerosAreNoMagnitude() {
        assertThat(RetryAfter.parse("0000000000000000000000007", NOW)).contains(Duration.ofSeconds(7));
        assertThat(RetryAfter.parse("0", NOW)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse("000", NOW)).contains(Duration.ZERO);
    }

    @Test
    void theThreeHttpDateFormsAreRead() {
        Instant inThirtySeconds = NOW.plusSeconds(30);

        assertThat(RetryAfter.parse("Fri, 27 Feb 2026 18:23:03 GMT", NOW)).contains(Duration.ofSeconds(30));
        assertThat(RetryAfter.parse("Friday, 27-Feb-26 18:23:03 GMT", NOW)).contains(Duration.ofSeconds(30));
        assertThat(RetryAfter.parse("Fri Feb 27 18:23:03 2026", NOW)).contains(Duration.ofSeconds(30));
        assertThat(RetryAfter.parse("Sun Mar  1 00:00:00 2026", NOW))
                .contains(Duration.between(NOW, Instant.parse("2026-03-01T00:00:00Z")));
        assertThat(inThirtySeconds).isEqualTo(Instant.parse("2026-02-27T18:23:03Z"));
    }

    @Test
    void aTwoDigitYearMoreThanFiftyYearsAheadIsTheLastCentury() {
        assertThat(RetryAfter.parse("Sunday, 06-Nov-94 08:49:37 GMT", NOW)).contains(Duration.ZERO);
    }

    @Test
    void aTwoDigitYearAcrossACenturyBoundaryIsTheNextCenturysWhenThatIsAtMostFiftyYearsAhead() {
        // RFC 9110 §5.6.7: only a year MORE than 50 years ahead is the last century's.
        Instant in2060 = Instant.parse("2060-06-01T00:00:00Z");

        assertThat(RetryAfter.parse("Monday, 01-Jan-05 00:00:00 GMT", in2060))
                .contains(Duration.between(in2060, Instant.parse("2105-01-01T00:00:00Z")));
        assertThat(RetryAfter.parse("Sunday, 06-Nov-94 08:49:37 GMT", in2060))
                .contains(Duration.between(in2060, Instant.parse("2094-11-06T08:49:37Z")));
        assertThat(RetryAfter.parse("Sunday, 06-Nov-59 08:49:37 GMT", in2060)).contains(Duration.ZERO);
    }

    @Test
    void aDateFarInTheFutureIsCappedAndADateInThePastIsNoWait() {
        assertThat(rateLimited("Fri, 31 Dec 9999 23:59:59 GMT").retryAfter())
                .contains(Duration.between(NOW, NEXT_SOFIA_MIDNIGHT));
        assertThat(rateLimited("Thu, 01 Jan 1970 00:00:00 GMT").retryAfter()).contains(Duration.ZERO);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-5", "1.5", "+5", "5s", "soon", "Fri, 32 Feb 2026 18:23:03 GMT",
            "Friday, 27-Feb-26 25:23:03 GMT", "Fri Foo 27 18:23:03 2026", " ", "0x10"})
    void anythingElseIsNoKnownWait(String value) {
        assertThat(RetryAfter.parse(value, NOW)).isEmpty();
    }

    @Test
    void theCapIsTheNextSofiaMidnightAtLeastAnHourAndNeverMoreThanADay() {
        assertThat(RetryAfter.cap(NOW)).isEqualTo(Duration.between(NOW, NEXT_SOFIA_MIDNIGHT));
        // 23:59:30 in Sofia: a short answer keeps its whole wait.
        assertThat(RetryAfter.cap(Instant.parse("2026-02-27T21:59:30Z"))).isEqualTo(Duration.ofHours(1));
        assertThat(RetryAfter.cap(Instant.parse("2026-02-27T21:30:00Z"))).isEqualTo(Duration.ofHours(1));
        // Midnight of the day summer time ends in Sofia (2026-10-25 is 25 hours long): still 24 h.
        assertThat(RetryAfter.cap(Instant.parse("2026-10-24T21:00:00Z"))).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void aDailyQuotaAnswerReportsTheResetAsSentSaturatedNeverOverflowing() {
        assertThat(quotaExhausted("99999999999999").resetsAt()).contains(NOW.plusSeconds(99_999_999_999_999L));
        assertThat(quotaExhausted("99999999999999999999999").resetsAt()).contains(Instant.MAX);
        assertThat(quotaExhausted("Fri, 31 Dec 9999 23:59:59 GMT").resetsAt())
                .contains(Instant.parse("9999-12-31T23:59:59Z"));
    }

    private static QuotaExhaustedException quotaExhausted(String retryAfter) {
        return (QuotaExhaustedException) ErrorMapper.fromStatus(GET_REPORTS, 429, Optional.of(retryAfter),
                new Envelope(Optional.of("Daily limit reached"), OptionalInt.empty(), Optional.empty(), List.of()),
                null, NOW, new Redactor(List.of()));
    }
}
