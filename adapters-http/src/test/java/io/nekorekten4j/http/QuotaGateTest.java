package io.nekorekten4j.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.nekorekten4j.ports.ErrorCode;
import io.nekorekten4j.ports.QuotaExhaustedException;
import io.nekorekten4j.ports.QuotaPlan;
import io.nekorekten4j.ports.RateLimitWaitExceededException;
import io.nekorekten4j.ports.ServiceFacts;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The quota gate on a virtual clock: nothing here sleeps, and no assertion depends on timing. */
class QuotaGateTest {

    /** A Tuesday in June: Sofia is on summer time (UTC+3), far from a DST change. */
    private static final Instant SOFIA_MIDNIGHT = Instant.parse("2025-06-09T21:00:00Z");
    private static final Instant T0 = Instant.parse("2025-06-10T09:00:00Z");
    private static final Duration MINUTE_AND_MARGIN = Duration.ofSeconds(61);
    private static final Duration NO_WAIT = Duration.ZERO;
    private static final Duration LONG_WAIT = Duration.ofMinutes(5);
    private static final URI SERVICE = URI.create("https://api.nekorekten.com");

    private final VirtualTime clock = VirtualTime.startingAt(T0);
    private final VirtualTime sleeper = clock;

    @Test
    void aBurstOfAllPermitsIsAdmittedAtOnce() {
        QuotaGate gate = perMinute(5);

        for (int i = 0; i < 5; i++) {
            sendAndAnswer(gate, NO_WAIT);
        }

        assertThat(sleeper.sleeps()).as("sleeps").isEmpty();
        assertThat(clock.instant()).isEqualTo(T0);
    }

    @Test
    void aFreePermitIsGrantedWithoutWaitingEvenWhenTheClockMovesBetweenItsReadings() {
        // A real clock moves between the gate's readings: a zero permit wait must still admit a free permit.
        Clock ticking = new Clock() {
            private Instant now = T0;

            @Override
            public synchronized Instant instant() {
                now = now.plusNanos(1_000);
                return now;
            }

            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                throw new UnsupportedOperationException("one zone");
            }
        };
        QuotaGate gate = QuotaGate.create(2, QuotaGate.MINUTE, OptionalInt.empty(), QuotaGate.PLAN_MARGIN, ticking,
                sleeper);

        assertThat(waitedThenAnswered(gate, NO_WAIT)).isEqualTo(Duration.ZERO);
        assertThat(waitedThenAnswered(gate, NO_WAIT)).isEqualTo(Duration.ZERO);
        catchThrowableOfType(RateLimitWaitExceededException.class, () -> gate.acquire(NO_WAIT));
    }

    @Test
    void acquireReturnsTheWaitItImposedAndZeroForAFreePermit() {
        QuotaGate gate = perMinute(1);

        assertThat(waitedThenAnswered(gate, LONG_WAIT)).isEqualTo(Duration.ZERO);
        clock.advance(Duration.ofSeconds(21));

        assertThat(waitedThenAnswered(gate, LONG_WAIT)).isEqualTo(Duration.ofSeconds(40));
    }

    @Test
    void theRemainingQuotaIsTheLocalViewOfTheWindowAndTheDay() {
        QuotaGate gate = QuotaGate.create(3, QuotaGate.MINUTE, OptionalInt.of(5), QuotaGate.PLAN_MARGIN, clock,
                sleeper);
        burst(gate, 2);

        RemainingQuota left = gate.remaining().orElseThrow();

        assertThat(left.leftThisMinute()).isEqualTo(1);
        assertThat(left.leftToday()).isEqualTo(OptionalInt.of(3));
        assertThat(left.pausedUntil()).isEmpty();
        gate.penalise(Duration.ofSeconds(30));
        assertThat(gate.remaining().orElseThrow().leftThisMinute()).isZero();
        assertThat(gate.remaining().orElseThrow().pausedUntil()).contains(T0.plusSeconds(30));
        clock.advance(MINUTE_AND_MARGIN);
        assertThat(gate.remaining().orElseThrow().leftThisMinute()).isEqualTo(3);
        assertThat(gate.remaining().orElseThrow().leftToday()).isEqualTo(OptionalInt.of(3));
    }

    @Test
    void thePermitAfterABurstWaitsExactlyUntilTheOldestSendLeavesTheWindowAndMargin() {
        QuotaGate gate = perMinute(5);
        burst(gate, 5);
        clock.advance(Duration.ofSeconds(10));

        sendAndAnswer(gate, LONG_WAIT);

        assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(51));
        assertThat(clock.instant()).isEqualTo(T0.plus(MINUTE_AND_MARGIN));
    }

    @Test
    void oneNanosecondBeforeTheOldestSendLeavesTheWindowAndMarginThereIsNoPermit() {
        QuotaGate gate = perMinute(5);
        burst(gate, 5);
        clock.set(T0.plus(MINUTE_AND_MARGIN).minusNanos(1));

        RateLimitWaitExceededException e = catchThrowableOfType(RateLimitWaitExceededException.class,
                () -> sendAndAnswer(gate, NO_WAIT));

        assertThat(e.waitNeeded()).isEqualTo(Duration.ofNanos(1));
        clock.set(T0.plus(MINUTE_AND_MARGIN));
        sendAndAnswer(gate, NO_WAIT);
    }

    @Test
    void sendsSpreadOverTheMinuteFreeTheirPermitsOneByOne() {
        QuotaGate gate = perMinute(3);
        sendAndAnswer(gate, NO_WAIT);
        clock.advance(Duration.ofSeconds(20));
        sendAndAnswer(gate, NO_WAIT);
        clock.advance(Duration.ofSeconds(20));
        sendAndAnswer(gate, NO_WAIT);

        sendAndAnswer(gate, LONG_WAIT);
        sendAndAnswer(gate, LONG_WAIT);

        assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(21), Duration.ofSeconds(20));
    }

    @Test
    void aWaitLongerThanAllowedFailsAtOnceWithTheWaitNeededAndRecordsNothing() {
        QuotaGate gate = perMinute(5);
        burst(gate, 5);
        clock.advance(Duration.ofSeconds(1));

        RateLimitWaitExceededException e = catchThrowableOfType(RateLimitWaitExceededException.class,
                () -> sendAndAnswer(gate, Duration.ofSeconds(30)));

        assertThat(e.waitNeeded()).isEqualTo(Duration.ofSeconds(60));
        assertThat(e.code()).isEqualTo(ErrorCode.RATE_LIMIT_WAIT_EXCEEDED);
        assertThat(sleeper.sleeps()).as("sleeps: the refusal must come at once").isEmpty();
        assertThat(clock.instant()).isEqualTo(T0.plusSeconds(1));
        // Nothing was recorded: at T0 + 61 s a whole new burst of five is free.
        sendAndAnswer(gate, Duration.ofSeconds(60));
        burst(gate, 4);
        assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(60));
    }

    @Test
    void waitingThreadsGetSlotsInOrderOneWindowApart() throws Exception {
        Clock frozen = Clock.fixed(T0, ZoneOffset.UTC);
        List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());
        QuotaGate gate = QuotaGate.create(4, QuotaGate.MINUTE, OptionalInt.empty(), Duration.ofSeconds(1),
                frozen, sleeps::add);
        List<Instant> slots = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                calls.add(pool.submit(() -> {
                    go.await();
                    QuotaGate.Permit permit = gate.acquire(Duration.ofHours(1));
                    slots.add(permit.token().slot());
                    permit.answered(); // on the frozen clock: anchored on its slot
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> call : calls) {
                call.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        // Whatever the interleaving: every permit is granted, on the grid of one window apart, never
        // more than four in a window, and the first four go at once. Exactly four per later slot is
        // NOT promised here: on a frozen clock a permit answered before its slot is anchored in the
        // future, so a thread preempted between acquire() and answered() is still "in flight" with
        // an anchor that may come later than the answered ones; the store then grants the safe,
        // later slot. (A moving clock never answers before the slot; the sequential tests above
        // pin the exact slots.)
        assertThat(slots).hasSize(20);
        Map<Long, Long> perWindow = slots.stream().collect(Collectors.groupingBy(slot -> {
            Duration offset = Duration.between(T0, slot);
            assertThat(offset.toSeconds() % MINUTE_AND_MARGIN.toSeconds())
                    .as("slot %s lies on the grid of %s", slot, MINUTE_AND_MARGIN).isZero();
            return offset.toSeconds() / MINUTE_AND_MARGIN.toSeconds();
        }, Collectors.counting()));
        assertThat(perWindow.get(0L)).as("permits at once").isEqualTo(4);
        assertThat(perWindow.values()).as("permits per window").allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(4));
        assertThat(sleeps).allSatisfy(d -> assertThat(d).isPositive());
    }

    @Test
    void aPermitStillInFlightHoldsItsPlaceUntilItsAnswerComesBack() {
        QuotaGate gate = perMinute(2);
        QuotaGate.Permit slow = gate.acquire(NO_WAIT);
        sendAndAnswer(gate, NO_WAIT);
        clock.advance(Duration.ofSeconds(70)); // the slow request's answer has not come back yet
        QuotaGate.Permit third = gate.acquire(NO_WAIT); // the quick one left the window at T0 + 61 s

        RateLimitWaitExceededException e = catchThrowableOfType(RateLimitWaitExceededException.class,
                () -> gate.acquire(Duration.ofSeconds(30)));
        assertThat(e.waitNeeded()).as("at least a window from now: the answers may come now")
                .isEqualTo(MINUTE_AND_MARGIN);

        slow.answered();
        third.answered();
        clock.advance(Duration.ofSeconds(60));
        RateLimitWaitExceededException e2 = catchThrowableOfType(RateLimitWaitExceededException.class,
                () -> gate.acquire(NO_WAIT));
        assertThat(e2.waitNeeded()).as("the slow permit counts from its answer at T0 + 70 s")
                .isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aPermitWhoseLeaseEndsWithoutReleaseCountsAsAnsweredAtTheLeaseEnd() {
        QuotaGate gate = perMinute(1);
        gate.acquire(NO_WAIT, Duration.ofSeconds(30)); // its process "dies": never released
        clock.advance(Duration.ofSeconds(40));

        RateLimitWaitExceededException e = catchThrowableOfType(RateLimitWaitExceededException.class,
                () -> gate.acquire(NO_WAIT));

        assertThat(e.waitNeeded()).isEqualTo(Duration.ofSeconds(30 + 61 - 40));
    }

    @Test
    void anUnsentPermitIsForgotten() {
        QuotaGate gate = QuotaGate.create(1, QuotaGate.MINUTE, OptionalInt.of(1), QuotaGate.PLAN_MARGIN, clock,
                sleeper);
        gate.acquire(NO_WAIT).unsent();

        sendAndAnswer(gate, NO_WAIT);
    }

    @Test
    void theDailyCapIsExactAndOnceSpentFailsAtOnceWithTheNextSofiaMidnight() {
        clock.set(SOFIA_MIDNIGHT);
        QuotaGate gate = free();

        for (int i = 0; i < 30; i++) {
            sendAndAnswer(gate, LONG_WAIT);
        }
        Instant afterThirty = clock.instant();
        int sleepsAfterThirty = sleeper.sleeps().size();
        QuotaExhaustedException e = catchThrowableOfType(QuotaExhaustedException.class,
                () -> sendAndAnswer(gate, LONG_WAIT));

        assertThat(e.resetsAt()).contains(SOFIA_MIDNIGHT.plus(Duration.ofDays(1)));
        assertThat(e.code()).isEqualTo(ErrorCode.QUOTA_EXHAUSTED);
        assertThat(clock.instant()).as("the clock: a spent cap must not wait").isEqualTo(afterThirty);
        assertThat(sleeper.sleeps()).hasSize(sleepsAfterThirty);
        assertThat(afterThirty).isEqualTo(SOFIA_MIDNIGHT.plus(MINUTE_AND_MARGIN.multipliedBy(5)));
    }

    @Test
    void aSpentCapStillRefusesOneNanosecondBeforeSofiaMidnightAndResetsAtMidnight() {
        clock.set(SOFIA_MIDNIGHT);
        QuotaGate gate = free();
        for (int i = 0; i < 30; i++) {
            sendAndAnswer(gate, LONG_WAIT);
        }
        Instant nextMidnight = SOFIA_MIDNIGHT.plus(Duration.ofDays(1));

        clock.set(nextMidnight.minusNanos(1));
        catchThrowableOfType(QuotaExhaustedException.class, () -> sendAndAnswer(gate, LONG_WAIT));
        clock.set(nextMidnight);
        burst(gate, 5);

        assertThat(ServiceFacts.dayStart(nextMidnight)).isEqualTo(nextMidnight);
        assertThat(nextMidnight.atZone(ZoneId.of("Europe/Sofia")).toLocalTime()).hasToString("00:00");
    }

    @Test
    void theCapAlsoHoldsOverTheRollingDaySoSendsLateInTheEveningAreNotRepeatedJustAfterMidnight() {
        Instant elevenPm = SOFIA_MIDNIGHT.plus(Duration.ofHours(23));
        clock.set(elevenPm);
        QuotaGate gate = free();
        for (int i = 0; i < 30; i++) {
            sendAndAnswer(gate, LONG_WAIT);
        }
        Instant nextMidnight = SOFIA_MIDNIGHT.plus(Duration.ofDays(1));
        clock.set(nextMidnight.plusSeconds(1));

        QuotaExhaustedException e = catchThrowableOfType(QuotaExhaustedException.class,
                () -> sendAndAnswer(gate, LONG_WAIT));

        // The 30 sends of 23:00–23:05 still fill the last 24 hours until the first of them leaves it.
        assertThat(e.resetsAt()).contains(elevenPm.plus(Duration.ofDays(1)));
        clock.set(elevenPm.plus(Duration.ofDays(1)));
        burst(gate, 5);
    }

    @Test
    void aPenaltyAdmitsNothingUntilItEnds() {
        QuotaGate gate = perMinute(5);
        sendAndAnswer(gate, NO_WAIT);

        gate.penalise(Duration.ofSeconds(30));

        RateLimitWaitExceededException e = catchThrowableOfType(RateLimitWaitExceededException.class,
                () -> sendAndAnswer(gate, Duration.ofSeconds(10)));
        assertThat(e.waitNeeded()).isEqualTo(Duration.ofSeconds(30));
        sendAndAnswer(gate, LONG_WAIT);
        assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(30));
        assertThat(clock.instant()).isEqualTo(T0.plusSeconds(30));
    }

    @Test
    void aShorterPenaltyNeverShortensALongerOne() {
        QuotaGate gate = perMinute(5);

        gate.penalise(Duration.ofSeconds(30));
        gate.penalise(Duration.ofSeconds(5));

        assertThat(catchThrowableOfType(RateLimitWaitExceededException.class,
                () -> sendAndAnswer(gate, NO_WAIT)).waitNeeded()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aPenaltyImposedWhileAThreadWaitsMakesItWaitForThePenalty() {
        QuotaGate[] holder = new QuotaGate[1];
        List<Duration> sleeps = new ArrayList<>();
        Sleeper penaliseOnFirstSleep = d -> {
            if (sleeps.isEmpty()) {
                holder[0].penalise(Duration.ofSeconds(20));
            }
            sleeps.add(d);
            clock.advance(d);
        };
        holder[0] = QuotaGate.create(1, Duration.ofSeconds(10), OptionalInt.empty(), Duration.ZERO, clock,
                penaliseOnFirstSleep);
        sendAndAnswer(holder[0], NO_WAIT);

        sendAndAnswer(holder[0], LONG_WAIT);

        assertThat(sleeps).containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(10));
        assertThat(clock.instant()).isEqualTo(T0.plusSeconds(20));
    }

    @Test
    void anInterruptedWaitFailsWithTheRateLimitErrorKeepsTheInterruptAndRecordsNothing() {
        QuotaGate gate = QuotaGate.create(1, QuotaGate.MINUTE, OptionalInt.empty(), Duration.ofSeconds(1), clock,
                d -> {
                    throw new InterruptedException("test");
                });
        sendAndAnswer(gate, NO_WAIT);

        RateLimitWaitExceededException e = catchThrowableOfType(RateLimitWaitExceededException.class,
                () -> sendAndAnswer(gate, LONG_WAIT));

        assertThat(Thread.interrupted()).as("interrupt flag restored (and cleared here)").isTrue();
        assertThat(e).hasMessageContaining("interrupted");
        assertThat(e.waitNeeded()).isEqualTo(MINUTE_AND_MARGIN);
        clock.advance(MINUTE_AND_MARGIN);
        sendAndAnswer(gate, NO_WAIT); // the cancelled reservation holds nothing back
    }

    @Test
    void aWaitThatFailsUnexpectedlyGivesItsSlotBack() {
        QuotaGate gate = QuotaGate.create(1, QuotaGate.MINUTE, OptionalInt.empty(), Duration.ofSeconds(1), clock,
                d -> {
                    throw new IllegalStateException("test");
                });
        sendAndAnswer(gate, NO_WAIT);
        catchThrowableOfType(IllegalStateException.class, () -> sendAndAnswer(gate, LONG_WAIT));

        RateLimitWaitExceededException e = catchThrowableOfType(RateLimitWaitExceededException.class,
                () -> sendAndAnswer(gate, NO_WAIT));

        assertThat(e.waitNeeded()).as("wait: the failed reservation must not push the next slot back")
                .isEqualTo(MINUTE_AND_MARGIN);
    }

    @Test
    void clientsOfOneKeyAndOriginShareOneLedgerAndAnotherKeyOrOriginHasItsOwn() {
        QuotaGate first = QuotaGate.shared(SERVICE, "key-shared-" + T0, QuotaPlan.START, clock, sleeper);
        QuotaGate second = QuotaGate.shared(SERVICE, "key-shared-" + T0, QuotaPlan.START, clock, sleeper);
        QuotaGate other = QuotaGate.shared(SERVICE, "key-other-" + T0, QuotaPlan.START, clock, sleeper);
        QuotaGate elsewhere = QuotaGate.shared(URI.create("http://127.0.0.1:8080"), "key-shared-" + T0,
                QuotaPlan.START, clock, sleeper);

        assertThat(second.store()).isSameAs(first.store());
        assertThat(second.scope()).isEqualTo(first.scope());
        burst(first, 10);
        assertThat(catchThrowableOfType(RateLimitWaitExceededException.class, () -> sendAndAnswer(second, NO_WAIT)))
                .as("the second client sees the first client's sends").isNotNull();
        sendAndAnswer(other, NO_WAIT);
        sendAndAnswer(elsewhere, NO_WAIT);
    }

    @Test
    void clientsOnTheSystemClockShareTheStoreWhateverTheirZone() {
        String key = "key-system-clock-" + System.identityHashCode(this);
        QuotaGate utc = QuotaGate.shared(SERVICE, key, QuotaPlan.START, Clock.systemUTC(), Sleeper.SYSTEM);
        QuotaGate sofia = QuotaGate.shared(SERVICE, key, QuotaPlan.START, Clock.system(ServiceFacts.SOFIA),
                Sleeper.SYSTEM);
        QuotaGate virtual = QuotaGate.shared(SERVICE, key, QuotaPlan.START, clock, sleeper);

        assertThat(sofia.store()).isSameAs(utc.store()).isSameAs(LocalQuotaStore.jvm());
        assertThat(virtual.store()).as("a virtual clock's store").isNotSameAs(utc.store());
    }

    @Test
    void whenClientsOfOneKeyNameDifferentPlansTheStricterFiguresHold() {
        String key = "key-plans-" + T0;
        QuotaGate gate = QuotaGate.shared(SERVICE, key, QuotaPlan.BUSINESS, clock, sleeper);
        sendAndAnswer(QuotaGate.shared(SERVICE, key, QuotaPlan.DOCUMENTED_DEFAULT, clock, sleeper), NO_WAIT);
        sendAndAnswer(QuotaGate.shared(SERVICE, key, QuotaPlan.STANDARD, clock, sleeper), NO_WAIT);
        burst(gate, 8);

        QuotaLimits inForce = ((LocalQuotaStore) gate.store()).limits(gate.scope());
        assertThat(inForce.permits()).isEqualTo(10);
        assertThat(inForce.perDay()).hasValue(300);
        assertThat(catchThrowableOfType(RateLimitWaitExceededException.class, () -> sendAndAnswer(gate, NO_WAIT)))
                .as("the 11th send in the minute, under the business plan's client").isNotNull();
    }

    @Test
    void theGateShowsItsFiguresButNeverTheKeyOrItsHash() throws Exception {
        String key = "sk_live_9f8e7d6c5b4a-secret";
        QuotaGate gate = QuotaGate.shared(SERVICE, key, QuotaPlan.FREE, clock, sleeper);
        String hash = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(key.getBytes(java.nio.charset.StandardCharsets.UTF_8)));

        assertThat(gate.toString() + gate.scope() + gate.store()).contains("5 per PT1M").contains("30 per day")
                .doesNotContain(key).doesNotContain(hash).doesNotContain(hash.substring(0, 8));
    }

    @Test
    void badArgumentsAreRefusedWithTheirName() {
        QuotaGate gate = perMinute(5);

        assertThatIllegalArgumentException().isThrownBy(() -> sendAndAnswer(gate, Duration.ofSeconds(-1)))
                .withMessageContaining("maxWait");
        assertThatIllegalArgumentException().isThrownBy(() -> gate.penalise(Duration.ofSeconds(-1)))
                .withMessageContaining("retryAfter");
        assertThatIllegalArgumentException().isThrownBy(() -> QuotaGate.create(0, QuotaGate.MINUTE,
                OptionalInt.empty(), Duration.ZERO, clock, sleeper)).withMessageContaining("permits");
        assertThatIllegalArgumentException().isThrownBy(() -> QuotaGate.create(1, Duration.ZERO,
                OptionalInt.empty(), Duration.ZERO, clock, sleeper)).withMessageContaining("window");
        assertThatIllegalArgumentException().isThrownBy(() -> QuotaGate.create(1, QuotaGate.MINUTE,
                OptionalInt.of(0), Duration.ZERO, clock, sleeper)).withMessageContaining("perDay");
        assertThatIllegalArgumentException().isThrownBy(() -> QuotaGate.create(1, QuotaGate.MINUTE,
                OptionalInt.empty(), Duration.ofSeconds(-1), clock, sleeper)).withMessageContaining("margin");
    }

    @Test
    void aGateChecksItsArgumentsItselfBeforeAskingAnyStore() {
        List<String> asked = new ArrayList<>();
        QuotaStore acceptsAnything = new QuotaStore() {
            @Override
            public QuotaDecision acquire(QuotaScope scope, QuotaLimits limits, Duration maxWait, Duration lease) {
                asked.add("acquire");
                return new QuotaDecision.Granted(new QuotaPermit("p", T0), Duration.ZERO);
            }

            @Override
            public boolean confirm(QuotaScope scope, QuotaPermit permit) {
                return true;
            }

            @Override
            public void release(QuotaScope scope, QuotaPermit permit, boolean sent) {
                asked.add("release");
            }

            @Override
            public void penalise(QuotaScope scope, Duration retryAfter) {
                asked.add("penalise");
            }
        };
        QuotaGate gate = QuotaGate.on(acceptsAnything, SERVICE, "key", QuotaPlan.START, clock, sleeper);

        assertThatIllegalArgumentException().isThrownBy(() -> gate.acquire(LONG_WAIT, Duration.ofNanos(-1)))
                .withMessageContaining("lease");
        assertThatIllegalArgumentException().isThrownBy(() -> gate.penalise(Duration.ofNanos(-1)))
                .withMessageContaining("retryAfter");
        assertThat(asked).as("calls that reached the store").isEmpty();
    }

    @Test
    void aCallerHeldBackByAPermitInFlightSleepsTheStoresLowerBoundAndGivesUpOnceTheNextWaitExceedsItsBudget() {
        // Half a second of margin, so that the waits are not whole seconds.
        Duration spacing = QuotaGate.MINUTE.plusMillis(500);
        QuotaGate gate = QuotaGate.create(1, QuotaGate.MINUTE, OptionalInt.empty(), Duration.ofMillis(500), clock,
                sleeper);
        gate.acquire(NO_WAIT); // in flight: its answer has not come back

        // After one sleep of 60.5 s the permit is still in flight and the budget has 60 s left.
        RateLimitWaitExceededException e = catchThrowableOfType(RateLimitWaitExceededException.class,
                () -> gate.acquire(spacing.multipliedBy(2).minusMillis(500)));

        assertThat(sleeper.sleeps()).containsExactly(spacing);
        assertThat(e.waitNeeded()).isEqualTo(spacing);
    }

    /** Issue 8 item 3: zero means "a free permit now, or fail at once" — never "refuse everything". */
    @Test
    void aZeroWaitTakesAFreePermitEvenWhenTheClockMovesOnEveryReading() {
        TickingClock ticking = new TickingClock(T0, Duration.ofNanos(1));
        QuotaGate gate = QuotaGate.create(2, QuotaGate.MINUTE, OptionalInt.empty(), QuotaGate.PLAN_MARGIN, ticking,
                sleeper);

        sendAndAnswer(gate, NO_WAIT);
        sendAndAnswer(gate, NO_WAIT);

        RateLimitWaitExceededException e = catchThrowableOfType(RateLimitWaitExceededException.class,
                () -> sendAndAnswer(gate, NO_WAIT));
        assertThat(e.waitNeeded()).isPositive();
        assertThat(sleeper.sleeps()).isEmpty();
    }

    @Test
    void aWaitThatOversleptItsBudgetStillTakesTheSlotItWokeFor() {
        // The sleeper overshoots by a second: the budget left is negative, the slot is free.
        Sleeper overshooting = d -> clock.advance(d.plusSeconds(1));
        QuotaGate gate = QuotaGate.create(1, QuotaGate.MINUTE, OptionalInt.empty(), QuotaGate.PLAN_MARGIN, clock,
                overshooting);
        sendAndAnswer(gate, NO_WAIT);

        sendAndAnswer(gate, MINUTE_AND_MARGIN);

        assertThat(clock.instant()).isEqualTo(T0.plus(MINUTE_AND_MARGIN).plusSeconds(1));
    }

    /** Issue 8 item 1: no pause outlives a day, whatever the caller passes. */
    @Test
    void aPenaltyIsNeverLongerThanADay() {
        QuotaGate gate = perMinute(5);

        gate.penalise(Duration.ofSeconds(99_999_999_999_999L));

        assertThat(catchThrowableOfType(RateLimitWaitExceededException.class,
                () -> sendAndAnswer(gate, NO_WAIT)).waitNeeded()).isEqualTo(Duration.ofHours(24));
        clock.advance(Duration.ofHours(24));
        sendAndAnswer(gate, NO_WAIT);
    }

    @Test
    void theRemainingQuotaShowsTheWaitANewCallWouldFaceWithoutTakingAPermit() {
        QuotaGate gate = perMinute(2);
        assertThat(gate.remaining().orElseThrow().waitForPermit()).isEqualTo(Duration.ZERO);
        assertThat(gate.remaining().orElseThrow().permitFreeNow()).isTrue();
        burst(gate, 2);
        clock.advance(Duration.ofSeconds(11));

        assertThat(gate.remaining().orElseThrow().waitForPermit()).isEqualTo(Duration.ofSeconds(50));
        assertThat(gate.remaining().orElseThrow().waitForPermit()).as("reading twice takes nothing").isEqualTo(Duration.ofSeconds(50));
        gate.penalise(Duration.ofMinutes(5));
        assertThat(gate.remaining().orElseThrow().waitForPermit()).isEqualTo(Duration.ofMinutes(5));
        assertThat(gate.remaining().orElseThrow().pausedUntil()).contains(clock.instant().plus(Duration.ofMinutes(5)));
    }

    @Test
    void theRemainingQuotaShowsASpentDailyCapAsTheWaitUntilItAllowsRequestsAgain() {
        clock.set(SOFIA_MIDNIGHT);
        QuotaGate gate = free();
        for (int i = 0; i < 30; i++) {
            sendAndAnswer(gate, LONG_WAIT);
        }

        RemainingQuota left = gate.remaining().orElseThrow();

        Instant nextMidnight = SOFIA_MIDNIGHT.plus(Duration.ofDays(1));
        assertThat(left.dailyCapSpent()).isTrue();
        assertThat(left.waitForPermit()).isEqualTo(Duration.between(clock.instant(), nextMidnight));
        assertThat(left.permitFreeNow()).isFalse();
    }

    /** Issue 8 item 2: one key at two origins is two services, two quotas. */
    @Test
    void oneKeyAtTwoOriginsHasTwoGates() {
        String key = "key-origins-" + T0;
        QuotaGate service = QuotaGate.shared(SERVICE, key, QuotaPlan.FREE, clock, sleeper);
        QuotaGate fake = QuotaGate.shared(URI.create("http://127.0.0.1:8080"), key, QuotaPlan.FREE, clock, sleeper);
        QuotaGate otherFake = QuotaGate.shared(URI.create("http://127.0.0.1:8081"), key, QuotaPlan.FREE, clock,
                sleeper);

        burst(service, 5);

        assertThat(fake.scope()).isNotEqualTo(service.scope()).isNotEqualTo(otherFake.scope());
        burst(fake, 5);
        burst(otherFake, 5);
        QuotaGate again = QuotaGate.shared(URI.create("https://API.nekorekten.com:443/api/v1"), key, QuotaPlan.FREE,
                clock, sleeper);
        assertThat(again.scope()).isEqualTo(service.scope());
        assertThat(catchThrowableOfType(RateLimitWaitExceededException.class, () -> sendAndAnswer(again, NO_WAIT)))
                .as("the service's ledger, spent by the first burst").isNotNull();
    }

    @Test
    void theOriginIsSchemeHostAndPortWhateverTheSpellingOrPath() {
        assertThat(QuotaRegistry.origin(java.net.URI.create("https://API.nekorekten.com")))
                .isEqualTo("https://api.nekorekten.com:443");
        assertThat(QuotaRegistry.origin(java.net.URI.create("HTTPS://api.nekorekten.com:443/api/v1")))
                .isEqualTo("https://api.nekorekten.com:443");
        assertThat(QuotaRegistry.origin(java.net.URI.create("http://127.0.0.1/x")))
                .isEqualTo("http://127.0.0.1:80");
        assertThat(QuotaRegistry.origin(java.net.URI.create("http://[::1]:8080")))
                .isEqualTo("http://[::1]:8080");
        assertThatIllegalArgumentException().isThrownBy(() -> QuotaRegistry.origin(java.net.URI.create("/relative")))
                .withMessageContaining("scheme and a host");
    }

    @Test
    void aGateWithoutAPlanAdmitsEverySendButHonoursTheServicesPause() {
        QuotaGate gate = QuotaGate.shared(URI.create("http://127.0.0.1:9"), "key-no-plan-" + T0, QuotaGate.NO_PLAN,
                clock, sleeper);

        burst(gate, 1_000);
        gate.penalise(Duration.ofSeconds(30));

        assertThat(catchThrowableOfType(RateLimitWaitExceededException.class,
                () -> sendAndAnswer(gate, NO_WAIT)).waitNeeded()).isEqualTo(Duration.ofSeconds(30));
        assertThat(gate.toString()).contains("no plan");
    }

    /** Takes a permit, has its answer come back at once, and tells how long it waited. */
    private static Duration waitedThenAnswered(QuotaGate gate, Duration maxWait) {
        QuotaGate.Permit permit = gate.acquire(maxWait);
        permit.answered();
        return permit.waited();
    }

    /** Takes a permit and has its answer come back at once. */
    private static void sendAndAnswer(QuotaGate gate, Duration maxWait) {
        gate.acquire(maxWait).answered();
    }

    private QuotaGate perMinute(int permits) {
        return QuotaGate.create(permits, QuotaGate.MINUTE, OptionalInt.empty(), QuotaGate.PLAN_MARGIN, clock,
                sleeper);
    }

    private QuotaGate free() {
        return QuotaGate.create(5, QuotaGate.MINUTE, OptionalInt.of(30), QuotaGate.PLAN_MARGIN, clock, sleeper);
    }

    private static void burst(QuotaGate gate, int sends) {
        for (int i = 0; i < sends; i++) {
            sendAndAnswer(gate, NO_WAIT);
        }
    }

    /** A clock that moves on by {@code tick} at every reading, like a real one between two reads. */
    static final class TickingClock extends Clock {
        private final AtomicReference<Instant> now;
        private final Duration tick;

        TickingClock(Instant start, Duration tick) {
            this.now = new AtomicReference<>(start);
            this.tick = tick;
        }

        @Override
        public Instant instant() {
            return now.getAndUpdate(t -> t.plus(tick));
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("a ticking clock has no zones");
        }
    }

}
