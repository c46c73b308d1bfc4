package io.nekorekten4j.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The rule of {@link QuotaStore} as {@link LocalQuotaStore} enforces it, asked through the store's
 * own methods on a virtual clock: the decisions, the local view ({@code remaining}) and the
 * calendar-day and rolling-day caps at their edges. Nothing here sleeps.
 */
class LocalQuotaStoreTest {

    /** A Tuesday in June: Sofia is on summer time (UTC+3). */
    private static final Instant T0 = Instant.parse("2025-06-10T09:00:00Z");
    /** 00:00 in Sofia on the day of T0. */
    private static final Instant SOFIA_MIDNIGHT = Instant.parse("2025-06-09T21:00:00Z");
    private static final Duration SPACING = Duration.ofSeconds(61);
    private static final Duration LEASE = Duration.ofMinutes(5);
    private static final Duration LONG_WAIT = Duration.ofMinutes(5);
    private static final QuotaScope SCOPE = QuotaScope.of(URI.create("https://api.nekorekten.com"), "a-key-for-tests");

    private final VirtualTime clock = VirtualTime.startingAt(T0);
    private final LocalQuotaStore store = LocalQuotaStore.create(clock);
    private final ExecutorService other = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        other.shutdownNow();
    }

    private static QuotaLimits perMinute(int permits) {
        return new QuotaLimits(permits, QuotaLimits.MINUTE, QuotaLimits.PLAN_MARGIN, OptionalInt.empty());
    }

    private static QuotaLimits perDay(int cap) {
        return new QuotaLimits(10, QuotaLimits.MINUTE, QuotaLimits.PLAN_MARGIN, OptionalInt.of(cap));
    }

    private QuotaPermit granted(QuotaLimits limits) {
        QuotaDecision d = store.acquire(SCOPE, limits, LONG_WAIT, LEASE);
        assertThat(d).as("decision at %s", clock.instant()).isInstanceOf(QuotaDecision.Granted.class);
        return ((QuotaDecision.Granted) d).permit();
    }

    private void sendAt(Instant at, QuotaLimits limits) {
        clock.set(at);
        QuotaPermit p = granted(limits);
        store.release(SCOPE, p, true);
    }

    @Test
    void onTheTwentyFiveHourDayOfTheAutumnClockChangeTheCalendarDayHoldsASendTheRollingDayHasLeft() {
        // 2025-10-26 in Sofia runs from 21:00 UTC the day before to 22:00 UTC: 25 hours.
        Instant dayStart = Instant.parse("2025-10-25T21:00:00Z");
        Instant nextDayStart = Instant.parse("2025-10-26T22:00:00Z");
        sendAt(dayStart.plus(Duration.ofMinutes(10)), perDay(1));
        // 24 h 20 min later: still the same Sofia day, but the send left the last 24 hours.
        clock.set(dayStart.plus(Duration.ofHours(24)).plus(Duration.ofMinutes(30)));

        RemainingQuota left = store.remaining(SCOPE, perDay(1));
        QuotaDecision d = store.acquire(SCOPE, perDay(1), LONG_WAIT, LEASE);

        assertThat(left.leftToday()).isEqualTo(OptionalInt.of(0));
        assertThat(left.waitForPermit()).isEqualTo(Duration.ofMinutes(30));
        assertThat(d).isEqualTo(new QuotaDecision.Exhausted(nextDayStart));
        clock.set(nextDayStart);
        granted(perDay(1));
    }

    @Test
    void justAfterMidnightTheSendsOfTheEveningBeforeStillCountForTheRestOfTheDay() {
        QuotaLimits three = perDay(3);
        sendAt(SOFIA_MIDNIGHT.minus(Duration.ofHours(2)), three); // 22:00 in Sofia
        sendAt(SOFIA_MIDNIGHT.minus(Duration.ofHours(1)), three); // 23:00
        clock.set(SOFIA_MIDNIGHT.plus(Duration.ofMinutes(30)));

        RemainingQuota left = store.remaining(SCOPE, three);

        assertThat(left.leftToday()).isEqualTo(OptionalInt.of(1));
        assertThat(left.waitForPermit()).isZero();
    }

    @Test
    void aSpentRollingDayAllowsRequestsAgainWhenItsOldestSendLeavesTheLast24Hours() {
        QuotaLimits two = perDay(2);
        Instant tenAm = SOFIA_MIDNIGHT.minus(Duration.ofHours(14));
        sendAt(tenAm, two);
        sendAt(tenAm.plus(Duration.ofHours(1)), two);
        // 09:30 the next day: a new Sofia day, but both sends are within the last 24 hours.
        clock.set(tenAm.plus(Duration.ofHours(23)).plus(Duration.ofMinutes(30)));

        QuotaDecision d = store.acquire(SCOPE, two, LONG_WAIT, LEASE);

        assertThat(d).isEqualTo(new QuotaDecision.Exhausted(tenAm.plus(Duration.ofDays(1))));
        assertThat(store.remaining(SCOPE, two).waitForPermit()).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void theRemainingPermitsOfTheWindowCountPermitsInFlightAndAnsweredOnesAlike() {
        QuotaLimits three = perMinute(3);
        store.release(SCOPE, granted(three), true);
        granted(three); // still in flight

        assertThat(store.remaining(SCOPE, three).leftThisMinute()).isEqualTo(1);
    }

    @Test
    void aPermitWhoseLeaseEndedFreesItsPlaceOneWindowAfterTheLeaseEvenInTheRemainingView() {
        QuotaLimits two = perMinute(2);
        Duration lease = Duration.ofSeconds(10);
        assertThat(store.acquire(SCOPE, two, Duration.ZERO, lease)).isInstanceOf(QuotaDecision.Granted.class);
        clock.advance(lease.plus(SPACING));

        RemainingQuota left = store.remaining(SCOPE, two);

        assertThat(left.leftThisMinute()).isEqualTo(2);
        assertThat(left.waitForPermit()).isZero();
    }

    @Test
    void aCallerHeldBackByPermitsInFlightWaitsForTheOlderOfThemNotTheNewer() {
        QuotaLimits two = perMinute(2);
        granted(two); // in flight from T0
        store.penalise(SCOPE, Duration.ofSeconds(10));
        QuotaDecision second = store.acquire(SCOPE, two, LONG_WAIT, LEASE);
        assertThat(second).isInstanceOfSatisfying(QuotaDecision.Granted.class,
                g -> assertThat(g.permit().slot()).isEqualTo(T0.plusSeconds(10)));

        QuotaDecision third = store.acquire(SCOPE, two, LONG_WAIT, LEASE);

        // Answered now, the permit of T0 would free a slot one window and margin later; the one of T0 + 10 s
        // can only free the slot after that.
        assertThat(third).isEqualTo(new QuotaDecision.Wait(SPACING));
    }

    @Test
    void anUnsentPermitIsForgottenByTheDailyCapEvenWithoutAPerMinuteLimit() {
        QuotaLimits dailyOnly = new QuotaLimits(Integer.MAX_VALUE, QuotaLimits.MINUTE, Duration.ZERO, OptionalInt.of(1));
        store.release(SCOPE, granted(dailyOnly), false);

        QuotaPermit sent = granted(dailyOnly);
        store.release(SCOPE, sent, true);

        // The one send that counts fills the day until it leaves the last 24 hours.
        assertThat(store.acquire(SCOPE, dailyOnly, LONG_WAIT, LEASE))
                .isEqualTo(new QuotaDecision.Exhausted(T0.plus(Duration.ofDays(1))));
    }

    @Test
    void aPermitOfAScopeTheStoreNeverSawStandsAndItsReleaseChangesNothing() {
        QuotaScope unknown = QuotaScope.of(URI.create("https://elsewhere.example"), "another-key");
        QuotaPermit permit = new QuotaPermit("p-elsewhere", T0);

        assertThat(store.confirm(unknown, permit)).isTrue();
        store.release(unknown, permit, true);
        assertThat(store.toString()).isEqualTo("LocalQuotaStore[0 scopes]");
    }

    @Test
    void theStoreDecidesOnItsClockAndShowsHowManyScopesItCountsButNeverOne() {
        granted(perMinute(1));

        assertThat(store.clock()).isSameAs(clock);
        assertThat(store.toString()).isEqualTo("LocalQuotaStore[1 scopes]").doesNotContain("nekorekten.com");
    }

    @Test
    void negativeDurationsAreRefusedWithTheirName() {
        QuotaLimits one = perMinute(1);

        assertThatIllegalArgumentException().isThrownBy(() -> store.acquire(SCOPE, one, Duration.ofNanos(-1), LEASE))
                .withMessageContaining("maxWait");
        assertThatIllegalArgumentException().isThrownBy(() -> store.acquire(SCOPE, one, LONG_WAIT, Duration.ofNanos(-1)))
                .withMessageContaining("lease");
        assertThatIllegalArgumentException().isThrownBy(() -> store.penalise(SCOPE, Duration.ofNanos(-1)))
                .withMessageContaining("retryAfter");
        assertThat(store.remaining(SCOPE, one).pausedUntil()).as("nothing recorded").isEmpty();
    }

    @Test
    void afterEveryOperationAnotherThreadCanUseTheSameScope() throws Exception {
        QuotaLimits two = perMinute(2);
        store.release(SCOPE, granted(two), true);
        // Each operation on this thread, then a permit taken on another: a lock left held would block it.
        for (Consumer<LocalQuotaStore> op : List.<Consumer<LocalQuotaStore>>of(
                s -> s.remaining(SCOPE, two),
                s -> s.limits(SCOPE),
                s -> s.penalise(SCOPE, Duration.ZERO),
                s -> s.confirm(SCOPE, new QuotaPermit("p-none", T0)))) {
            op.accept(store);
            Future<RemainingQuota> elsewhere = other.submit(() -> store.remaining(SCOPE, two));
            // A bound on a hang only: the answer takes microseconds.
            assertThat(elsewhere.get(1, TimeUnit.MINUTES).leftThisMinute()).isEqualTo(1);
        }
    }
}
