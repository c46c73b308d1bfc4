package io.nekorekten4j.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SearchCriteriaTest {

    private static ValidationException rejectionOf(SearchCriteria.Builder builder) {
        ValidationException e = catchThrowableOfType(ValidationException.class, builder::build);
        assertThat(e).as("rejection").isNotNull();
        return e;
    }

    private static Report.Builder report() {
        return Report.builder().id(ReportId.of("0obgyGbp1Ms"));
    }

    @Nested
    class Building {

        @Test
        void typedValuesAndTextGiveTheSameCriteria() {
            SearchCriteria typed = SearchCriteria.builder().phone(Phone.parse("0888 123 456"))
                    .email(Email.parse("ivan@abv.bg")).name(PersonName.parse("Иван")).site(WebAddress.parse("example.bg"))
                    .build();
            SearchCriteria text = SearchCriteria.builder().phone("0888 123 456").email("Ivan@ABV.bg").name(" Иван ")
                    .site("https://www.example.bg/").build();

            assertThat(text).isEqualTo(typed).hasSameHashCodeAs(typed);
            assertThat(text.phone()).contains(Phone.parse("+359888123456"));
            assertThat(text.email()).contains(Email.parse("ivan@abv.bg"));
            assertThat(text.name()).contains(PersonName.parse("Иван"));
            assertThat(text.site()).contains(WebAddress.parse("example.bg"));
        }

        @Test
        void theModeDefaultsToAllAndThePageToOne() {
            SearchCriteria criteria = SearchCriteria.builder().phone("0888 123 456").build();

            assertThat(criteria.mode()).isEqualTo(SearchMode.ALL);
            assertThat(criteria.page()).isEqualTo(1);
        }

        @Test
        void fieldsAreTheGivenFiltersOnly() {
            assertThat(SearchCriteria.builder().site("example.bg").phone("0888 123 456").build().fields())
                    .containsExactly(SearchField.PHONE, SearchField.SITE);
        }

        @Test
        void nullClearsAFilter() {
            SearchCriteria criteria = SearchCriteria.builder().phone("0888 123 456").phone((String) null)
                    .email("ivan@abv.bg").name(PersonName.parse("Иван")).name((PersonName) null).build();

            assertThat(criteria.phone()).isEmpty();
            assertThat(criteria.name()).isEmpty();
            assertThat(criteria.fields()).containsExactly(SearchField.EMAIL);
        }

        @Test
        void toBuilderKeepsEveryValue() {
            SearchCriteria criteria = SearchCriteria.builder().phone("0888 123 456").email("ivan@abv.bg").name("Иван")
                    .site("example.bg").mode(SearchMode.ONE_OF).page(3).build();

            assertThat(criteria.toBuilder().build()).isEqualTo(criteria);
            assertThat(criteria.toBuilder().page(2).build()).isNotEqualTo(criteria);
            assertThat(criteria.toBuilder().mode(SearchMode.ALL).build()).isNotEqualTo(criteria);
        }

        @Test
        void aNullModeIsAProgrammingError() {
            assertThatNullPointerException().isThrownBy(() -> SearchCriteria.builder().mode(null)).withMessage("mode");
        }
    }

    @Nested
    class Rejected {

        @Test
        void aSearchWithoutAnyFilterIsRejected() {
            assertThat(rejectionOf(SearchCriteria.builder()).violations()).containsExactly(
                    new Violation("criteria", "give at least one of phone, email, name or siteUrl"));
        }

        @Test
        void aModeAloneIsNotAFilter() {
            assertThat(rejectionOf(SearchCriteria.builder().mode(SearchMode.ONE_OF).page(2)).violations())
                    .extracting(Violation::field).containsExactly("criteria");
        }

        @Test
        void aPageBelowOneIsRejected() {
            assertThat(rejectionOf(SearchCriteria.builder().phone("0888 123 456").page(0)).violations())
                    .containsExactly(new Violation("page", "the page must be 1 or more, got 0"));
        }

        @Test
        void everyBadValueIsReportedAtOnceEachOnItsField() {
            ValidationException e = rejectionOf(SearchCriteria.builder().phone("12").email("not-an-email")
                    .name("R2D2").site("not a site").page(-1));

            assertThat(e.violations()).extracting(Violation::field)
                    .containsExactlyInAnyOrder("phone", "email", "name", "siteUrl", "page");
            assertThat(e.violationsOf("email")).containsExactly(
                    new Violation("email", "an e-mail address needs exactly one '@'"));
            assertThat(e.violationsOf("name")).containsExactly(new Violation("name",
                    "a name may contain only letters, with spaces, hyphens, apostrophes or dots between them"));
            assertThat(e.violationsOf("siteUrl")).containsExactly(
                    new Violation("siteUrl", "a web address must not contain spaces or control characters"));
        }

        @Test
        void anUnparsableFilterIsReportedAsItselfNotAsAMissingFilter() {
            assertThat(rejectionOf(SearchCriteria.builder().phone("12")).violations())
                    .extracting(Violation::field).containsExactly("phone");
        }

        @Test
        void messagesNeverRepeatThePersonalDataTyped() {
            ValidationException e = rejectionOf(SearchCriteria.builder().phone("0888 12").email("ivan.petrov@abv")
                    .name("Иван2"));

            assertThat(e.getMessage()).doesNotContain("0888").doesNotContain("ivan.petrov").doesNotContain("Иван");
        }
    }

    @Nested
    class QueryValues {

        @Test
        void eachGivenFilterIsSentInTheFormTheServiceWants() {
            SearchCriteria criteria = SearchCriteria.builder().phone("0888 123 456").email(" Ivan@ABV.bg ")
                    .name("  Иван   Петров ").site(" https://www.example.bg/shop/ ").build();

            assertThat(criteria.queryValues()).isEqualTo(Map.of(
                    SearchField.PHONE, "359888123456",
                    SearchField.EMAIL, "ivan@abv.bg",
                    SearchField.NAME, "Иван Петров",
                    SearchField.SITE, "https://www.example.bg/shop/"));
        }

        @Test
        void thePhoneIsAlwaysItsDigitsWhateverTheWriting() {
            assertThat(SearchCriteria.builder().phone("+359 (0)888-123-456").build().queryValues())
                    .containsExactlyEntriesOf(Map.of(SearchField.PHONE, "359888123456"));
        }

        @Test
        void filtersNotGivenAreNotSent() {
            assertThat(SearchCriteria.builder().email("ivan@abv.bg").build().queryValues()).containsOnlyKeys(SearchField.EMAIL);
        }

        @Test
        void parameterNamesAreTheServices() {
            assertThat(SearchField.PHONE.parameter()).isEqualTo("phone");
            assertThat(SearchField.EMAIL.parameter()).isEqualTo("email");
            assertThat(SearchField.NAME.parameter()).isEqualTo("name");
            assertThat(SearchField.SITE.parameter()).isEqualTo("siteUrl");
        }
    }

    @Nested
    class IsSatisfiedBy {

        private final Report phoneOnly = report().phone("+359888123456").email("other@abv.bg").build();
        private final Report both = report().phone("+359888123456").email("ivan@abv.bg").build();
        private final Report neither = report().phone("+359888999999").email("other@abv.bg").build();

        @Test
        void allNeedsEveryFilterToMatch() {
            SearchCriteria all = SearchCriteria.builder().phone("0888 123 456").email("ivan@abv.bg").mode(SearchMode.ALL).build();

            assertThat(all.isSatisfiedBy(both)).isTrue();
            assertThat(all.isSatisfiedBy(phoneOnly)).isFalse();
            assertThat(all.isSatisfiedBy(neither)).isFalse();
        }

        @Test
        void oneOfNeedsAnyFilterToMatch() {
            SearchCriteria oneOf = SearchCriteria.builder().phone("0888 123 456").email("ivan@abv.bg").mode(SearchMode.ONE_OF)
                    .build();

            assertThat(oneOf.isSatisfiedBy(both)).isTrue();
            assertThat(oneOf.isSatisfiedBy(phoneOnly)).isTrue();
            assertThat(oneOf.isSatisfiedBy(neither)).isFalse();
        }

        @Test
        void aMatchCompatibleWithTheMaskCountsAsAMatch() {
            SearchCriteria all = SearchCriteria.builder().phone("0888 123 456").email("xxxxxivan@gmail.com")
                    .name("Нели").build();
            Report masked = report().phone("+359888123456").email("xxxxx****@gmail.com").firstName("Не**").build();

            assertThat(all.isSatisfiedBy(masked)).isTrue();
        }

        @Test
        void aSingleFilterIsSatisfiedTheSameWayInBothModes() {
            SearchCriteria all = SearchCriteria.builder().phone("0888 123 456").build();
            SearchCriteria oneOf = all.toBuilder().mode(SearchMode.ONE_OF).build();

            assertThat(all.isSatisfiedBy(phoneOnly)).isTrue();
            assertThat(oneOf.isSatisfiedBy(phoneOnly)).isTrue();
            assertThat(all.isSatisfiedBy(neither)).isFalse();
            assertThat(oneOf.isSatisfiedBy(neither)).isFalse();
        }
    }

    @Nested
    class PersonalData {

        @Test
        void toStringShowsWhichFiltersAreSetButNotTheirValues() {
            SearchCriteria criteria = SearchCriteria.builder().phone("0888 123 456").email("ivan.petrov@abv.bg")
                    .name("Иван Петров").site("https://www.example.bg/ivan-petrov").mode(SearchMode.ONE_OF).page(2).build();

            assertThat(criteria.toString())
                    .contains("phone=", "email=", "name=", "site=", "mode=ONE_OF", "page=2")
                    .doesNotContain("888123456")
                    .doesNotContain("ivan.petrov")
                    .doesNotContain("Иван")
                    .doesNotContain("Петров")
                    .doesNotContain("ivan-petrov");
        }

        @Test
        void toStringOmitsFiltersNotSetAndTheFirstPage() {
            assertThat(SearchCriteria.builder().email("ivan@abv.bg").build().toString())
                    .doesNotContain("phone=").doesNotContain("page=").contains("mode=ALL");
        }
    }
}
