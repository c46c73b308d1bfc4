package io.nekorekten4j.conformance;

import static io.nekorekten4j.conformance.TestData.EMAIL;
import static io.nekorekten4j.conformance.TestData.FILED_AT;
import static io.nekorekten4j.conformance.TestData.FIRST_NAME;
import static io.nekorekten4j.conformance.TestData.LAST_NAME;
import static io.nekorekten4j.conformance.TestData.OTHER_EMAIL;
import static io.nekorekten4j.conformance.TestData.OTHER_FIRST_NAME;
import static io.nekorekten4j.conformance.TestData.OTHER_LAST_NAME;
import static io.nekorekten4j.conformance.TestData.OTHER_PHONE;
import static io.nekorekten4j.conformance.TestData.OTHER_SITE;
import static io.nekorekten4j.conformance.TestData.PHONE;
import static io.nekorekten4j.conformance.TestData.SITE;
import static io.nekorekten4j.conformance.TestData.TEXT;
import static org.assertj.core.api.Assertions.assertThat;

import io.nekorekten4j.domain.MatchCertainty;
import io.nekorekten4j.domain.Phone;
import io.nekorekten4j.domain.Report;
import io.nekorekten4j.domain.ReportDraft;
import io.nekorekten4j.domain.ReportId;
import io.nekorekten4j.domain.SearchCriteria;
import io.nekorekten4j.domain.SearchField;
import io.nekorekten4j.domain.SearchHit;
import io.nekorekten4j.domain.SearchMode;
import io.nekorekten4j.domain.SearchResult;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The rules of {@code ReportsPort.search}: filters, both search modes, match attribution, order and
 * pagination. Reports are arranged directly in the subject's backend (filed by a third key), so
 * these rules hold even for adapters that cannot create reports.
 *
 * <p>The arranged people: <em>Ivan</em> ({@link TestData#PHONE}, {@link TestData#EMAIL}, Иван
 * Петров, {@link TestData#SITE}); <em>Maria</em> ({@link TestData#OTHER_PHONE},
 * {@link TestData#OTHER_EMAIL}, Мария Георгиева, {@link TestData#OTHER_SITE}); and <em>mixed</em>, a
 * report with Ivan's phone but Maria's e-mail.
 */
public abstract class ReportsSearchContract extends NekorektenContract {

    private static final String NOBODYS_EMAIL = "nobody.at.all@example.org";

    /** For subclasses. */
    protected ReportsSearchContract() {
    }

    // ---- filters -----------------------------------------------------------------------------

    /**
     * A report arranged for a phone is found by that phone. If this fails, check that the adapter
     * sends the filter (as {@code Phone.digits()}, parameter {@code phone}) and reads the answer's
     * {@code items}, not a guessed field name.
     */
    @Test
    @KitRule(id = "K-SEARCH-01", proves = Behaviour.PUBLIC_SURFACE)
    public final void required_search_findsTheReportOfAPhone() {
        ReportId ivan = arrangeIvan();

        SearchResult result = searchByPhone(PHONE);

        assertThat(ids(result)).containsExactly(ivan);
    }

    /**
     * A phone is one person whatever way it is written: national ({@code 0888…}), international
     * with {@code +} or {@code 00}, or bare digits ({@code 359888…}). If this fails, check that the
     * adapter sends {@code Phone.digits()} and parses returned phones.
     */
    @ParameterizedTest
    @ValueSource(strings = {TestData.PHONE, TestData.PHONE_INTERNATIONAL, TestData.PHONE_DIGITS, TestData.PHONE_WITH_00})
    @KitRule(id = "K-SEARCH-02", proves = Behaviour.PHONES)
    public final void required_search_findsThePhoneWhateverItsWrittenForm(String typed) {
        ReportId ivan = arrangeIvan();

        assertThat(ids(searchByPhone(typed))).containsExactly(ivan);
    }

    /**
     * A search that matches nothing succeeds with an empty answer: no hits, total 0, no more pages.
     * If this fails, check how the adapter maps an empty {@code items} list and {@code count} 0.
     */
    @Test
    @KitRule(id = "K-SEARCH-03", proves = Behaviour.PUBLIC_SURFACE)
    public final void required_search_answersEmptyWhenNothingMatches() {
        arrangeIvan();

        SearchResult result = searchByPhone(OTHER_PHONE);

        assertThat(result.hits()).isEmpty();
        assertThat(result.totalCount()).hasValue(0);
        assertThat(result.isEmpty()).isTrue();
        assertThat(result.isLastPage()).isTrue();
    }

    /**
     * A phone filter returns only reports of that phone. If this fails, the adapter drops or
     * garbles the filter.
     */
    @Test
    @KitRule(id = "K-SEARCH-04", proves = Behaviour.PUBLIC_SURFACE)
    public final void required_search_phoneFilterReturnsOnlyThatPhone() {
        arrangeIvan();
        arrangeMaria();

        SearchResult result = searchByPhone(OTHER_PHONE);

        assertThat(result.hits()).hasSize(1);
        assertThat(result.reports()).allSatisfy(r -> assertThat(r.phone()).contains(Phone.parse(OTHER_PHONE)));
    }

    /** A report is found by its person's e-mail. If this fails, check the {@code email} parameter. */
    @Test
    @KitRule(id = "K-SEARCH-05", proves = Behaviour.PUBLIC_SURFACE)
    public final void required_search_byEmailFindsTheReport() {
        ReportId ivan = arrangeIvan();
        arrangeMaria();

        SearchResult result = client().search(SearchCriteria.builder().email(EMAIL).build());

        assertThat(ids(result)).containsExactly(ivan);
    }

    /**
     * A report is found by its person's full name, as filed. If this fails, check the {@code name}
     * parameter (first and last name in one value).
     */
    @Test
    @KitRule(id = "K-SEARCH-06", proves = Behaviour.PUBLIC_SURFACE)
    public final void required_search_byNameFindsTheReport() {
        arrangeIvan();
        ReportId maria = arrangeMaria();

        SearchResult result = client().search(SearchCriteria.builder()
                .name(OTHER_FIRST_NAME + " " + OTHER_LAST_NAME).build());

        assertThat(ids(result)).containsExactly(maria);
    }

    /** A report is found by its web site, given as filed. If this fails, check the {@code siteUrl} parameter. */
    @Test
    @KitRule(id = "K-SEARCH-07", proves = Behaviour.PUBLIC_SURFACE)
    public final void required_search_bySiteFindsTheReport() {
        ReportId ivan = arrangeIvan();
        arrangeMaria();

        SearchResult result = client().search(SearchCriteria.builder().site(SITE).build());

        assertThat(ids(result)).containsExactly(ivan);
    }

    // ---- modes -------------------------------------------------------------------------------

    /**
     * {@code ALL} intersects the filters: phone and e-mail find only the report that has both, not
     * the one with the same phone and another e-mail. If this fails, check that the adapter sends
     * {@code searchMode=all} (or nothing) for {@code SearchMode.ALL}.
     */
    @Test
    @KitRule(id = "K-SEARCH-08", proves = Behaviour.SEARCH_MODES)
    public final void required_search_allModeIntersectsFilters() {
        ReportId ivan = arrangeIvan();
        arrangeMaria();
        arrangeMixed();

        SearchResult result = client().search(SearchCriteria.builder()
                .phone(PHONE).email(EMAIL).mode(SearchMode.ALL).build());

        assertThat(ids(result)).containsExactly(ivan);
    }

    /**
     * {@code ALL} finds nothing when one of its filters matches no report, even if another filter
     * matches. If this fails, the adapter searches as {@code ONE_OF}.
     */
    @Test
    @KitRule(id = "K-SEARCH-09", proves = Behaviour.SEARCH_MODES)
    public final void required_search_allModeFindsNothingWhenOneFilterMatchesNoReport() {
        arrangeIvan();

        SearchResult result = client().search(SearchCriteria.builder()
                .phone(PHONE).email(NOBODYS_EMAIL).mode(SearchMode.ALL).build());

        assertThat(result.hits()).isEmpty();
        assertThat(result.totalCount()).hasValue(0);
    }

    /**
     * Criteria without a mode search as {@code ALL}, the service's default. If this fails, check
     * the adapter's default {@code searchMode}.
     */
    @Test
    @KitRule(id = "K-SEARCH-10", proves = Behaviour.SEARCH_MODES)
    public final void required_search_defaultModeIsAll() {
        arrangeIvan();

        SearchResult result = client().search(SearchCriteria.builder().phone(PHONE).email(NOBODYS_EMAIL).build());

        assertThat(result.hits()).isEmpty();
    }

    /**
     * {@code ONE_OF} unites the filters: Maria's phone or Ivan's e-mail finds both of them, and not
     * the mixed report, which has neither. If this fails, check that the adapter sends
     * {@code searchMode=one-of} for {@code SearchMode.ONE_OF}.
     */
    @Test
    @KitRule(id = "K-SEARCH-11", proves = Behaviour.SEARCH_MODES)
    public final void required_search_oneOfUnitesFilters() {
        ReportId ivan = arrangeIvan();
        ReportId maria = arrangeMaria();
        arrangeMixed();

        SearchResult result = client().search(SearchCriteria.builder()
                .phone(OTHER_PHONE).email(EMAIL).mode(SearchMode.ONE_OF).build());

        assertThat(ids(result)).containsExactlyInAnyOrder(ivan, maria);
        assertThat(result.totalCount()).hasValue(2);
    }

    /**
     * {@code ONE_OF} finds a report that matches only one of the filters. If this fails, the
     * adapter searches as {@code ALL}.
     */
    @Test
    @KitRule(id = "K-SEARCH-12", proves = Behaviour.SEARCH_MODES)
    public final void required_search_oneOfFindsAReportMatchingOnlyOneFilter() {
        ReportId ivan = arrangeIvan();

        SearchResult result = client().search(SearchCriteria.builder()
                .phone(PHONE).email(NOBODYS_EMAIL).mode(SearchMode.ONE_OF).build());

        assertThat(ids(result)).containsExactly(ivan);
    }

    // ---- attribution -------------------------------------------------------------------------

    /**
     * A phone match is {@code CERTAIN}: phones come back unmasked. If this fails, check that the
     * adapter attributes hits with {@code SearchHit.of(criteria, report)} and parses returned phones
     * ({@code +359…}).
     */
    @Test
    @KitRule(id = "K-SEARCH-13", proves = Behaviour.SEARCH_MODES)
    public final void required_attribution_phoneMatchIsCertain() {
        arrangeIvan();

        SearchHit hit = only(searchByPhone(PHONE));

        assertThat(hit.matchedBy()).containsExactly(Map.entry(SearchField.PHONE, MatchCertainty.CERTAIN));
        assertThat(hit.hasCertainMatch()).isTrue();
    }

    /**
     * An e-mail match is {@code CERTAIN} when the e-mail comes back in full, or
     * {@code COMPATIBLE_WITH_MASK} when it comes back masked, as the live service sends it. If this
     * fails, check the attribution ({@code MatchRules}) and that the adapter keeps the masked value.
     */
    @Test
    @KitRule(id = "K-SEARCH-14", proves = Behaviour.SEARCH_MODES)
    public final void required_attribution_emailMatchIsCertainOrCompatibleWithMask() {
        arrangeIvan();

        SearchHit hit = only(client().search(SearchCriteria.builder().email(EMAIL).build()));

        assertThat(hit.matchedBy()).containsOnlyKeys(SearchField.EMAIL);
        assertThat(hit.matchedBy().get(SearchField.EMAIL))
                .isIn(MatchCertainty.CERTAIN, MatchCertainty.COMPATIBLE_WITH_MASK);
    }

    /**
     * A name match is {@code CERTAIN} for names that come back in full, or
     * {@code COMPATIBLE_WITH_MASK} for masked ones ({@code Ив**}). If this fails, check the
     * attribution and that the adapter keeps the returned first and last names.
     */
    @Test
    @KitRule(id = "K-SEARCH-15", proves = Behaviour.SEARCH_MODES)
    public final void required_attribution_nameMatchIsCertainOrCompatibleWithMask() {
        arrangeIvan();

        SearchHit hit = only(client().search(SearchCriteria.builder().name(FIRST_NAME + " " + LAST_NAME).build()));

        assertThat(hit.matchedBy()).containsOnlyKeys(SearchField.NAME);
        assertThat(hit.matchedBy().get(SearchField.NAME))
                .isIn(MatchCertainty.CERTAIN, MatchCertainty.COMPATIBLE_WITH_MASK);
    }

    /** A site match is {@code CERTAIN}. If this fails, check that the adapter keeps the returned {@code siteUrl}. */
    @Test
    @KitRule(id = "K-SEARCH-16", proves = Behaviour.SEARCH_MODES)
    public final void required_attribution_siteMatchIsCertain() {
        arrangeIvan();

        SearchHit hit = only(client().search(SearchCriteria.builder().site(SITE).build()));

        assertThat(hit.matchedBy()).containsExactly(Map.entry(SearchField.SITE, MatchCertainty.CERTAIN));
    }

    /**
     * A hit of an {@code ALL} search matched every filter: phone (certain) and e-mail. If this
     * fails, the adapter attributes only some filters.
     */
    @Test
    @KitRule(id = "K-SEARCH-17", proves = Behaviour.SEARCH_MODES)
    public final void required_attribution_allModeHitMatchedEveryFilter() {
        arrangeIvan();

        SearchHit hit = only(client().search(SearchCriteria.builder().phone(PHONE).email(EMAIL).build()));

        assertThat(hit.matchedBy()).containsOnlyKeys(SearchField.PHONE, SearchField.EMAIL);
        assertThat(hit.matchedBy().get(SearchField.PHONE)).isEqualTo(MatchCertainty.CERTAIN);
    }

    /**
     * In a {@code ONE_OF} answer each hit names exactly the filters it matched, and a filter it did
     * not match never appears in {@code matchedBy}. If this fails, the adapter claims matches it
     * cannot know (for example every given filter for every hit).
     */
    @Test
    @KitRule(id = "K-SEARCH-18", proves = Behaviour.SEARCH_MODES)
    public final void required_attribution_unmatchedFilterIsAbsentFromMatchedBy() {
        ReportId ivan = arrangeIvan();
        ReportId maria = arrangeMaria();
        ReportId mixed = arrangeMixed();

        SearchResult result = client().search(SearchCriteria.builder()
                .phone(PHONE).email(OTHER_EMAIL).mode(SearchMode.ONE_OF).build());

        assertThat(ids(result)).containsExactlyInAnyOrder(ivan, maria, mixed);
        assertThat(hit(result, ivan).matchedBy()).containsOnlyKeys(SearchField.PHONE);
        assertThat(hit(result, maria).matchedBy()).containsOnlyKeys(SearchField.EMAIL);
        assertThat(hit(result, mixed).matchedBy()).containsOnlyKeys(SearchField.PHONE, SearchField.EMAIL);
    }

    // ---- what a hit carries ------------------------------------------------------------------

    /**
     * A returned report carries its phone, parsed to the same number as filed. If this fails, check
     * how the adapter maps the returned {@code phone} ({@code +359888…}).
     */
    @Test
    @KitRule(id = "K-SEARCH-19", proves = Behaviour.PHONES)
    public final void required_search_returnsThePhoneParsed() {
        arrangeIvan();

        Report report = only(searchByPhone(PHONE)).report();

        assertThat(report.phone()).contains(Phone.parse(PHONE));
    }

    /**
     * A returned report carries its text and its creation time (the service's {@code createDate}).
     * If this fails, check the mapping of {@code text} and {@code createDate} (ISO-8601 with offset).
     */
    @Test
    @KitRule(id = "K-SEARCH-20", proves = Behaviour.PUBLIC_SURFACE)
    public final void required_search_returnsTextAndCreationTime() {
        arrangeIvan();

        Report report = only(searchByPhone(PHONE)).report();

        assertThat(report.text()).isEqualTo(TEXT);
        assertThat(report.createdAt().map(OffsetDateTime::toInstant)).contains(FILED_AT);
    }

    /**
     * Hits come newest first, by creation time, whatever order they were filed in. If this fails,
     * check that the adapter keeps the service's order (or sorts by {@code createDate} descending).
     */
    @Test
    @KitRule(id = "K-SEARCH-21", proves = Behaviour.PUBLIC_SURFACE)
    public final void required_search_returnsNewestFirst() {
        ReportId oldest = arrange(PHONE, FILED_AT);
        ReportId newest = arrange(PHONE, FILED_AT.plus(Duration.ofDays(2)));
        ReportId middle = arrange(PHONE, FILED_AT.plus(Duration.ofDays(1)));

        assertThat(ids(searchByPhone(PHONE))).containsExactly(newest, middle, oldest);
    }

    /**
     * A search costs exactly one request, even in {@code ONE_OF} mode with several filters. If this
     * fails, the adapter splits a search into one request per filter, spending the quota twice.
     */
    @Test
    @KitRule(id = "K-SEARCH-22", proves = {Behaviour.SEARCH_MODES, Behaviour.QUOTA})
    public final void required_search_oneOfWithThreeFiltersSpendsOneRequest() {
        arrangeIvan();

        SearchResult result = expectingBackendRequests(1, () -> client().search(SearchCriteria.builder()
                .phone(PHONE).email(OTHER_EMAIL).name(FIRST_NAME).mode(SearchMode.ONE_OF).build()));

        assertThat(result.hits()).isNotEmpty();
    }

    // ---- pages -------------------------------------------------------------------------------

    /**
     * The first page is page 1 of {@value SearchResult#DEFAULT_PAGE_SIZE}. If this fails, check how the
     * adapter maps {@code currentPage} and {@code itemsPerPage}.
     */
    @Test
    @KitRule(id = "K-SEARCH-23", proves = Behaviour.PUBLIC_SURFACE)
    public final void required_pagination_answerIsPageOneOfTwenty() {
        arrangeIvan();

        SearchResult result = searchByPhone(PHONE);

        assertThat(result.page()).isEqualTo(1);
        assertThat(result.pageSize()).isEqualTo(SearchResult.DEFAULT_PAGE_SIZE);
    }

    /**
     * An answer that fits one page has no more pages, and its total is its size. If this fails,
     * check how the adapter maps {@code count}.
     */
    @Test
    @KitRule(id = "K-SEARCH-24", proves = Behaviour.PUBLIC_SURFACE)
    public final void required_pagination_singlePageHasNoMorePages() {
        arrangeReports(PHONE, 3);

        SearchResult result = searchByPhone(PHONE);

        assertThat(result.hits()).hasSize(3);
        assertThat(result.totalCount()).hasValue(3);
        assertThat(result.isLastPage()).isTrue();
    }

    /**
     * With 25 reports for one phone, the first page holds 20, says the total is 25, and that more
     * pages follow: a page is never presented as the whole answer. If this fails, check that the
     * adapter maps {@code count} to the total, not to the size of {@code items}.
     */
    @Test
    @KitRule(id = "K-SEARCH-25", proves = Behaviour.PUBLIC_SURFACE)
    public final void required_pagination_firstPageHoldsTwentyOfTwentyFive() {
        arrangeReports(PHONE, 25);

        SearchResult result = searchByPhone(PHONE);

        assertThat(result.hits()).hasSize(20);
        assertThat(result.totalCount()).hasValue(25);
        assertThat(result.morePages()).isEqualTo(SearchResult.MorePages.YES);
    }

    /**
     * The first page holds the 20 newest of 25 reports, newest first. If this fails, the adapter
     * pages before ordering, or does not order by creation time.
     */
    @Test
    @KitRule(id = "K-SEARCH-26", proves = Behaviour.PUBLIC_SURFACE)
    public final void required_pagination_firstPageHoldsTheNewestTwenty() {
        List<ReportId> newestFirst = arrangeReports(PHONE, 25);

        SearchResult result = searchByPhone(PHONE);

        assertThat(ids(result)).containsExactlyElementsOf(newestFirst.subList(0, 20));
        assertThat(createdAts(result)).isSortedAccordingTo(Collections.reverseOrder());
    }

    /**
     * Page 2 of 25 reports holds the other 5, oldest last, and says no more pages follow. Needs
     * {@link Capability#PAGINATION}. If this fails, check the page parameter the adapter sends for
     * {@code SearchCriteria.page(2)} and how it maps {@code currentPage}.
     */
    @Test
    @KitRule(id = "K-SEARCH-27", proves = Behaviour.PUBLIC_SURFACE)
    public final void optional_pagination_secondPageHoldsTheRest() {
        assumeCapability(Capability.PAGINATION);
        List<ReportId> newestFirst = arrangeReports(PHONE, 25);

        SearchResult result = client().search(SearchCriteria.builder().phone(PHONE).page(2).build());

        assertThat(result.page()).isEqualTo(2);
        assertThat(ids(result)).containsExactlyElementsOf(newestFirst.subList(20, 25));
        assertThat(result.totalCount()).hasValue(25);
        assertThat(result.isLastPage()).isTrue();
    }

    /**
     * Pages 1 and 2 together hold every report exactly once. Needs {@link Capability#PAGINATION}.
     * If this fails, pages overlap or skip reports.
     */
    @Test
    @KitRule(id = "K-SEARCH-28", proves = Behaviour.PUBLIC_SURFACE)
    public final void optional_pagination_pagesNeitherOverlapNorSkip() {
        assumeCapability(Capability.PAGINATION);
        List<ReportId> all = arrangeReports(PHONE, 25);

        List<ReportId> seen = new ArrayList<>(ids(searchByPhone(PHONE)));
        seen.addAll(ids(client().search(SearchCriteria.builder().phone(PHONE).page(2).build())));

        assertThat(seen).containsExactlyInAnyOrderElementsOf(all);
    }

    /**
     * A page past the last holds no reports. Needs {@link Capability#PAGINATION}. If this fails,
     * the adapter ignores the page and repeats the first one.
     */
    @Test
    @KitRule(id = "K-SEARCH-29", proves = Behaviour.PUBLIC_SURFACE)
    public final void optional_pagination_pageBeyondTheLastHoldsNoReports() {
        assumeCapability(Capability.PAGINATION);
        arrangeReports(PHONE, 25);

        SearchResult result = client().search(SearchCriteria.builder().phone(PHONE).page(3).build());

        assertThat(result.hits()).isEmpty();
        assertThat(result.isLastPage()).isTrue();
    }

    // ---- arrangement -------------------------------------------------------------------------

    private ReportId arrangeIvan() {
        return subject().arrangeReport(TestData.fullDraft(TEXT), FILED_AT);
    }

    private ReportId arrangeMaria() {
        return subject().arrangeReport(ReportDraft.builder().text(TEXT).phone(OTHER_PHONE).email(OTHER_EMAIL)
                .firstName(OTHER_FIRST_NAME).lastName(OTHER_LAST_NAME).siteUrl(OTHER_SITE).build(),
                FILED_AT.plus(Duration.ofHours(1)));
    }

    private ReportId arrangeMixed() {
        return subject().arrangeReport(ReportDraft.builder().text(TEXT).phone(PHONE).email(OTHER_EMAIL).build(),
                FILED_AT.plus(Duration.ofHours(2)));
    }

    private ReportId arrange(String phone, Instant at) {
        return subject().arrangeReport(TestData.draft(phone), at);
    }

    /**
     * Arranges {@code count} reports for {@code phone}, one a minute apart, filed out of order (the
     * even minutes rising, then the odd ones falling) so that insertion order is not creation
     * order; returns their ids newest first.
     */
    private List<ReportId> arrangeReports(String phone, int count) {
        List<Integer> filingOrder = new ArrayList<>();
        for (int minute = 0; minute < count; minute += 2) {
            filingOrder.add(minute);
        }
        for (int minute = count % 2 == 0 ? count - 1 : count - 2; minute > 0; minute -= 2) {
            filingOrder.add(minute);
        }
        ReportId[] byAge = new ReportId[count];
        for (int minute : filingOrder) {
            byAge[minute] = subject().arrangeReport(TestData.draft(phone, TEXT + " #" + minute),
                    FILED_AT.plus(Duration.ofMinutes(minute)));
        }
        List<ReportId> newestFirst = new ArrayList<>(List.of(byAge));
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    private static List<ReportId> ids(SearchResult result) {
        return result.reports().stream().map(Report::id).toList();
    }

    private static List<Instant> createdAts(SearchResult result) {
        return result.reports().stream()
                .map(r -> r.createdAt().map(OffsetDateTime::toInstant).orElseThrow(
                        () -> new AssertionError("a returned report has no creation time")))
                .toList();
    }

    private static SearchHit only(SearchResult result) {
        assertThat(result.hits()).as("hits").hasSize(1);
        return result.hits().get(0);
    }

    private static SearchHit hit(SearchResult result, ReportId id) {
        return result.hits().stream().filter(h -> h.report().id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no hit for report " + id));
    }
}
