package io.nekorekten4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nekorekten4j.domain.ValidationException;
import io.nekorekten4j.ports.screening.Buyer;
import java.util.List;
import org.junit.jupiter.api.Test;

class BuyerCsvTest {

    private static List<BuyerCsv.Entry> buyers(String csv) {
        return BuyerCsv.buyers(CsvReader.parse(csv));
    }

    @Test
    void columnsAreFoundByHeaderNameInAnyCaseAndOrderAndOthersAreIgnored() {
        List<BuyerCsv.Entry> entries = buyers("Order,E-Mail Note, EMAIL ,Phone\n42,x,ivan@example.bg,0888 123 456\n");
        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.buyer()).isEqualTo(Buyer.builder().phone("+359888123456").email("ivan@example.bg").build());
            assertThat(e.values()).containsEntry("phone", "0888 123 456").containsEntry("email", "ivan@example.bg");
        });
    }

    @Test
    void blankRowsAreSkippedAndMissingTrailingFieldsAreEmpty() {
        List<BuyerCsv.Entry> entries = buyers("phone,name\n\n0888123456\n,Иван Петров\n");
        assertThat(entries).extracting(BuyerCsv.Entry::line).containsExactly(3, 4);
        assertThat(entries.get(1).buyer().phone()).isEmpty();
    }

    @Test
    void everyBadRowIsReportedWithItsLineBeforeAnythingIsSent() {
        assertThatThrownBy(() -> buyers("phone,email,other\n123,,\n0888123456,not-an-email,\n,,x\n"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.field()).containsExactly("line 2: phone", "line 3: email", "line 4: buyer"));
    }

    @Test
    void aHeaderWithoutAnyBuyerColumnIsRejected() {
        assertThatThrownBy(() -> buyers("telephone,mail\n0888123456,a@b.bg\n"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("none of the columns phone, email, name, site");
    }

    @Test
    void aFileWithoutRowsIsRejected() {
        assertThatThrownBy(() -> buyers("phone\n")).isInstanceOf(ValidationException.class).hasMessageContaining("no buyers");
        assertThatThrownBy(() -> buyers("")).isInstanceOf(ValidationException.class).hasMessageContaining("empty");
    }

    @Test
    void aThousandBadRowsMakeAShortMessage() {
        StringBuilder csv = new StringBuilder("phone\n");
        for (int i = 0; i < 1000; i++) {
            csv.append("123\n");
        }
        assertThatThrownBy(() -> buyers(csv.toString()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations()).hasSize(11))
                .hasMessageContaining("and 990 more problems");
    }
}
