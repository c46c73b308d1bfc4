package io.nekorekten4j.fake;

import static io.nekorekten4j.fake.FakeTestData.T0;
import static io.nekorekten4j.fake.FakeTestData.allPages;
import static io.nekorekten4j.fake.FakeTestData.byPhone;
import static io.nekorekten4j.fake.FakeTestData.fake;
import static org.assertj.core.api.Assertions.assertThat;

import io.nekorekten4j.domain.MatchCertainty;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Searching: the filters, the modes, attribution, order and pages. */
class NekorektenFakeSearchTest {

    private final MutableClock clock = MutableClock.at(T0);
    private final NekorektenFake fake = fake(clock);

    private ReportId file(ReportDraft.Builder draft) {
        clock.advance(Duration.ofMinutes(1));
        return fake.create(draft.text("Отказа пратка с наложен платеж.").build()).id().orElseThrow();
    }

    private List<ReportId> found(SearchCriteria.Builder criteria) {
        return allPages(fake, criteria.build()).stream().map(h -> h.report().id()).toList();
    }

    @Nested
    class Phone {

        @Test
        void everyWrittenFormOfANumberFindsTheSamePerson() {
            ReportId id = file(ReportDraft.builder().phone("0888 123 456"));

            for (String typed : List.of("0888123456", "+359 888 123 456", "00359888123456", "(0888) 12-34-56")) {
                assertThat(found(SearchCriteria.builder().phone(typed))).as(typed).containsExactly(id);
            }
        }

        @Test
        void anotherNumberFindsNothing() {
            file(ReportDraft.builder().phone("0888123456"));

            assertThat(fake.search(SearchCriteria.builder().phone("0888123457").build()).isEmpty()).isTrue();
        }
    }

    @Nested
    class Email {

        @Test
        void matchesIgnoringCase() {
            ReportId id = file(ReportDraft.builder().email("Ivan.Petrov@Example.BG"));

            assertThat(found(SearchCriteria.builder().email("IVAN.PETROV@example.bg"))).containsExactly(id);
            assertThat(found(SearchCriteria.builder().email("ivan.petrov@example.com"))).isEmpty();
        }

        @Test
        void hitIsOnlyCompatibleWithTheMaskSinceTheResultIsMasked() {
            file(ReportDraft.builder().email("ivan@example.bg"));

            SearchHit hit = fake.search(SearchCriteria.builder().email("ivan@example.bg").build()).hits().get(0);

            assertThat(hit.report().email()).contains("iv**@example.bg");
            assertThat(hit.matchedBy()).isEqualTo(Map.of(SearchField.EMAIL, MatchCertainty.COMPATIBLE_WITH_MASK));
            assertThat(hit.hasCertainMatch()).isFalse();
        }

        @Test
        void anEmailThatItselfHoldsAnAsteriskIsMatchedAsMatchRulesReadIt() {
            // '*' is legal in a mailbox name; MatchRules reads a reported value holding it as a mask.
            ReportId id = file(ReportDraft.builder().email("a*b@example.bg"));

            assertThat(found(SearchCriteria.builder().email("a*b@example.bg"))).containsExactly(id);
            assertThat(found(SearchCriteria.builder().email("axyzb@example.bg"))).containsExactly(id);
            assertThat(found(SearchCriteria.builder().email("ab@example.bg"))).isEmpty();
        }
    }

    @Nested
    class Name {

        @Test
        void matchesWholeWordsIgnoringCaseNotPrefixes() {
            ReportId ivan = file(ReportDraft.builder().phone("0888000001").firstName("Иван").lastName("Петров"));
            file(ReportDraft.builder().phone("0888000002").firstName("Иванка").lastName("Петрова"));

            assertThat(found(SearchCriteria.builder().name("иван"))).containsExactly(ivan);
            assertThat(found(SearchCriteria.builder().name("Петров Иван"))).containsExactly(ivan);
            assertThat(found(SearchCriteria.builder().name("Ив"))).isEmpty();
        }

        @Test
        void everyWordOfTheFilterMustMatch() {
            file(ReportDraft.builder().phone("0888000001").firstName("Иван").lastName("Петров"));

            assertThat(found(SearchCriteria.builder().name("Иван Георгиев"))).isEmpty();
        }

        @Test
        void wordsOfHyphenatedNamesMatchSeparatelyAndStayAttributableWhenMasked() {
            ReportId id = file(ReportDraft.builder().phone("0888000001").firstName("Мария").lastName("Петрова-Иванова"));

            SearchResult result = fake.search(SearchCriteria.builder().name("Иванова").build());

            assertThat(result.reports()).extracting(Report::id).containsExactly(id);
            assertThat(result.reports().get(0).lastName()).contains("Петр***-Иван***");
            assertThat(result.hits().get(0).matchedBy())
                    .isEqualTo(Map.of(SearchField.NAME, MatchCertainty.COMPATIBLE_WITH_MASK));
        }
    }

    @Nested
    class Site {

        @Test
        void aSiteCoversItsPagesButNotAnotherPathOrHost() {
            ReportId shop = file(ReportDraft.builder().siteUrl("https://www.example.bg/shop/item?id=5"));
            ReportId other = file(ReportDraft.builder().siteUrl("example.bg/shopping"));
            file(ReportDraft.builder().siteUrl("https://example.com/shop"));

            assertThat(found(SearchCriteria.builder().site("example.bg"))).containsExactly(other, shop);
            assertThat(found(SearchCriteria.builder().site("http://example.bg/shop/"))).containsExactly(shop);
            assertThat(found(SearchCriteria.builder().site("example.bg/shop/item"))).containsExactly(shop);
            assertThat(found(SearchCriteria.builder().site("example.bg/sho"))).isEmpty();
            assertThat(found(SearchCriteria.builder().site("shop.example.bg"))).isEmpty();
        }

        @Test
        void theSiteFilterAlsoCoversFacebookAddresses() {
            ReportId id = file(ReportDraft.builder().facebookUrl("https://www.facebook.com/ivan.petrov.77"));

            SearchResult result = fake.search(SearchCriteria.builder().site("facebook.com/ivan.petrov.77").build());

            assertThat(result.reports()).extracting(Report::id).containsExactly(id);
            assertThat(result.hits().get(0).matchedBy()).isEqualTo(Map.of(SearchField.SITE, MatchCertainty.CERTAIN));
        }

        @Test
        void aReportWhoseSiteAndFacebookBothMatchIsFoundOnce() {
            ReportId id = file(ReportDraft.builder().siteUrl("facebook.com/shop.page")
                    .facebookUrl("https://facebook.com/shop.page/about"));

            assertThat(found(SearchCriteria.builder().site("facebook.com/shop.page"))).containsExactly(id);
        }
    }

    @Nested
    class Modes {

        private ReportId phoneOnly;
        private ReportId emailOnly;
        private ReportId both;

        private void fileThree() {
            phoneOnly = file(ReportDraft.builder().phone("0888123456"));
            emailOnly = file(ReportDraft.builder().email("ivan@example.bg"));
            both = file(ReportDraft.builder().phone("0888123456").email("ivan@example.bg"));
        }

        @Test
        void allNeedsEveryFilterToMatch() {
            fileThree();

            assertThat(found(SearchCriteria.builder().phone("0888123456").email("ivan@example.bg")
                    .mode(SearchMode.ALL))).containsExactly(both);
        }

        @Test
        void oneOfNeedsAnyFilterAndListsEachReportOnce() {
            fileThree();

            SearchResult result = fake.search(SearchCriteria.builder().phone("0888123456").email("ivan@example.bg")
                    .mode(SearchMode.ONE_OF).build());

            assertThat(result.reports()).extracting(Report::id).containsExactly(both, emailOnly, phoneOnly);
            assertThat(result.hits().get(0).matchedBy()).containsOnlyKeys(SearchField.PHONE, SearchField.EMAIL);
        }

        @Test
        void allIsTheDefaultMode() {
            fileThree();

            assertThat(found(SearchCriteria.builder().phone("0888123456").email("ivan@example.bg")))
                    .containsExactly(both);
        }

        @Test
        void allWithAFilterThatMatchesNothingFindsNothing() {
            fileThree();

            assertThat(found(SearchCriteria.builder().phone("0888123456").name("Никой"))).isEmpty();
        }

        @Test
        void aOneOfSearchCostsOneCall() {
            fileThree();
            int before = fake.calls().size();

            fake.search(SearchCriteria.builder().phone("0888123456").email("ivan@example.bg").name("Иван")
                    .site("example.bg").mode(SearchMode.ONE_OF).build());

            assertThat(fake.calls()).hasSize(before + 1);
        }
    }

    @Nested
    class OrderAndPages {

        @Test
        void newestFirstByCreationTimeNotByFilingOrder() {
            ReportId middle = fake.arrangeReport(byPhone("0888123456"), Instant.parse("2025-06-01T00:00:00Z"), "k");
            ReportId oldest = fake.arrangeReport(byPhone("0888123456"), Instant.parse("2024-01-01T00:00:00Z"), "k");
            ReportId newest = fake.arrangeReport(byPhone("0888123456"), Instant.parse("2026-01-01T00:00:00Z"), "k");

            assertThat(found(SearchCriteria.builder().phone("0888123456"))).containsExactly(newest, middle, oldest);
        }

        @Test
        void reportsOfTheSameSecondComeLatestFiledFirst() {
            ReportId first = fake.create(byPhone("0888123456")).id().orElseThrow();
            ReportId second = fake.create(byPhone("0888123456")).id().orElseThrow();

            assertThat(found(SearchCriteria.builder().phone("0888123456"))).containsExactly(second, first);
        }

        @Test
        void twentyFiveReportsComeAsAPageOfTwentyAndAPageOfFiveWithTheTotal() {
            List<ReportId> filed = new ArrayList<>();
            for (int i = 0; i < 25; i++) {
                filed.add(file(ReportDraft.builder().phone("0888123456")));
            }
            List<ReportId> newestFirst = new ArrayList<>(filed);
            java.util.Collections.reverse(newestFirst);

            SearchResult first = fake.search(SearchCriteria.builder().phone("0888123456").build());
            SearchResult second = fake.search(SearchCriteria.builder().phone("0888123456").page(2).build());
            SearchResult third = fake.search(SearchCriteria.builder().phone("0888123456").page(3).build());

            assertThat(first.hits()).hasSize(20);
            assertThat(first.totalCount()).hasValue(25);
            assertThat(first.morePages()).isEqualTo(SearchResult.MorePages.YES);
            assertThat(first.reports()).extracting(Report::id).isEqualTo(newestFirst.subList(0, 20));
            assertThat(second.hits()).hasSize(5);
            assertThat(second.totalCount()).hasValue(25);
            assertThat(second.page()).isEqualTo(2);
            assertThat(second.isLastPage()).isTrue();
            assertThat(second.reports()).extracting(Report::id).isEqualTo(newestFirst.subList(20, 25));
            assertThat(third.hits()).isEmpty();
            assertThat(third.totalCount()).hasValue(25);
        }

        @Test
        void aPageFarPastTheEndIsEmpty() {
            file(ReportDraft.builder().phone("0888123456"));

            SearchResult result = fake.search(SearchCriteria.builder().phone("0888123456").page(Integer.MAX_VALUE).build());

            assertThat(result.hits()).isEmpty();
            assertThat(result.totalCount()).hasValue(1);
        }

        @Test
        void oneOfPagesAreNewestFirstAcrossFilters() {
            List<ReportId> filed = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                filed.add(file(i % 2 == 0 ? ReportDraft.builder().phone("0888123456")
                        : ReportDraft.builder().email("ivan@example.bg")));
            }
            List<ReportId> newestFirst = new ArrayList<>(filed);
            java.util.Collections.reverse(newestFirst);

            List<ReportId> all = found(SearchCriteria.builder().phone("0888123456").email("ivan@example.bg")
                    .mode(SearchMode.ONE_OF));

            assertThat(all).isEqualTo(newestFirst);
        }
    }

    @Test
    void updatedAndDeletedReportsLeaveTheOldIndexEntries() {
        ReportId id = file(ReportDraft.builder().phone("0888123456").firstName("Иван"));

        fake.update(id, io.nekorekten4j.domain.ReportPatch.builder().phone("0888999999").firstName("Петър").build());

        assertThat(found(SearchCriteria.builder().phone("0888123456"))).isEmpty();
        assertThat(found(SearchCriteria.builder().name("Иван"))).isEmpty();
        assertThat(found(SearchCriteria.builder().phone("0888999999").name("Петър"))).containsExactly(id);

        fake.delete(id);

        assertThat(found(SearchCriteria.builder().phone("0888999999"))).isEmpty();
        assertThat(found(SearchCriteria.builder().name("Петър"))).isEmpty();
    }
}
