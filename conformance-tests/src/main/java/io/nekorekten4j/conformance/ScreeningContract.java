package io.nekorekten4j.conformance;

import static io.nekorekten4j.conformance.TestData.EMAIL;
import static io.nekorekten4j.conformance.TestData.FILED_AT;
import static io.nekorekten4j.conformance.TestData.FIRST_NAME;
import static io.nekorekten4j.conformance.TestData.LAST_NAME;
import static io.nekorekten4j.conformance.TestData.OTHER_EMAIL;
import static io.nekorekten4j.conformance.TestData.OTHER_PHONE;
import static io.nekorekten4j.conformance.TestData.OTHER_SITE;
import static io.nekorekten4j.conformance.TestData.PHONE;
import static io.nekorekten4j.conformance.TestData.PHONE_DIGITS;
import static io.nekorekten4j.conformance.TestData.PHONE_INTERNATIONAL;
import static io.nekorekten4j.conformance.TestData.PHONE_WITH_00;
import static io.nekorekten4j.conformance.TestData.QUOTA_RESETS_AT;
import static io.nekorekten4j.conformance.TestData.RETRY_AFTER;
import static io.nekorekten4j.conformance.TestData.SITE;
import static io.nekorekten4j.conformance.TestData.TEXT;
import static io.nekorekten4j.conformance.TestData.THIRD_PHONE;
import static org.assertj.core.api.Assertions.assertThat;

import io.nekorekten4j.domain.MatchCertainty;
import io.nekorekten4j.domain.ReportDraft;
import io.nekorekten4j.domain.ReportId;
import io.nekorekten4j.domain.SearchField;
import io.nekorekten4j.domain.SearchHit;
import io.nekorekten4j.domain.ValidationException;
import io.nekorekten4j.domain.Violation;
import io.nekorekten4j.ports.ErrorCode;
import io.nekorekten4j.ports.QuotaExhaustedException;
import io.nekorekten4j.ports.RateLimitedException;
import io.nekorekten4j.ports.screening.Buyer;
import io.nekorekten4j.ports.screening.Screening;
import io.nekorekten4j.ports.screening.ScreeningProgress;
import io.nekorekten4j.ports.screening.ScreeningResult;
import io.nekorekten4j.ports.screening.Verdict;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Screening buyers ({@code io.nekorekten4j.ports.screening.Screening}) through the adapter under
 * test: one {@code ONE_OF} request per buyer, a verdict that is found, not found or not checked —
 * never a false "clean" — and each report attributed to the buyer's fields it matched.
 * {@code Screening} is written against the ports only, so these rules check that the adapter gives
 * it what it needs: one request per search, honest counts and attribution, failures as exceptions.
 * A caching adapter must pass them too: a shared or cached answer must be indistinguishable from a
 * fresh one.
 *
 * <p>The arranged people are those of {@link ReportsSearchContract}: <em>Ivan</em> (all of
 * {@link TestData#PHONE}, {@link TestData#EMAIL}, Иван Петров, {@link TestData#SITE}) and
 * <em>Maria</em> (the {@code OTHER_…} values).
 */
public abstract class ScreeningContract extends NekorektenContract {

    /** Failures arranged for this many requests, so that an adapter that retries meets them on every attempt. */
    private static final int PERSISTENT = 20;
    /** One failure, of a kind no adapter retries, for rules that look at the buyers after it. */
    private static final int ONCE = 1;
    private static final String NOBODYS_EMAIL = "nobody.at.all@example.org";

    /** For subclasses. */
    protected ScreeningContract() {
    }

    // ---- one buyer ---------------------------------------------------------------------------

    /**
     * A buyer whose phone was reported is found, and the report is attributed to the phone for
     * certain, whichever way the buyer's phone was typed. If this fails, check that the adapter
     * attributes hits with {@code SearchHit.of(criteria, report)} on {@code ONE_OF} searches too.
     */
    @Test
    @KitRule(id = "K-SCREEN-01", proves = {Behaviour.SEARCH_MODES, Behaviour.NEVER_A_FALSE_CLEAN})
    public final void required_screening_reportedBuyerIsFoundWithCertainPhoneAttribution() {
        ReportId ivan = arrangeIvan();

        ScreeningResult result = screening().screen(Buyer.builder().phone(PHONE_INTERNATIONAL).email(NOBODYS_EMAIL).build());

        assertThat(result.verdict()).isEqualTo(Verdict.FOUND);
        assertThat(result.totalCount()).hasValue(1);
        assertThat(result.failure()).isEmpty();
        assertThat(result.hits()).singleElement().satisfies(hit -> {
            assertThat(hit.report().id()).isEqualTo(ivan);
            assertThat(hit.matchedBy()).containsExactly(Map.entry(SearchField.PHONE, MatchCertainty.CERTAIN));
        });
    }

    /**
     * A buyer no report concerns is not found: the search succeeded with nothing. If this fails,
     * the adapter's {@code ONE_OF} search matches too much, or its empty answer is not total 0.
     */
    @Test
    @KitRule(id = "K-SCREEN-02", proves = Behaviour.NEVER_A_FALSE_CLEAN)
    public final void required_screening_unknownBuyerIsNotFound() {
        arrangeIvan();

        ScreeningResult result = screening().screen(Buyer.builder().phone(OTHER_PHONE).email(OTHER_EMAIL)
                .site(OTHER_SITE).build());

        assertThat(result.verdict()).isEqualTo(Verdict.NOT_FOUND);
        assertThat(result.hits()).isEmpty();
        assertThat(result.totalCount()).hasValue(0);
        assertThat(result.failure()).isEmpty();
    }

    /**
     * Screening a buyer with phone, e-mail, name and site spends exactly one request. If this
     * fails, the adapter splits a {@code ONE_OF} search into one request per field, or repeats it.
     */
    @Test
    @KitRule(id = "K-SCREEN-03", proves = Behaviour.QUOTA)
    public final void required_screening_oneRequestPerBuyerWhateverTheFields() {
        arrangeIvan();
        Buyer everyField = Buyer.builder().phone(PHONE).email(EMAIL).name(FIRST_NAME + " " + LAST_NAME).site(SITE).build();

        ScreeningResult result = expectingBackendRequests(1, () -> screening().screen(everyField));

        assertThat(result.verdict()).isEqualTo(Verdict.FOUND);
    }

    /**
     * Each report is attributed to the buyer's fields it matched, and only to those: a report of
     * the buyer's phone to the phone (certain), a report of the buyer's e-mail to the e-mail
     * (certain, or compatible with the mask when the answer masks it). If this fails, check the
     * adapter's attribution of {@code ONE_OF} hits.
     */
    @Test
    @KitRule(id = "K-SCREEN-04", proves = Behaviour.SEARCH_MODES)
    public final void required_screening_eachReportIsAttributedToTheFieldsItMatched() {
        ReportId byPhone = arrangeIvan();
        ReportId byEmail = subject().arrangeReport(ReportDraft.builder().text(TEXT).phone(THIRD_PHONE).email(OTHER_EMAIL)
                .build(), FILED_AT.plus(Duration.ofHours(2)));

        ScreeningResult result = screening().screen(Buyer.builder().phone(PHONE).email(OTHER_EMAIL).build());

        assertThat(result.verdict()).isEqualTo(Verdict.FOUND);
        assertThat(result.totalCount()).hasValue(2);
        assertThat(hitOf(result, byPhone).matchedBy()).containsExactly(Map.entry(SearchField.PHONE, MatchCertainty.CERTAIN));
        SearchHit emailHit = hitOf(result, byEmail);
        assertThat(emailHit.matchedBy()).containsOnlyKeys(SearchField.EMAIL);
        assertThat(emailHit.matchedBy().get(SearchField.EMAIL)).isIn(MatchCertainty.CERTAIN, MatchCertainty.COMPATIBLE_WITH_MASK);
    }

    // ---- many buyers -------------------------------------------------------------------------

    /**
     * Buyers that are one person — the same phone typed four ways — are asked once, and each gets
     * the shared answer. If this fails, check {@code Buyer.equals} (phones compare by digits) and
     * that the adapter spends one request per search.
     */
    @Test
    @KitRule(id = "K-SCREEN-05", proves = Behaviour.QUOTA)
    public final void required_screenAll_identicalBuyersAreAskedOnce() {
        arrangeIvan();
        List<Buyer> buyers = buyers(PHONE, PHONE_INTERNATIONAL, PHONE_DIGITS, PHONE_WITH_00, OTHER_PHONE);

        List<ScreeningResult> results = expectingBackendRequests(2,
                () -> screening().screenAll(buyers, progress -> { }));

        assertThat(results).extracting(ScreeningResult::verdict).containsExactly(
                Verdict.FOUND, Verdict.FOUND, Verdict.FOUND, Verdict.FOUND, Verdict.NOT_FOUND);
        assertThat(results).extracting(ScreeningResult::buyer).containsExactlyElementsOf(buyers);
    }

    /**
     * The results come in the order the buyers were given, each with its own answer. If this
     * fails, answers are mixed up between buyers.
     */
    @Test
    @KitRule(id = "K-SCREEN-06", proves = Behaviour.PUBLIC_SURFACE)
    public final void required_screenAll_resultsComeInInputOrder() {
        ReportId ivan = arrangeIvan();
        ReportId maria = arrangeMaria();

        List<ScreeningResult> results = screening().screenAll(buyers(THIRD_PHONE, OTHER_PHONE, PHONE), progress -> { });

        assertThat(results).extracting(ScreeningResult::verdict)
                .containsExactly(Verdict.NOT_FOUND, Verdict.FOUND, Verdict.FOUND);
        assertThat(results.get(1).hits()).extracting(h -> h.report().id()).containsExactly(maria);
        assertThat(results.get(2).hits()).extracting(h -> h.report().id()).containsExactly(ivan);
    }

    /**
     * The listener hears once per request sent, and the last time with every buyer done. If this
     * fails, the adapter sent more requests than {@code Screening} asked for.
     */
    @Test
    @KitRule(id = "K-SCREEN-07", proves = Behaviour.PUBLIC_SURFACE)
    public final void required_screenAll_progressFollowsEachRequest() {
        arrangeIvan();
        List<ScreeningProgress> progress = new ArrayList<>();
        long before = subject().backendRequestCount();

        screening().screenAll(buyers(PHONE, OTHER_PHONE, PHONE, THIRD_PHONE), progress::add);

        assertThat(progress).hasSize(3);
        assertThat((long) progress.size()).as("progress events against requests that reached the backend")
                .isEqualTo(subject().backendRequestCount() - before);
        assertThat(progress).extracting(ScreeningProgress::requestsSent).containsExactly(1, 2, 3);
        assertThat(progress.get(2).isComplete()).isTrue();
        assertThat(progress.get(2).done()).isEqualTo(4);
    }

    // ---- validation --------------------------------------------------------------------------

    /**
     * A buyer with a bad phone and a bad e-mail is refused with both problems, and nothing is
     * sent. If this fails, check {@code Buyer.Builder.build()}.
     */
    @Test
    @KitRule(id = "K-SCREEN-08", proves = Behaviour.VALIDATION_BEFORE_ANY_REQUEST)
    public final void required_validation_invalidBuyerIsRefusedBeforeAnyRequest() {
        ValidationException e = assertRefusedBeforeAnyRequest(ValidationException.class,
                () -> screening().screen(Buyer.builder().phone("12").email("not an e-mail").build()));

        assertThat(e.violations()).extracting(Violation::field).containsExactly("phone", "email");
    }

    /** A buyer without any field is refused under {@code buyer}, and nothing is sent. */
    @Test
    @KitRule(id = "K-SCREEN-09", proves = Behaviour.VALIDATION_BEFORE_ANY_REQUEST)
    public final void required_validation_buyerWithoutAnyFieldIsRefused() {
        ValidationException e = assertRefusedBeforeAnyRequest(ValidationException.class,
                () -> screening().screen(Buyer.builder().build()));

        assertThat(e.violations()).extracting(Violation::field).containsExactly("buyer");
    }

    /**
     * A list with a missing buyer is refused before the first request, even when the buyers
     * before it are valid. If this fails, {@code screenAll} checks its list lazily.
     */
    @Test
    @KitRule(id = "K-SCREEN-10", proves = Behaviour.VALIDATION_BEFORE_ANY_REQUEST)
    public final void required_validation_nullBuyerInAListIsRefusedBeforeAnyRequest() {
        List<Buyer> withAHole = Arrays.asList(Buyer.builder().phone(PHONE).build(), null);

        assertRefusedBeforeAnyRequest(NullPointerException.class,
                () -> screening().screenAll(withAHole, progress -> { }));
    }

    // ---- failures ----------------------------------------------------------------------------

    /**
     * A buyer whose search failed is not checked — never not found — and the failure is kept:
     * for a buyer with a phone only, and for one with phone, e-mail, name and site (the one
     * {@code ONE_OF} request screening sends for such a buyer). Required: needs
     * {@link Capability#FAULT_INJECTION} and fails without it. If this fails, the adapter "fails
     * open": it turns an error into an empty answer, and a merchant ships to a bad payer.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"phone", "phone + e-mail + name + site"})
    @KitRule(id = "K-SCREEN-11", proves = Behaviour.NEVER_A_FALSE_CLEAN)
    public final void required_faults_failedScreeningIsNotCheckedNeverNotFound(String fields) {
        requireCapability(Capability.FAULT_INJECTION, "a buyer whose search failed must never be screened clean");
        subject().arrangeFailures(ErrorCode.SERVICE_UNAVAILABLE, PERSISTENT);
        Buyer buyer = fields.equals("phone") ? Buyer.builder().phone(OTHER_PHONE).build()
                : Buyer.builder().phone(OTHER_PHONE).email(OTHER_EMAIL).name(TestData.OTHER_FIRST_NAME)
                        .site(OTHER_SITE).build();

        ScreeningResult result = screening().screen(buyer);

        assertThat(result.verdict()).as("the verdict of a failed search").isEqualTo(Verdict.NOT_CHECKED);
        assertThat(result.failure()).hasValueSatisfying(e -> assertThat(e.code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE));
        assertThat(result.notCheckedReason()).hasValueSatisfying(r -> assertThat(r).startsWith("SERVICE_UNAVAILABLE"));
    }

    /**
     * In a run, the buyer whose search failed is not checked and the others are screened; the
     * buyers carry several fields, as a shop's orders do. Required: needs
     * {@link Capability#FAULT_INJECTION}. If this fails, the adapter answers a refused search as
     * empty, or keeps failing after the failure ended.
     */
    @Test
    @KitRule(id = "K-SCREEN-12", proves = Behaviour.NEVER_A_FALSE_CLEAN)
    public final void required_faults_failedBuyerIsNotCheckedAndTheOthersAreScreened() {
        requireCapability(Capability.FAULT_INJECTION, "a buyer whose search failed must never be screened clean");
        arrangeIvan();
        subject().arrangeFailures(ErrorCode.INVALID_REQUEST, ONCE);

        List<ScreeningResult> results = screening().screenAll(List.of(
                Buyer.builder().phone(OTHER_PHONE).email(OTHER_EMAIL).build(),
                Buyer.builder().phone(PHONE).email(TestData.EMAIL).build()), progress -> { });

        assertThat(results).extracting(ScreeningResult::verdict).containsExactly(Verdict.NOT_CHECKED, Verdict.FOUND);
        assertThat(results.get(0).failure()).hasValueSatisfying(e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST));
    }

    /**
     * With the daily quota spent, every buyer of a run is not checked, with the
     * {@code QuotaExhaustedException}, and at most one request is sent. Needs
     * {@link Capability#QUOTA_SIMULATION}. If this fails, check how the adapter maps a spent quota
     * (it must not look like an empty answer, nor like a plain rate limit).
     */
    @Test
    @KitRule(id = "K-SCREEN-13", proves = {Behaviour.NEVER_A_FALSE_CLEAN, Behaviour.QUOTA})
    public final void optional_quota_exhaustedQuotaLeavesEveryBuyerNotChecked() {
        assumeCapability(Capability.QUOTA_SIMULATION);
        arrangeIvan();
        subject().arrangeQuotaExhausted(QUOTA_RESETS_AT);
        long before = subject().backendRequestCount();

        List<ScreeningResult> results = screening().screenAll(buyers(PHONE, OTHER_PHONE, THIRD_PHONE), progress -> { });

        assertThat(results).extracting(ScreeningResult::verdict).containsOnly(Verdict.NOT_CHECKED);
        assertThat(results).allSatisfy(r -> assertThat(r.failure()).containsInstanceOf(QuotaExhaustedException.class));
        assertThat(subject().backendRequestCount() - before).as("requests that reached the backend").isLessThanOrEqualTo(1);
    }

    /**
     * A rate-limited buyer is not checked, with the {@code RateLimitedException}, and the run goes
     * on with the next. An adapter that waits out the {@code Retry-After} and retries within the
     * call may screen the buyer instead — then with the true verdict (the buyer is reported), never
     * {@code NOT_FOUND}. Needs {@link Capability#QUOTA_SIMULATION}. If this fails, check the
     * mapping of 429, or whether the adapter stays blocked after the wait the service asked for.
     */
    @Test
    @KitRule(id = "K-SCREEN-14", proves = {Behaviour.NEVER_A_FALSE_CLEAN, Behaviour.QUOTA})
    public final void optional_rateLimit_rateLimitedBuyerIsNotCheckedAndTheRunGoesOn() {
        assumeCapability(Capability.QUOTA_SIMULATION);
        arrangeIvan();
        arrangeMaria();
        subject().arrangeRateLimit(RETRY_AFTER, ONCE);

        List<ScreeningResult> results = screening().screenAll(buyers(OTHER_PHONE, PHONE), progress -> { });

        ScreeningResult refused = results.get(0);
        if (refused.verdict() == Verdict.NOT_CHECKED) {
            assertThat(refused.failure()).containsInstanceOf(RateLimitedException.class);
        } else {
            assertThat(refused.verdict()).as("verdict of a rate-limited buyer the adapter retried").isEqualTo(Verdict.FOUND);
        }
        assertThat(results.get(1).verdict()).isEqualTo(Verdict.FOUND);
    }

    // ---- helpers -----------------------------------------------------------------------------

    /** Screening through the client under test. */
    private Screening screening() {
        return Screening.of(client());
    }

    private ReportId arrangeIvan() {
        return subject().arrangeReport(TestData.fullDraft(TEXT), FILED_AT);
    }

    private ReportId arrangeMaria() {
        return subject().arrangeReport(ReportDraft.builder().text(TEXT).phone(OTHER_PHONE).email(OTHER_EMAIL)
                .siteUrl(OTHER_SITE).build(), FILED_AT.plus(Duration.ofHours(1)));
    }

    private static List<Buyer> buyers(String... phones) {
        return Arrays.stream(phones).map(p -> Buyer.builder().phone(p).build()).toList();
    }

    private static SearchHit hitOf(ScreeningResult result, ReportId id) {
        return result.hits().stream().filter(h -> h.report().id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no hit for report " + id + " among " + result.hits().size()));
    }
}
