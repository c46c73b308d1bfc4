package io.nekorekten4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nekorekten4j.domain.ValidationException;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

    @Test
    void quotedFieldsMayHoldCommasQuotesAndLineBreaks() {
        List<CsvReader.Row> rows = CsvReader.parse(
                "name,note,phone\r\n\"Петров, Иван\",\"каза \"\"не\"\"\nи затвори\",0888123456\r\nМария,,0899111222\r\n");
        assertThat(rows).extracting(CsvReader.Row::fields).containsExactly(
                List.of("name", "note", "phone"),
                List.of("Петров, Иван", "каза \"не\"\nи затвори", "0888123456"),
                List.of("Мария", "", "0899111222"));
    }

    @Test
    void eachRowKnowsTheLineItStartsOnEvenAfterAQuotedLineBreak() {
        List<CsvReader.Row> rows = CsvReader.parse("a,b\n\"x\ny\",1\nz,2");
        assertThat(rows).extracting(CsvReader.Row::line).containsExactly(1, 2, 4);
    }

    @Test
    void aByteOrderMarkIsSkippedAndTheLastLineNeedsNoLineBreak() {
        List<CsvReader.Row> rows = CsvReader.parse("\uFEFFphone\n0888123456");
        assertThat(rows).extracting(CsvReader.Row::fields).containsExactly(List.of("phone"), List.of("0888123456"));
    }

    @Test
    void semicolonsSeparateWhenTheHeaderHasNoComma() {
        List<CsvReader.Row> rows = CsvReader.parse("phone;name\n0888123456;\"Иванов; Иван\"\n");
        assertThat(rows.get(1).fields()).containsExactly("0888123456", "Иванов; Иван");
    }

    @Test
    void aQuoteInsideAnUnquotedFieldIsKept() {
        assertThat(CsvReader.parse("name\nИван \"Ванката\" Петров").get(1).fields())
                .containsExactly("Иван \"Ванката\" Петров");
    }

    @Test
    void anUnclosedQuoteIsRejectedWithItsLine() {
        assertThatThrownBy(() -> CsvReader.parse("name\n\"Иван\n"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("line 2").hasMessageContaining("never closed");
    }

    @Test
    void textAfterAClosingQuoteIsRejected() {
        assertThatThrownBy(() -> CsvReader.parse("name\n\"Иван\"x,1\n"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("line 2");
    }

    @Test
    void blankRowsAreMarkedBlank() {
        assertThat(CsvReader.parse("a,b\n,\n").get(1).isBlank()).isTrue();
    }
}
