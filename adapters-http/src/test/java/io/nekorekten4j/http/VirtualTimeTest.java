package io.nekorekten4j.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.nekorekten4j.cache.CacheOptions;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** {@link VirtualTime}: sleeps move the clock instead of the thread. */
class VirtualTimeTest {

    private final VirtualTime time = VirtualTime.create();

    @Test
    void aSleepReturnsAtOnceAndMovesTheClockByItsLength() {
        Instant before = time.instant();

        time.sleep(Duration.ofMinutes(2));

        assertThat(time.slept()).isEqualTo(Duration.ofMinutes(2));
        // At least the two virtual minutes; at most those plus the real time the test took (generous bound).
        assertThat(Duration.between(before, time.instant()))
                .isGreaterThanOrEqualTo(Duration.ofMinutes(2)).isLessThan(Duration.ofMinutes(3));
    }

    @Test
    void zeroAndNegativeSleepsDoNothing() {
        time.sleep(Duration.ZERO);
        time.sleep(Duration.ofSeconds(-5));

        assertThat(time.slept()).isZero();
    }

    @Test
    void advanceMovesTheClockWithoutCountingAsSleptAndNeverBack() {
        Instant before = time.instant();

        time.advance(Duration.ofHours(1));

        assertThat(time.slept()).isZero();
        assertThat(time.instant()).isAfterOrEqualTo(before.plus(Duration.ofHours(1)));
        assertThatThrownBy(() -> time.advance(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
        assertThatThrownBy(() -> time.sleep(null)).isInstanceOf(NullPointerException.class).hasMessage("duration");
    }

    @Test
    void aHugeSleepSaturatesInsteadOfOverflowing() {
        time.sleep(Duration.ofSeconds(Long.MAX_VALUE / 2_000_000_000L));
        time.sleep(Duration.ofSeconds(Long.MAX_VALUE / 2_000_000_000L));
        time.sleep(Duration.ofSeconds(Long.MAX_VALUE / 2_000_000_000L));

        assertThat(time.slept()).isEqualTo(Duration.ofNanos(Long.MAX_VALUE));
    }

    @Test
    void aClientWhoseClockIsFarFromTheSystemClockStillTimesItsRequestsInRealTime() {
        // A fixed clock years in the past: the call budget runs on it, the transport's deadline on
        // the system clock. Before, the transport read the budget's deadline against Instant.now() and
        // every request "timed out" before it was sent.
        WireMockServer service = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        service.start();
        try {
            service.stubFor(get(urlPathEqualTo(CacheFixtures.CITIES)).willReturn(okJson(CacheFixtures.cities())));
            String key = "virtual-time-" + java.util.UUID.randomUUID();
            for (Transport transport : java.util.List.of(ApacheTransport.builder().build(), JdkTransport.builder().build())) {
                try (NekorektenHttp client = NekorektenHttp.builder().baseUri(service.baseUrl()).apiKey(key)
                        .transport(transport).clock(java.time.Clock.fixed(Instant.parse("2020-01-01T00:00:00Z"),
                                ZoneOffset.UTC))
                        .sleeper(wait -> { }).retry(RetryOptions.disabled()).cache(CacheOptions.disabled()).build()) {
                    assertThat(client.cities()).as("cities through %s", transport.getClass().getSimpleName())
                            .isNotEmpty();
                }
            }
        } finally {
            service.stop();
        }
    }

    @Test
    void startingAtStandsStillUntilSleptAdvancedOrSet() {
        Instant start = Instant.parse("2026-12-04T21:59:59.999999999Z");
        VirtualTime manual = VirtualTime.startingAt(start);

        assertThat(manual.instant()).isEqualTo(start);
        manual.sleep(Duration.ofNanos(1));
        manual.sleep(Duration.ofSeconds(-1));
        manual.advance(Duration.ofMinutes(1));
        assertThat(manual.instant()).isEqualTo(Instant.parse("2026-12-04T22:01:00Z"));
        assertThat(manual.sleeps()).containsExactly(Duration.ofNanos(1));
        assertThat(manual.slept()).isEqualTo(Duration.ofNanos(1));

        manual.set(start.minusSeconds(3600));
        assertThat(manual.instant()).as("set may go back").isEqualTo(start.minusSeconds(3600));
        assertThat(manual.slept()).as("a set is not a sleep").isEqualTo(Duration.ofNanos(1));
        assertThat(manual.toString()).contains(start.toString());
        assertThatThrownBy(() -> VirtualTime.startingAt(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("start");
        assertThatThrownBy(() -> manual.set(null)).isInstanceOf(NullPointerException.class).hasMessage("instant");
    }

    @Test
    void setOnTheSystemFollowingTimeReadsTheInstantAndRunsOnFromIt() {
        Instant past = Instant.parse("2020-01-01T00:00:00Z");

        time.set(past);

        assertThat(time.instant()).isBetween(past, past.plusSeconds(60));
        assertThat(time.slept()).isZero();
    }

    @Test
    void itIsAClockInUtc() {
        assertThat(time.getZone()).isEqualTo(ZoneOffset.UTC);
        assertThat(time.withZone(java.time.ZoneId.of("Europe/Sofia"))).isSameAs(time);
    }
}
