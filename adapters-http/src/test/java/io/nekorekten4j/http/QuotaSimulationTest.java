package io.nekorekten4j.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.nekorekten4j.conformance.ServerWindow;
import io.nekorekten4j.ports.QuotaExhaustedException;
import io.nekorekten4j.ports.ServiceFacts;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A deterministic simulation of the quota gate against the three windows a server may count in,
 * on a virtual clock: no thread sleeps and no real time passes.
 *
 * <p>Several simulated threads keep a backlog: each takes a permit, sends, waits for the answer and
 * takes the next permit at once. Every send reaches the server after a one-way latency drawn
 * between {@value #MIN_LATENCY_MS} and {@value #MAX_LATENCY_MS} ms (seeded), so the server sees
 * the sends shifted by different amounts — which is what the gate's margin is for. Three server
 * models (the kit's {@link ServerWindow}) judge every arrival and count the ones they would refuse with 429:
 * <ol>
 *   <li>calendar minute: at most N arrivals in each minute of the clock ({@code hh:mm:00} to
 *       {@code hh:mm:59.999…});</li>
 *   <li>sliding log: at most N arrivals in any 60 seconds (the arrival and those in the 60 s before);</li>
 *   <li>token bucket: capacity N, refilled continuously at N per 60 s, starting full.</li>
 * </ol>
 * A refused arrival is not counted by the model that refused it.
 */
class QuotaSimulationTest {

    static final int MIN_LATENCY_MS = 5;
    static final int MAX_LATENCY_MS = 500;
    private static final int SIMULATED_MINUTES = 10_000;
    /** The heavy-tailed and send-anchored runs: shorter, there are more of them. */
    private static final int SHORT_MINUTES = 2_000;
    private static final int THREADS = 8;
    private static final long SEED = 20_250_610L;
    /** Not aligned to a minute, so the calendar-minute model sees every phase. */
    private static final Instant START = Instant.parse("2025-06-10T09:00:17.250Z");
    private static final Map<String, String> TABLE = new TreeMap<>();

    @AfterAll
    static void printTable() {
        System.out.println("Quota simulation: " + SIMULATED_MINUTES + " (ordinary, answer-anchored) or " + SHORT_MINUTES
                + " simulated minutes of backlog, "
                + THREADS + " threads, one-way latency " + MIN_LATENCY_MS + "-" + MAX_LATENCY_MS + " ms (ordinary) or"
                + " heavy-tailed up to 10 s");
        System.out.println(String.format(Locale.ROOT, "%-7s %-12s %-15s %6s %4s %8s %6s %8s", "anchor", "latency",
                "model", "margin", "N", "sends", "429s", "util %"));
        TABLE.values().forEach(System.out::println);
    }

    @ParameterizedTest(name = "N = {0}")
    @ValueSource(ints = {5, 10, 20, 60})
    void withTheOneSecondMarginNoServerModelRefusesAndOver95PercentOfTheRateIsUsed(int permits) {
        Outcome outcome = new Simulation(permits, QuotaGate.PLAN_MARGIN, Latency.ORDINARY, true).run(SIMULATED_MINUTES);
        outcome.record();

        long allowed = (long) SIMULATED_MINUTES * permits;
        for (Map.Entry<String, Long> model : outcome.refusals.entrySet()) {
            assertThat(model.getValue()).as("429s of the %s model at N = %d", model.getKey(), permits).isZero();
        }
        assertThat(outcome.sends).as("sends at N = %d", permits).isLessThanOrEqualTo(allowed);
        assertThat(outcome.utilisation()).as("share of the allowed rate used at N = %d", permits)
                .isGreaterThanOrEqualTo(0.95);
    }

    /**
     * Issue 11 §3: with windows anchored on the answer, latencies up to 10 s with a heavy tail
     * cannot put N + 1 requests in any window the server sees — not even without a margin.
     */
    @ParameterizedTest(name = "N = {0}")
    @ValueSource(ints = {5, 10, 20, 60})
    void anchoredOnTheAnswerHeavyTailedLatenciesUpToTenSecondsNeverMakeAnyServerModelRefuse(int permits) {
        for (Duration margin : List.of(QuotaGate.PLAN_MARGIN, Duration.ZERO)) {
            Outcome outcome = new Simulation(permits, margin, Latency.HEAVY_TAILED, true).run(SHORT_MINUTES);
            outcome.record();
            for (Map.Entry<String, Long> model : outcome.refusals.entrySet()) {
                assertThat(model.getValue()).as("429s of the %s model at N = %d, margin %s", model.getKey(), permits,
                        margin).isZero();
            }
            assertThat(outcome.maxOneWayMillis).as("the longest one-way latency drawn").isGreaterThan(9_000);
        }
    }

    /**
     * Why the anchor moved: a log anchored on sends, even with the one-second margin, is refused
     * by the sliding-log server once delays differ by more than the margin.
     */
    @ParameterizedTest(name = "N = {0}")
    @ValueSource(ints = {5, 10, 20, 60})
    void anchoredOnTheSendHeavyTailedLatenciesMakeTheSlidingLogServerRefuse(int permits) {
        Outcome outcome = new Simulation(permits, QuotaGate.PLAN_MARGIN, Latency.HEAVY_TAILED, false)
                .run(SHORT_MINUTES);
        outcome.record();

        assertThat(outcome.refusals.get("sliding log")).as("429s of the sliding-log model").isPositive();
    }

    /**
     * The margin still matters for a send-anchored log at ordinary latencies: without it, jitter
     * makes the sliding-log server refuse (issue 5's finding, kept as the baseline).
     */
    @ParameterizedTest(name = "N = {0}")
    @ValueSource(ints = {5, 10, 20, 60})
    void anchoredOnTheSendWithoutAMarginLatencyJitterMakesTheSlidingLogServerRefuse(int permits) {
        Outcome outcome = new Simulation(permits, Duration.ZERO, Latency.ORDINARY, false).run(SHORT_MINUTES);
        outcome.record();

        assertThat(outcome.refusals.get("sliding log")).as("429s of the sliding-log model").isPositive();
    }

    @Test
    void theFreePlanSendsExactlyThirtyPerSofiaDayAndThe31stFailsAtOnceWithTheNextSofiaMidnight() {
        Instant sofiaMidnight = Instant.parse("2025-06-09T21:00:00Z");
        VirtualTime clock = VirtualTime.startingAt(sofiaMidnight);
        long[] lastWaitNanos = new long[1];
        boolean[] slept = new boolean[1];
        QuotaGate gate = QuotaGate.create(5, QuotaGate.MINUTE, OptionalInt.of(30), QuotaGate.PLAN_MARGIN, clock,
                d -> {
                    lastWaitNanos[0] = d.toNanos();
                    slept[0] = true;
                });
        Instant end = sofiaMidnight.plus(Duration.ofDays(3));
        Map<LocalDate, Integer> sendsPerDay = new LinkedHashMap<>();
        List<Instant> refusedAt = new ArrayList<>();
        List<Instant> resets = new ArrayList<>();
        PriorityQueue<Event> events = new PriorityQueue<>();
        long seq = 0;
        for (int t = 0; t < 3; t++) {
            events.add(new Event(sofiaMidnight, seq++, t));
        }
        while (!events.isEmpty()) {
            Event e = events.poll();
            if (!e.at.isBefore(end)) {
                break;
            }
            clock.set(e.at);
            lastWaitNanos[0] = 0;
            slept[0] = false;
            try {
                gate.acquire(Duration.ofMinutes(2)).answered();
                Instant sent = e.at.plusNanos(lastWaitNanos[0]);
                sendsPerDay.merge(ServiceFacts.serviceDay(sent), 1, Integer::sum);
                events.add(new Event(sent.plusMillis(300), seq++, e.thread));
            } catch (QuotaExhaustedException refused) {
                assertThat(slept[0]).as("whether the refused call waited: a spent cap fails at once").isFalse();
                refusedAt.add(e.at);
                resets.add(refused.resetsAt().orElseThrow());
                events.add(new Event(refused.resetsAt().orElseThrow(), seq++, e.thread));
            }
        }

        assertThat(sendsPerDay).containsExactly(Map.entry(LocalDate.parse("2025-06-10"), 30),
                Map.entry(LocalDate.parse("2025-06-11"), 30), Map.entry(LocalDate.parse("2025-06-12"), 30));
        assertThat(refusedAt).isNotEmpty();
        for (int i = 0; i < refusedAt.size(); i++) {
            assertThat(resets.get(i)).as("reset time of the refusal at %s", refusedAt.get(i))
                    .isEqualTo(ServiceFacts.nextDayStart(refusedAt.get(i)));
        }
        TABLE.put("~daily", String.format(Locale.ROOT, "daily cap (Free 5/min, 30/day) over 3 Sofia days: %s sends"
                + " per day, %d refusals at once, each resetting at the next Sofia midnight",
                sendsPerDay.values(), refusedAt.size()));
    }

    /** How long a request takes one way. */
    enum Latency {
        /** Uniform between {@value #MIN_LATENCY_MS} and {@value #MAX_LATENCY_MS} ms. */
        ORDINARY,
        /**
         * Mostly ordinary, but one draw in ten is Pareto-tailed (shape 1.1, from 0.5 s), capped at
         * 10 s: retransmitted SYNs, stalled proxies, a GC pause on the way.
         */
        HEAVY_TAILED;

        long draw(Random random) {
            long ordinary = MIN_LATENCY_MS + random.nextInt(MAX_LATENCY_MS - MIN_LATENCY_MS + 1);
            if (this == ORDINARY || random.nextInt(10) != 0) {
                return ordinary;
            }
            double pareto = 500.0 / Math.pow(1.0 - random.nextDouble(), 1.0 / 1.1);
            return Math.min(10_000L, Math.round(pareto));
        }
    }

    /**
     * One discrete-event run of the quota store (the gate's ledger, through the store SPI) and the
     * three server models: each simulated thread asks for a permit, sends at its slot, the server
     * counts the arrival, and the answer comes back — when the permit is released (answer-anchored)
     * or, for the baseline, released at the send (send-anchored).
     */
    private static final class Simulation {
        private final int permits;
        private final Duration margin;
        private final Latency latency;
        private final boolean anchorOnAnswer;
        private final VirtualTime clock = VirtualTime.startingAt(START);
        private final LocalQuotaStore store = LocalQuotaStore.create(clock);
        private final QuotaScope scope = QuotaScope.of(java.net.URI.create("https://sim.invalid"), "sim");
        private final QuotaLimits limits;
        private final Random random = new Random(SEED);
        private final List<ServerWindow> models;
        private long maxOneWay;

        Simulation(int permits, Duration margin, Latency latency, boolean anchorOnAnswer) {
            this.permits = permits;
            this.margin = margin;
            this.latency = latency;
            this.anchorOnAnswer = anchorOnAnswer;
            this.limits = new QuotaLimits(permits, QuotaGate.MINUTE, margin, OptionalInt.empty());
            this.models = Arrays.stream(ServerWindow.Model.values()).map(m -> m.create(permits)).toList();
        }

        Outcome run(int minutes) {
            Instant end = START.plus(Duration.ofMinutes(minutes));
            PriorityQueue<Event> events = new PriorityQueue<>();
            long seq = 0;
            for (int t = 0; t < THREADS; t++) {
                events.add(new Event(START, seq++, t, Step.ASK, null));
            }
            long sends = 0;
            while (!events.isEmpty()) {
                Event e = events.poll();
                clock.set(e.at);
                switch (e.step) {
                    case ASK -> {
                        if (!e.at.isBefore(end)) {
                            continue;
                        }
                        QuotaDecision d = store.acquire(scope, limits, Duration.ofHours(1), Duration.ofHours(1));
                        if (d instanceof QuotaDecision.Wait wait) {
                            events.add(new Event(e.at.plus(wait.atLeast()), seq++, e.thread, Step.ASK, null));
                        } else {
                            QuotaDecision.Granted g = (QuotaDecision.Granted) d;
                            events.add(new Event(e.at.plus(g.delay()), seq++, e.thread, Step.SEND, g.permit()));
                        }
                    }
                    case SEND -> {
                        if (!e.at.isBefore(end)) {
                            store.release(scope, e.permit, false);
                            continue;
                        }
                        sends++;
                        if (!anchorOnAnswer) {
                            store.release(scope, e.permit, true);
                        }
                        long out = oneWay();
                        events.add(new Event(e.at.plusMillis(out), seq++, e.thread, Step.ARRIVE, e.permit));
                    }
                    case ARRIVE -> {
                        long nanos = e.at.getEpochSecond() * 1_000_000_000L + e.at.getNano();
                        models.forEach(m -> m.admit(nanos));
                        events.add(new Event(e.at.plusMillis(oneWay()), seq++, e.thread, Step.ANSWER, e.permit));
                    }
                    case ANSWER -> {
                        if (anchorOnAnswer) {
                            store.release(scope, e.permit, true);
                        }
                        // The thread asks for its next permit at once.
                        events.add(new Event(e.at, seq++, e.thread, Step.ASK, null));
                    }
                    default -> throw new IllegalStateException("unknown step " + e.step);
                }
            }
            Map<String, Long> refusals = new LinkedHashMap<>();
            models.forEach(m -> refusals.put(m.model().label(), m.refused()));
            return new Outcome(permits, margin, latency, anchorOnAnswer, minutes, sends, refusals, maxOneWay);
        }

        private long oneWay() {
            long ms = latency.draw(random);
            maxOneWay = Math.max(maxOneWay, ms);
            return ms;
        }
    }

    private enum Step { ASK, SEND, ARRIVE, ANSWER }

    /** A thread's next step, at its instant. */
    private record Event(Instant at, long seq, int thread, Step step, QuotaPermit permit)
            implements Comparable<Event> {
        Event(Instant at, long seq, int thread) {
            this(at, seq, thread, Step.ASK, null);
        }

        @Override
        public int compareTo(Event o) {
            int byTime = at.compareTo(o.at);
            return byTime != 0 ? byTime : Long.compare(seq, o.seq);
        }
    }

    private record Outcome(int permits, Duration margin, Latency latency, boolean anchorOnAnswer, int minutes,
                           long sends, Map<String, Long> refusals, long maxOneWayMillis) {
        double utilisation() {
            return sends / ((double) minutes * permits);
        }

        void record() {
            String anchor = anchorOnAnswer ? "answer" : "send";
            refusals.forEach((model, refused) -> TABLE.put(
                    String.format(Locale.ROOT, "%s %s %s %s %04d", anchor, latency, margin.isZero() ? "z" : "m", model,
                            permits),
                    String.format(Locale.ROOT, "%-7s %-12s %-15s %6s %4d %8d %6d %8.2f", anchor, latency, model, margin,
                            permits, sends, refused, 100 * utilisation())));
        }
    }
}
