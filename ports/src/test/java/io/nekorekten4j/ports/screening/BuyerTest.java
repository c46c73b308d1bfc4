package io.nekorekten4j.ports.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.nekorekten4j.domain.Email;
import io.nekorekten4j.domain.PersonName;
import io.nekorekten4j.domain.Phone;
import io.nekorekten4j.domain.SearchCriteria;
import io.nekorekten4j.domain.SearchField;
import io.nekorekten4j.domain.SearchMode;
import io.nekorekten4j.domain.ValidationException;
import io.nekorekten4j.domain.Violation;
import io.nekorekten4j.domain.WebAddress;
import org.junit.jupiter.api.Test;

class BuyerTest {

    @Test
    void aBuyerWithoutAnyFieldIsRejectedUnderFieldBuyer() {
        ValidationException e = catchThrowableOfType(() -> Buyer.builder().build(), ValidationException.class);

        assertThat(e.violations()).extracting(Violation::field).containsExactly("buyer");
    }

    @Test
    void clearingTheOnlyFieldLeavesABuyerWithoutAnyField() {
        ValidationException e = catchThrowableOfType(
                () -> Buyer.builder().phone("0888 123 456").phone((String) null).build(), ValidationException.class);

        assertThat(e.violations()).extracting(Violation::field).containsExactly("buyer");
    }

    @Test
    void aBadPhoneAndABadEmailAreReportedTogether() {
        ValidationException e = catchThrowableOfType(
                () -> Buyer.builder().phone("12").email("not an e-mail").build(), ValidationException.class);

        assertThat(e.violations()).extracting(Violation::field).containsExactly("phone", "email");
        assertThat(e.violations()).allSatisfy(v -> assertThat(v.message()).isNotBlank());
    }

    @Test
    void everyBadTextIsReportedUnderItsField() {
        ValidationException e = catchThrowableOfType(() -> Buyer.builder()
                .phone("abc").email("@").name("R2-D2").site("not a site").build(), ValidationException.class);

        assertThat(e.violations()).extracting(Violation::field).containsExactly("phone", "email", "name", "siteUrl");
    }

    @Test
    void textIsParsedLikeTheTypedValues() {
        Buyer typed = Buyer.builder().phone(Phone.parse("0888 123 456")).email(Email.parse("ivan@abv.bg"))
                .name(PersonName.parse("Иван Петров")).site(WebAddress.parse("shop.bg")).build();
        Buyer text = Buyer.builder().phone("0888 123 456").email("ivan@abv.bg").name("Иван Петров").site("shop.bg").build();

        assertThat(text).isEqualTo(typed);
        assertThat(text.phone()).contains(Phone.parse("0888 123 456"));
        assertThat(text.email()).contains(Email.parse("ivan@abv.bg"));
        assertThat(text.name()).contains(PersonName.parse("Иван Петров"));
        assertThat(text.site()).contains(WebAddress.parse("shop.bg"));
    }

    @Test
    void fieldsNotGivenAreEmpty() {
        Buyer buyer = Buyer.builder().email("ivan@abv.bg").build();

        assertThat(buyer.phone()).isEmpty();
        assertThat(buyer.name()).isEmpty();
        assertThat(buyer.site()).isEmpty();
    }

    @Test
    void aPhoneWrittenInAnyFormIsOneBuyer() {
        Buyer national = Buyer.builder().phone("0888 123 456").build();
        Buyer international = Buyer.builder().phone("+359888123456").build();
        Buyer digits = Buyer.builder().phone("359 888 123 456").build();

        assertThat(international).isEqualTo(national).hasSameHashCodeAs(national);
        assertThat(digits).isEqualTo(national).hasSameHashCodeAs(national);
    }

    @Test
    void emailsNamesAndSitesAreComparedNormalised() {
        Buyer one = Buyer.builder().email("Ivan@ABV.bg").name("  Иван   Петров ").site("https://www.Shop.bg/").build();
        Buyer other = Buyer.builder().email("ivan@abv.bg").name("иван петров").site("shop.bg").build();

        assertThat(other).isEqualTo(one).hasSameHashCodeAs(one);
    }

    @Test
    void buyersWithDifferentFieldsDiffer() {
        Buyer phoneOnly = Buyer.builder().phone("0888 123 456").build();

        assertThat(Buyer.builder().phone("0888 123 456").email("ivan@abv.bg").build()).isNotEqualTo(phoneOnly);
        assertThat(Buyer.builder().phone("0888 123 457").build()).isNotEqualTo(phoneOnly);
        assertThat(Buyer.builder().email("ivan@abv.bg").build()).isNotEqualTo(phoneOnly);
        assertThat(phoneOnly).isNotEqualTo(null).isNotEqualTo("0888 123 456");
    }

    @Test
    void theSearchIsOneOfOverEveryGivenFieldOnPageOne() {
        SearchCriteria criteria = Buyer.builder().phone("0888 123 456").email("ivan@abv.bg").name("Иван Петров")
                .site("shop.bg").build().toCriteria();

        assertThat(criteria.mode()).isEqualTo(SearchMode.ONE_OF);
        assertThat(criteria.page()).isEqualTo(1);
        assertThat(criteria.fields()).containsExactly(SearchField.PHONE, SearchField.EMAIL, SearchField.NAME, SearchField.SITE);
        assertThat(criteria.queryValues()).containsEntry(SearchField.PHONE, "359888123456")
                .containsEntry(SearchField.EMAIL, "ivan@abv.bg");
    }

    @Test
    void theSearchHoldsOnlyTheGivenFields() {
        SearchCriteria criteria = Buyer.builder().email("ivan@abv.bg").build().toCriteria();

        assertThat(criteria.fields()).containsExactly(SearchField.EMAIL);
        assertThat(criteria.mode()).isEqualTo(SearchMode.ONE_OF);
    }

    @Test
    void toStringShowsNoPersonalData() {
        Buyer buyer = Buyer.builder().phone("0888 123 456").email("ivan.petrov@abv.bg").name("Иван Петров")
                .site("https://shop.bg/profile/ivan.petrov").build();

        String shown = buyer.toString();

        assertThat(shown).startsWith("Buyer[").contains("phone=", "email=", "name=", "site=shop.bg")
                .doesNotContain("888123456", "123 456", "ivan.petrov", "Иван", "Петров");
    }

    @Test
    void aNullValueClearsItsField() {
        Buyer buyer = Buyer.builder().phone("0888 123 456").email((Email) null).name((PersonName) null)
                .site((WebAddress) null).build();

        assertThat(buyer.email()).isEmpty();
        assertThat(buyer.toString()).doesNotContain("email");
    }
}
