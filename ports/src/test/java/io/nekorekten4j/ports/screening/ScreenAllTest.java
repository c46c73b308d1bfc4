package io.nekorekten4j.ports.screening;

import static io.nekorekten4j.ports.screening.Reports.report;
import static io.nekorekten4j.ports.screening.Reports.reportsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.nekorekten4j.domain.MatchCertainty;
import io.nekorekten4j.domain.Report;
import io.nekorekten4j.domain.SearchField;
import io.nekorekten4j.ports.IpNotWhitelistedException;
import io.nekorekten4j.ports.NekorektenException;
import io.nekorekten4j.ports.QuotaExhaustedException;
import io.nekorekten4j.ports.QuotaPlan;
import io.nekorekten4j.ports.RateLimitedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link Screening#screenAll}: sharing, order, progress and ETA, and what ends a run. */
class ScreenAllTest {

    private static final String REPORTED_DIGITS = "359888123456";
    private static final Report REPORTED = report("r1", REPORTED_DIGITS);

    private final StubReportsPort port = new StubReportsPort()
            .answering(c -> reportsOf(c, REPORTED_DIGITS, REPORTED));
    private final List<ScreeningProgress> progress = new ArrayList<>();

    private static Buyer phone(String phone) {
        return Buyer.builder().phone(phone).build();
    }

    /** Buyer {@code n} of a family of distinct buyers whom no report concerns. */
    private static Buyer clean(int n) {
        return phone(String.format("0877 %06d", n));
    }

    private static List<Buyer> cleanBuyers(int count) {
        return IntStream.range(0, count).mapToObj(ScreenAllTest::clean).toList();
    }

    private List<ScreeningResult> screenAll(Screening screening, Buyer... buyers) {
        return screening.screenAll(Arrays.asList(buyers), progress::add);
    }

    private List<ScreeningResult> screenAll(Buyer... buyers) {
        return screenAll(Screening.of(port), buyers);
    }

    private List<Optional<Duration>> etas() {
        return progress.stream().map(ScreeningProgress::eta).toList();
    }

    private static Optional<Duration> minutes(long m) {
        return Optional.of(Duration.ofMinutes(m));
    }

    // ---- sharing and order -------------------------------------------------------------------

    @Test
    void identicalBuyersAreAskedOnceAndShareTheAnswer() {
        Buyer national = phone("0888 123 456");
        Buyer international = phone("+359888123456");

        List<ScreeningResult> results = screenAll(national, international);

        assertThat(port.requestCount()).isEqualTo(1);
        assertThat(results).extracting(ScreeningResult::verdict).containsExactly(Verdict.FOUND, Verdict.FOUND);
        assertThat(results.get(0).buyer()).isSameAs(national);
        assertThat(results.get(1).buyer()).isSameAs(international);
        assertThat(results.get(1).hits()).isEqualTo(results.get(0).hits());
        assertThat(results.get(1).hits().get(0).matchedBy())
                .containsExactly(Map.entry(SearchField.PHONE, MatchCertainty.CERTAIN));
    }

    @Test
    void resultsComeInInputOrderAndRequestsInFirstOccurrenceOrder() {
        Buyer a = clean(1);
        Buyer b = phone("0888 123 456");
        Buyer c = clean(2);

        List<ScreeningResult> results = screenAll(a, b, c, a, b);

        assertThat(results).extracting(ScreeningResult::buyer).containsExactly(a, b, c, a, b);
        assertThat(results).extracting(ScreeningResult::verdict).containsExactly(
                Verdict.NOT_FOUND, Verdict.FOUND, Verdict.NOT_FOUND, Verdict.NOT_FOUND, Verdict.FOUND);
        assertThat(port.searches()).containsExactly(a.toCriteria(), b.toCriteria(), c.toCriteria());
    }

    @Test
    void buyersSharingOnlySomeFieldsAreAskedSeparately() {
        Buyer phoneOnly = phone("0888 123 456");
        Buyer phoneAndEmail = Buyer.builder().phone("0888 123 456").email("ivan@abv.bg").build();

        screenAll(phoneOnly, phoneAndEmail);

        assertThat(port.requestCount()).as("requests (field-level sharing is the adapter cache's job)").isEqualTo(2);
    }

    @Test
    void noBuyersMeanNoRequestAndNoProgress() {
        List<ScreeningResult> results = screenAll();

        assertThat(results).isEmpty();
        assertThat(port.requestCount()).isZero();
        assertThat(progress).isEmpty();
    }

    // ---- progress and ETA --------------------------------------------------------------------

    @Test
    void progressFollowsEachRequestWithTheQuotaPlansEta() {
        Buyer p1 = clean(1);
        Buyer p2 = clean(2);
        Buyer p3 = clean(3);
        Buyer p4 = clean(4);
        Buyer p5 = clean(5);

        screenAll(Screening.of(port, QuotaPlan.perMinute(2)), p1, p2, p1, p3, p4, p2, p5);

        assertThat(progress).hasSize(port.requestCount()).hasSize(5);
        assertThat(progress).extracting(ScreeningProgress::done).containsExactly(2, 4, 5, 6, 7);
        assertThat(progress).extracting(ScreeningProgress::total).containsOnly(7);
        assertThat(progress).extracting(ScreeningProgress::requestsSent).containsExactly(1, 2, 3, 4, 5);
        // 5 requests at 2 a minute: requests 1–2 go at once, 3–4 a minute later, 5 two minutes later.
        assertThat(etas()).containsExactly(minutes(2), minutes(2), minutes(1), minutes(1), minutes(0));
        assertThat(progress.get(4).isComplete()).isTrue();
        assertThat(progress.get(3).isComplete()).isFalse();
    }

    @Test
    void requestsSentCountsOnlySearchesThatReachedTheTransport() {
        // Buyers 2 and 4 get no quota permit in time, buyer 3 meets an open circuit, buyer 6's connection
        // is refused: none of the four was sent. Buyer 5's answer was lost: it was sent. (The run reported 400 requests where 101
        // had gone out, when a large batch outran its permit wait.)
        port.failingOn(2, new io.nekorekten4j.ports.RateLimitWaitExceededException("no permit", Failures.SEARCH,
                        Duration.ofSeconds(40)))
                .failingOn(3, new io.nekorekten4j.ports.CircuitOpenException("open", Failures.SEARCH, null))
                .failingOn(4, new io.nekorekten4j.ports.RateLimitWaitExceededException("no permit", Failures.SEARCH,
                        Duration.ofSeconds(40)))
                .failingOn(5, new io.nekorekten4j.ports.TransportException("reset after sending", Failures.SEARCH, null))
                .failingOn(6, new io.nekorekten4j.ports.TransportException("connection refused",
                        Failures.SEARCH.withAttempts(1).withOutcome(io.nekorekten4j.ports.RequestOutcome.NOT_SENT), null));

        screenAll(cleanBuyers(7).toArray(Buyer[]::new));

        assertThat(progress).extracting(ScreeningProgress::requestsSent).containsExactly(1, 1, 1, 1, 2, 2, 3);
        assertThat(progress).extracting(ScreeningProgress::done).containsExactly(1, 2, 3, 4, 5, 6, 7);
    }

    @Test
    void theDefaultPlanAdmitsTenAMinuteWithABurstOfTen() {
        Screening.of(port).screenAll(cleanBuyers(25), progress::add);

        List<Optional<Duration>> expected = new ArrayList<>();
        IntStream.rangeClosed(1, 25).forEach(s -> expected.add(minutes(s <= 10 ? 2 : s <= 20 ? 1 : 0)));
        assertThat(etas()).isEqualTo(expected);
    }

    @Test
    void theEtaIsEmptyWhileTheDailyCapIsBelowWhatTheRunNeeds() {
        Screening.of(port, QuotaPlan.of(10, 3)).screenAll(cleanBuyers(4), progress::add);

        assertThat(etas()).containsExactly(Optional.empty(), Optional.empty(), Optional.empty(), minutes(0));
    }

    @Test
    void theEtaIsPresentWhenTheDailyCapCoversTheRun() {
        Screening.of(port, QuotaPlan.of(2, 4)).screenAll(cleanBuyers(4), progress::add);

        assertThat(etas()).containsExactly(minutes(1), minutes(1), minutes(0), minutes(0));
    }

    @Test
    void theEtaCountsDistinctBuyersNotGivenOnes() {
        Buyer a = clean(1);

        Screening.of(port, QuotaPlan.perMinute(1)).screenAll(List.of(a, a, a, clean(2)), progress::add);

        assertThat(etas()).containsExactly(minutes(1), minutes(0));
    }

    // ---- failures ----------------------------------------------------------------------------

    @Test
    void aSpentQuotaEndsTheRunAndLeavesTheRestNotChecked() {
        QuotaExhaustedException spent = Failures.quotaExhausted();
        port.failingOn(2, spent);
        Buyer a = clean(1);
        Buyer b = clean(2);
        Buyer c = clean(3);
        Buyer d = clean(4);

        List<ScreeningResult> results = screenAll(a, b, c, d, c);

        assertThat(port.requestCount()).isEqualTo(2);
        assertThat(results).extracting(ScreeningResult::verdict).containsExactly(
                Verdict.NOT_FOUND, Verdict.NOT_CHECKED, Verdict.NOT_CHECKED, Verdict.NOT_CHECKED, Verdict.NOT_CHECKED);
        assertThat(results.subList(1, 5)).allSatisfy(r -> assertThat(r.failure()).containsSame(spent));
        assertThat(results).extracting(ScreeningResult::buyer).containsExactly(a, b, c, d, c);
        assertThat(progress).hasSize(2);
        assertThat(progress.get(1)).isEqualTo(new ScreeningProgress(5, 5, 2, minutes(0)));
    }

    @Test
    void aQuotaSpentBeforeTheFirstRequestLeavesEveryBuyerNotChecked() {
        port.failingAlways(Failures.quotaExhausted());

        List<ScreeningResult> results = screenAll(clean(1), clean(2), clean(3));

        assertThat(port.requestCount()).isEqualTo(1);
        assertThat(results).extracting(ScreeningResult::verdict).containsOnly(Verdict.NOT_CHECKED);
        assertThat(results).allSatisfy(r -> assertThat(r.notCheckedReason()).hasValueSatisfying(
                reason -> assertThat(reason).startsWith("QUOTA_EXHAUSTED: ")));
    }

    static Stream<NekorektenException> keyRefusals() {
        return Stream.of(Failures.invalidKey(),
                new IpNotWhitelistedException("IP not allowed", Failures.SEARCH.withStatus(403), "203.0.113.7"));
    }

    @ParameterizedTest
    @MethodSource("keyRefusals")
    void aRefusedKeyEndsTheRunToo(NekorektenException refusal) {
        port.failingOn(1, refusal);

        List<ScreeningResult> results = screenAll(clean(1), clean(2), clean(3));

        assertThat(port.requestCount()).isEqualTo(1);
        assertThat(results).allSatisfy(r -> assertThat(r.failure()).containsSame(refusal));
    }

    @Test
    void aRateLimitedBuyerIsNotCheckedAndTheRunGoesOn() {
        RateLimitedException tooFast = Failures.rateLimited();
        port.failingOn(2, tooFast);

        List<ScreeningResult> results = screenAll(clean(1), clean(2), phone("0888 123 456"));

        assertThat(port.requestCount()).isEqualTo(3);
        assertThat(results).extracting(ScreeningResult::verdict)
                .containsExactly(Verdict.NOT_FOUND, Verdict.NOT_CHECKED, Verdict.FOUND);
        assertThat(results.get(1).failure()).containsSame(tooFast);
        assertThat(results.get(1).notCheckedReason()).hasValueSatisfying(r -> assertThat(r).startsWith("RATE_LIMITED: "));
        assertThat(progress).hasSize(3);
    }

    static Stream<NekorektenException> failuresThatDoNotEndTheRun() {
        return Failures.everyKind().stream().filter(e -> switch (e.code()) {
            case QUOTA_EXHAUSTED, INVALID_API_KEY, IP_NOT_WHITELISTED -> false;
            default -> true;
        });
    }

    @ParameterizedTest
    @MethodSource("failuresThatDoNotEndTheRun")
    void anyOtherFailureMakesOnlyItsBuyerNotChecked(NekorektenException failure) {
        port.failingOn(1, failure);
        Buyer failed = clean(1);

        List<ScreeningResult> results = screenAll(failed, phone("0888 123 456"), failed);

        assertThat(port.requestCount()).isEqualTo(2);
        assertThat(results).extracting(ScreeningResult::verdict)
                .containsExactly(Verdict.NOT_CHECKED, Verdict.FOUND, Verdict.NOT_CHECKED);
        assertThat(results.get(2).failure()).containsSame(failure);
    }

    // ---- arguments ---------------------------------------------------------------------------

    @Test
    void aNullBuyerIsRefusedBeforeAnyRequest() {
        assertThatNullPointerException().isThrownBy(() -> screenAll(clean(1), null)).withMessage("buyers[1]");
        assertThat(port.requestCount()).isZero();
    }

    @Test
    void theListAndTheListenerAreRequired() {
        Screening screening = Screening.of(port);

        assertThatNullPointerException().isThrownBy(() -> screening.screenAll(null, ScreeningListener.none()))
                .withMessage("buyers");
        assertThatNullPointerException().isThrownBy(() -> screening.screenAll(List.of(clean(1)), null))
                .withMessage("listener");
        assertThat(port.requestCount()).isZero();
    }

    @Test
    void theSilentListenerIgnoresProgress() {
        List<ScreeningResult> results = Screening.of(port).screenAll(List.of(clean(1)), ScreeningListener.none());

        assertThat(results).hasSize(1);
    }

    @Test
    void aListenerThatThrowsEndsTheRunAndReachesTheCaller() {
        IllegalStateException broken = new IllegalStateException("listener bug");

        Throwable thrown = catchThrowable(() -> Screening.of(port).screenAll(cleanBuyers(3), p -> {
            throw broken;
        }));

        assertThat(thrown).isSameAs(broken);
        assertThat(port.requestCount()).isEqualTo(1);
    }
}
