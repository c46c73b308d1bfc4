package io.nekorekten4j.fake;

import static io.nekorekten4j.fake.FakeTestData.byPhone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nekorekten4j.domain.ReportId;
import io.nekorekten4j.domain.SearchCriteria;
import io.nekorekten4j.ports.ErrorCode;
import io.nekorekten4j.ports.QuotaExhaustedException;
import io.nekorekten4j.ports.QuotaPlan;
import io.nekorekten4j.ports.RateLimitedException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The simulated quota: a sliding 60-second window and the Sofia calendar day, per key. */
class NekorektenFakeQuotaTest {

    private static final SearchCriteria ANY = SearchCriteria.builder().phone("0888123456").build();
    /** 11:00 in Sofia (UTC+2 in winter). */
    private static final Instant MORNING = Instant.parse("2026-03-02T09:00:00Z");

    private final MutableClock clock = MutableClock.at(MORNING);

    private NekorektenFake fakeWith(QuotaPlan plan) {
        return NekorektenFake.builder().seed(1).clock(clock).quota(plan).build();
    }

    private static void spend(NekorektenFake fake, int calls) {
        for (int i = 0; i < calls; i++) {
            fake.search(ANY);
        }
    }

    @Test
    void quotaIsOffByDefault() {
        NekorektenFake fake = NekorektenFake.builder().clock(clock).build();

        spend(fake, 1_000);

        assertThat(fake.calls()).hasSize(1_000).allSatisfy(c -> assertThat(c.succeeded()).isTrue());
    }

    @Test
    void theCallPastThePerMinuteLimitWaitsUntilTheOldestCallLeavesTheWindow() {
        NekorektenFake fake = fakeWith(QuotaPlan.FREE); // 5 a minute
        fake.search(ANY);                               // t = 0
        clock.advance(Duration.ofSeconds(10));
        spend(fake, 4);                                 // t = 10 s
        clock.advance(Duration.ofSeconds(5));           // t = 15 s

        assertThatThrownBy(() -> fake.search(ANY))
                .isInstanceOfSatisfying(RateLimitedException.class, e -> {
                    assertThat(e.retryAfter()).contains(Duration.ofSeconds(45));
                    assertThat(e.context().status()).hasValue(429);
                    assertThat(e.code()).isEqualTo(ErrorCode.RATE_LIMITED);
                });

        clock.advance(Duration.ofSeconds(45).minusMillis(1));
        assertThatThrownBy(() -> fake.search(ANY))
                .isInstanceOfSatisfying(RateLimitedException.class,
                        e -> assertThat(e.retryAfter()).contains(Duration.ofMillis(1)));
        clock.advance(Duration.ofMillis(1));             // t = 60 s: the first call has left the window
        fake.search(ANY);
        assertThatThrownBy(() -> fake.search(ANY))
                .isInstanceOfSatisfying(RateLimitedException.class,
                        e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(10)));
    }

    @Test
    void theWindowSlidesRatherThanResettingAtTheMinute() {
        NekorektenFake fake = fakeWith(QuotaPlan.FREE);
        clock.set(Instant.parse("2026-03-02T09:00:55Z"));
        spend(fake, 5);
        clock.set(Instant.parse("2026-03-02T09:01:05Z")); // a new calendar minute, same 60 s

        assertThatThrownBy(() -> fake.search(ANY))
                .isInstanceOfSatisfying(RateLimitedException.class,
                        e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(50)));
    }

    @Test
    void refusedCallsSpendNothingButAreLogged() {
        NekorektenFake fake = fakeWith(QuotaPlan.perMinute(1));
        fake.search(ANY);
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> fake.search(ANY)).isInstanceOf(RateLimitedException.class);
        }

        clock.advance(Duration.ofSeconds(60));

        fake.search(ANY);
        assertThat(fake.calls()).extracting(c -> c.failure().orElse(null))
                .containsExactly(null, ErrorCode.RATE_LIMITED, ErrorCode.RATE_LIMITED, ErrorCode.RATE_LIMITED, null);
    }

    @Test
    void everyOperationCostsOneCall() {
        NekorektenFake fake = fakeWith(QuotaPlan.FREE);
        ReportId id = fake.create(byPhone("0888123456")).id().orElseThrow();
        fake.update(id, io.nekorekten4j.domain.ReportPatch.builder().text("x").build());
        fake.cities();
        fake.upload(java.util.List.of(FakeTestData.pdf("a.pdf")));
        fake.delete(id);

        assertThatThrownBy(() -> fake.search(ANY)).isInstanceOf(RateLimitedException.class);
    }

    @Test
    void eachKeyHasItsOwnQuota() {
        NekorektenFake fake = fakeWith(QuotaPlan.FREE);
        spend(fake, 5);

        NekorektenFake other = fake.withKey("other-key");
        spend(other, 5);

        assertThatThrownBy(() -> fake.search(ANY)).isInstanceOf(RateLimitedException.class);
        assertThatThrownBy(() -> other.search(ANY)).isInstanceOf(RateLimitedException.class);
    }

    @Test
    void theDailyCapEndsAtTheNextSofiaMidnight() {
        NekorektenFake fake = fakeWith(QuotaPlan.of(60, 3));
        spend(fake, 3);
        clock.advance(Duration.ofHours(2));

        assertThatThrownBy(() -> fake.search(ANY))
                .isInstanceOfSatisfying(QuotaExhaustedException.class, e -> {
                    // 2026-03-03T00:00 in Sofia is 22:00 UTC the day before (EET, UTC+2).
                    assertThat(e.resetsAt()).contains(Instant.parse("2026-03-02T22:00:00Z"));
                    assertThat(e.code()).isEqualTo(ErrorCode.QUOTA_EXHAUSTED);
                    assertThat(e.serviceMessage()).hasValueSatisfying(m -> assertThat(m).contains("3"));
                });

        clock.set(Instant.parse("2026-03-02T21:59:59Z"));
        assertThatThrownBy(() -> fake.search(ANY)).isInstanceOf(QuotaExhaustedException.class);
        clock.set(Instant.parse("2026-03-02T22:00:00Z"));
        spend(fake, 3);
        assertThatThrownBy(() -> fake.search(ANY)).isInstanceOf(QuotaExhaustedException.class);
    }

    @Test
    void theDayIsSofiasEvenInSummerTime() {
        clock.set(Instant.parse("2026-07-15T20:59:00Z")); // 23:59 in Sofia (EEST, UTC+3)
        NekorektenFake fake = fakeWith(QuotaPlan.of(60, 1));
        fake.search(ANY);

        assertThatThrownBy(() -> fake.search(ANY))
                .isInstanceOfSatisfying(QuotaExhaustedException.class,
                        e -> assertThat(e.resetsAt()).contains(Instant.parse("2026-07-15T21:00:00Z")));
        clock.advance(Duration.ofMinutes(1));
        fake.search(ANY);
    }

    @Test
    void aSpentDayComesBeforeAFullMinute() {
        NekorektenFake fake = fakeWith(QuotaPlan.of(2, 2));
        spend(fake, 2);

        assertThatThrownBy(() -> fake.search(ANY)).isInstanceOf(QuotaExhaustedException.class);
    }

    @Test
    void presetPlansApplyTheirFigures() {
        NekorektenFake fake = fakeWith(QuotaPlan.BUSINESS);
        spend(fake, 60);
        assertThatThrownBy(() -> fake.search(ANY)).isInstanceOf(RateLimitedException.class);

        NekorektenFake free = fakeWith(QuotaPlan.FREE);
        for (int minute = 0; minute < 6; minute++) {
            spend(free, 5);
            clock.advance(Duration.ofMinutes(1));
        }
        assertThatThrownBy(() -> free.search(ANY)).isInstanceOf(QuotaExhaustedException.class);
    }
}
