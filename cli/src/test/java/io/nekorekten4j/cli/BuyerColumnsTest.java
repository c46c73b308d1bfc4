package io.nekorekten4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nekorekten4j.domain.ValidationException;
import io.nekorekten4j.ports.screening.Buyer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The buyer's columns, found by English or Bulgarian header names; the user's other columns left alone. */
class BuyerColumnsTest {

    private static BuyerColumns columns(String... header) {
        return BuyerColumns.of(new CsvSource.Record(1, List.of(header)));
    }

    @Test
    void bulgarianAndEnglishNamesInAnyCaseAndSpelling() {
        for (String phone : List.of("phone", "Телефон", "ТЕЛ.", "GSM", "Mobile Phone", "мобилен")) {
            assertThat(BuyerColumns.roleOf(phone)).as(phone).contains(BuyerColumns.Role.PHONE);
        }
        for (String email : List.of("email", "E-mail", "e_mail", "Имейл", "ел. поща", "Електронна поща")) {
            assertThat(BuyerColumns.roleOf(email)).as(email).contains(BuyerColumns.Role.EMAIL);
        }
        for (String name : List.of("Name", "име", "Име и фамилия", "Клиент", "Получател")) {
            assertThat(BuyerColumns.roleOf(name)).as(name).contains(BuyerColumns.Role.NAME);
        }
        for (String site : List.of("site", "Уебсайт", "сайт", "Facebook", "URL")) {
            assertThat(BuyerColumns.roleOf(site)).as(site).contains(BuyerColumns.Role.SITE);
        }
        assertThat(BuyerColumns.roleOf("фамилия")).contains(BuyerColumns.Role.LAST_NAME);
        for (String other : List.of("Поръчка", "номер", "Сума", "order", "note")) {
            assertThat(BuyerColumns.roleOf(other)).as(other).isEmpty();
        }
    }

    @Test
    void theBuyerIsReadFromItsColumnsAndANameFromFirstAndLast() {
        BuyerColumns columns = columns("Поръчка", "Име", "Фамилия", "Телефон", "Сума");
        Buyer buyer = columns.buyer(List.of("1001", " Иван ", "Петров", "0888 123 456", "12,50"));
        assertThat(buyer).isEqualTo(Buyer.builder().name("Иван Петров").phone("0888123456").build());
    }

    @Test
    void aSecondColumnOfTheSameMeaningIsNotedAndNotRead() {
        BuyerColumns columns = columns("телефон", "мобилен");
        assertThat(columns.ignoredDuplicates()).singleElement().asString().contains("мобилен").contains("телефон");
        assertThat(columns.buyer(List.of("0888123456", "12"))).isEqualTo(Buyer.builder().phone("0888123456").build());
    }

    @Test
    void aHeaderWithoutBuyerColumnsIsRefusedNamingTheAcceptedOnes() {
        assertThatThrownBy(() -> columns("order", "amount")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("line 1").hasMessageContaining("phone, email, name, site")
                .hasMessageContaining("телефон, имейл, име, сайт");
    }

    @Test
    void aRowWithoutAnyBuyerValueOrABadOneIsAValidationError() {
        BuyerColumns columns = columns("phone", "note");
        assertThatThrownBy(() -> columns.buyer(List.of("", "x"))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> columns.buyer(List.of("12", "x"))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("phone");
    }
}
