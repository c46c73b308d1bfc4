package io.nekorekten4j.domain;

import static io.nekorekten4j.domain.MatchCertainty.CERTAIN;
import static io.nekorekten4j.domain.MatchCertainty.COMPATIBLE_WITH_MASK;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MatchRulesTest {

    private static Report.Builder report() {
        return Report.builder().id(ReportId.of("0obgyGbp1Ms")).text("Refused a parcel.");
    }

    private static Map<SearchField, MatchCertainty> attribute(SearchCriteria.Builder criteria, Report.Builder report) {
        return MatchRules.attribute(criteria.build(), report.build());
    }

    @Nested
    class PhoneFilter {

        @ParameterizedTest(name = "[{index}] reported \"{0}\"")
        @ValueSource(strings = {"+359888123456", "359888123456", "0888123456", "0888 123 456", "00359 88 812 3456"})
        void aPhoneMatchesForCertainWhateverTheFormatTheReportCarriesItIn(String reported) {
            Map<SearchField, MatchCertainty> matched = attribute(
                    SearchCriteria.builder().phone("0888 123 456"), report().phone(reported));

            assertThat(matched).containsExactlyEntriesOf(Map.of(SearchField.PHONE, CERTAIN));
        }

        @Test
        void anotherPhoneDoesNotMatch() {
            assertThat(attribute(SearchCriteria.builder().phone("0888 123 456"), report().phone("+359888123457"))).isEmpty();
        }

        @Test
        void aReportWithoutAPhoneOrWithAnUnreadableOneDoesNotMatchAPhone() {
            SearchCriteria.Builder criteria = SearchCriteria.builder().phone("0888 123 456");

            assertThat(attribute(criteria, report())).isEmpty();
            assertThat(attribute(criteria, report().phone("n/a"))).isEmpty();
        }
    }

    @Nested
    class EmailFilter {

        @Test
        void anUnmaskedEmailMatchesForCertainIgnoringCase() {
            Map<SearchField, MatchCertainty> matched = attribute(
                    SearchCriteria.builder().email("ivan.petrov@abv.bg"), report().email(" Ivan.Petrov@ABV.bg"));

            assertThat(matched).containsExactlyEntriesOf(Map.of(SearchField.EMAIL, CERTAIN));
        }

        @Test
        void anotherUnmaskedEmailDoesNotMatch() {
            assertThat(attribute(SearchCriteria.builder().email("ivan@abv.bg"), report().email("ivana@abv.bg"))).isEmpty();
        }

        @Test
        void anEmailThatFitsTheMaskIsOnlyCompatibleWithTheMask() {
            Map<SearchField, MatchCertainty> matched = attribute(
                    SearchCriteria.builder().email("xxxxxivan@gmail.com"), report().email("xxxxx****@gmail.com"));

            assertThat(matched).containsExactlyEntriesOf(Map.of(SearchField.EMAIL, COMPATIBLE_WITH_MASK));
        }

        @Test
        void anEmailThatDoesNotFitTheMaskDoesNotMatch() {
            assertThat(attribute(SearchCriteria.builder().email("xxxxxivan@abv.bg"), report().email("xxxxx****@gmail.com")))
                    .isEmpty();
        }

        @Test
        void aReportWithoutAnEmailDoesNotMatchOne() {
            assertThat(attribute(SearchCriteria.builder().email("ivan@abv.bg"), report())).isEmpty();
        }
    }

    @Nested
    class NameFilter {

        @ParameterizedTest(name = "[{index}] filter \"{0}\" vs \"{1}\" \"{2}\"")
        @CsvSource({
            "Иван,          Иван,       Петров",
            "иван,          ИВАН,       Петров",
            "Петров,        Иван,       Петров",
            "Иван Петров,   Иван,       Петров",
            "Петров Иван,   Иван,       Петров",
            "Асен,          Иван-Асен,  Петров",
        })
        void everyWordOfTheFilterEqualToAReportedWordIsACertainMatch(String filter, String first, String last) {
            assertThat(attribute(SearchCriteria.builder().name(filter), report().firstName(first).lastName(last)))
                    .containsExactlyEntriesOf(Map.of(SearchField.NAME, CERTAIN));
        }

        @ParameterizedTest(name = "[{index}] filter \"{0}\" vs \"{1}\" \"{2}\"")
        @CsvSource({
            "Ива,           Иван,       Петров",
            "Иван,          Иванка,     Петрова",
            "Иван Георгиев, Иван,       Петров",
            "Петрова,       Иван,       Петров",
        })
        void aWordThatIsOnlyPartOfAReportedWordOrMissingIsNoMatch(String filter, String first, String last) {
            assertThat(attribute(SearchCriteria.builder().name(filter), report().firstName(first).lastName(last))).isEmpty();
        }

        @Test
        void aWordThatFitsAMaskedWordIsCompatibleWithTheMask() {
            assertThat(attribute(SearchCriteria.builder().name("Нели"), report().firstName("Не**").lastName("Желяз****")))
                    .containsExactlyEntriesOf(Map.of(SearchField.NAME, COMPATIBLE_WITH_MASK));
            assertThat(attribute(SearchCriteria.builder().name("Нели Желязкова"), report().firstName("Не**").lastName("Желяз****")))
                    .containsExactlyEntriesOf(Map.of(SearchField.NAME, COMPATIBLE_WITH_MASK));
        }

        @Test
        void oneMaskedWordMakesTheWholeNameMatchOnlyCompatible() {
            assertThat(attribute(SearchCriteria.builder().name("Иван Желязков"), report().firstName("Иван").lastName("Желяз****")))
                    .containsExactlyEntriesOf(Map.of(SearchField.NAME, COMPATIBLE_WITH_MASK));
        }

        @Test
        void aWordThatFitsNoMaskIsNoMatch() {
            assertThat(attribute(SearchCriteria.builder().name("Ива"), report().firstName("Не**").lastName("Желяз****"))).isEmpty();
            assertThat(attribute(SearchCriteria.builder().name("Нели Иванова"), report().firstName("Не**").lastName("Желяз****")))
                    .isEmpty();
        }

        @Test
        void aReportWithoutNamesDoesNotMatchAName() {
            assertThat(attribute(SearchCriteria.builder().name("Иван"), report())).isEmpty();
        }
    }

    @Nested
    class SiteFilter {

        @ParameterizedTest(name = "[{index}] reported \"{0}\"")
        @ValueSource(strings = {
            "example.bg/shop",
            "https://www.example.bg/shop/",
            "http://example.bg/shop",
            "HTTPS://WWW.EXAMPLE.BG/shop",
            "example.bg/shop/item/5",
        })
        void theFilterCoversTheReportedSiteInAnyWriting(String reported) {
            assertThat(attribute(SearchCriteria.builder().site("example.bg/shop"), report().siteUrl(reported)))
                    .containsExactlyEntriesOf(Map.of(SearchField.SITE, CERTAIN));
        }

        @ParameterizedTest(name = "[{index}] reported \"{0}\"")
        @ValueSource(strings = {"example.bg/shopping", "example.bg", "other.bg/shop", "not a web address"})
        void aSiteTheFilterDoesNotCoverDoesNotMatch(String reported) {
            assertThat(attribute(SearchCriteria.builder().site("example.bg/shop"), report().siteUrl(reported))).isEmpty();
        }

        @ParameterizedTest(name = "[{index}] reported \"{0}\"")
        @ValueSource(strings = {
            "https://www.facebook.com/ivan.petrov/",
            "http://facebook.com/ivan.petrov",
            "facebook.com/ivan.petrov",
        })
        void theSiteFilterCoversTheReportedFacebookAddressToo(String reported) {
            assertThat(attribute(SearchCriteria.builder().site("facebook.com/ivan.petrov"), report().facebookUrl(reported)))
                    .containsExactlyEntriesOf(Map.of(SearchField.SITE, CERTAIN));
        }

        @Test
        void aFacebookAddressOfAnotherProfileDoesNotMatch() {
            assertThat(attribute(SearchCriteria.builder().site("facebook.com/ivan"),
                    report().facebookUrl("https://www.facebook.com/ivan.petrov"))).isEmpty();
        }
    }

    @Nested
    class SeveralFilters {

        @Test
        void onlyTheMatchedFiltersAreAttributedEachWithItsOwnCertainty() {
            SearchCriteria.Builder criteria = SearchCriteria.builder().phone("0888 123 456").email("xxxxxivan@gmail.com")
                    .name("Иван").site("example.bg").mode(SearchMode.ONE_OF);
            Report.Builder reported = report().phone("+359888123456").email("xxxxx****@gmail.com")
                    .firstName("Петър").siteUrl("other.bg");

            assertThat(attribute(criteria, reported)).containsExactlyInAnyOrderEntriesOf(
                    Map.of(SearchField.PHONE, CERTAIN, SearchField.EMAIL, COMPATIBLE_WITH_MASK));
        }

        @Test
        void aReportedValueForAFieldNotSearchedIsNotAttributed() {
            assertThat(attribute(SearchCriteria.builder().phone("0888 123 456"),
                    report().phone("+359888123456").email("ivan@abv.bg").firstName("Иван").siteUrl("example.bg")))
                    .containsOnlyKeys(SearchField.PHONE);
        }

        @Test
        void searchCriteriaAttributeIsMatchRulesAttribute() {
            SearchCriteria criteria = SearchCriteria.builder().phone("0888 123 456").name("Иван").build();
            Report reported = report().phone("0888123456").firstName("Иван").build();

            assertThat(criteria.attribute(reported)).isEqualTo(MatchRules.attribute(criteria, reported));
        }
    }
}
