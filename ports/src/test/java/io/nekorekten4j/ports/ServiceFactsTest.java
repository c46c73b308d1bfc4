package io.nekorekten4j.ports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

class ServiceFactsTest {

    @Test
    void theServiceLivesAtItsDocumentedBaseUriAndTakesTheKeyInApiKey() {
        assertThat(ServiceFacts.BASE_URI).hasToString("https://api.nekorekten.com");
        assertThat(ServiceFacts.API_KEY_HEADER).isEqualTo("Api-Key");
        assertThat(ServiceFacts.UPLOAD_PART).isEqualTo("files[]");
        assertThat(ServiceFacts.SEARCH_MODE_PARAMETER).isEqualTo("searchMode");
        assertThat(ServiceFacts.PAGE_PARAMETER).isEqualTo("page");
    }

    @Test
    void theEndpointsAreTheDocumentedVersionOnePaths() {
        assertThat(ApiPaths.REPORTS).isEqualTo("/api/v1/reports");
        assertThat(ApiPaths.REPORT_PREFIX).isEqualTo("/api/v1/reports/");
        assertThat(ApiPaths.FILES).isEqualTo("/api/v1/files");
        assertThat(ApiPaths.CITIES).isEqualTo("/api/v1/cities");
    }

    @Test
    void theServerDateOfTheLivePayloadReadsAndWritesInSofiaTime() {
        DateTimeFormatter format = DateTimeFormatter.ofPattern(ServiceFacts.SERVER_DATE_PATTERN);
        LocalDateTime read = LocalDateTime.parse("2026-02-27 20:22:33", format);

        assertThat(read).isEqualTo(LocalDateTime.of(2026, 2, 27, 20, 22, 33));
        assertThat(format.format(read)).isEqualTo("2026-02-27 20:22:33");
        // February: Sofia is UTC+2.
        assertThat(read.atZone(ServiceFacts.SOFIA).toInstant()).isEqualTo(Instant.parse("2026-02-27T18:22:33Z"));
    }

    @Test
    void theServiceDayIsTheCalendarDayInSofiaNotInUtc() {
        // 22:30 UTC on 9 June is 01:30 on 10 June in Sofia (UTC+3 in summer).
        Instant lateUtc = Instant.parse("2025-06-09T22:30:00Z");

        assertThat(ServiceFacts.serviceDay(lateUtc)).isEqualTo(LocalDate.of(2025, 6, 10));
        assertThat(ServiceFacts.dayStart(lateUtc)).isEqualTo(Instant.parse("2025-06-09T21:00:00Z"));
        assertThat(ServiceFacts.nextDayStart(lateUtc)).isEqualTo(Instant.parse("2025-06-10T21:00:00Z"));
    }

    @Test
    void aDayStartsAtItsOwnMidnightAndTheNextOneFollowsItEvenAcrossAClockChange() {
        Instant midnight = Instant.parse("2025-10-25T21:00:00Z"); // 26 October, the day summer time ends
        assertThat(ServiceFacts.dayStart(midnight)).isEqualTo(midnight);
        assertThat(ServiceFacts.nextDayStart(midnight)).isEqualTo(Instant.parse("2025-10-26T22:00:00Z"));
    }

    @Test
    void theDayHelpersNameANullInstant() {
        assertThatNullPointerException().isThrownBy(() -> ServiceFacts.nextDayStart(null)).withMessage("at");
        assertThatNullPointerException().isThrownBy(() -> ServiceFacts.dayStart(null)).withMessage("at");
    }
}
