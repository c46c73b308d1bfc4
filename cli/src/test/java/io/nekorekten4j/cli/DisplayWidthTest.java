package io.nekorekten4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DisplayWidthTest {

    @Test
    void cyrillicLettersTakeOneColumnEach() {
        assertThat(DisplayWidth.of("Желязкова")).isEqualTo(9);
    }

    @Test
    void combiningMarksTakeNoColumn() {
        String decomposedShortI = "И\u0306ван"; // И + combining breve: drawn as Йван
        assertThat(decomposedShortI.length()).isEqualTo(5);
        assertThat(DisplayWidth.of(decomposedShortI)).isEqualTo(4);
    }

    @Test
    void aSurrogatePairIsOneCodePointNotTwoColumnsOfUtf16() {
        String mathBold = "\uD835\uDC00"; // U+1D400, one narrow letter outside the BMP
        assertThat(mathBold.length()).isEqualTo(2);
        assertThat(DisplayWidth.of(mathBold)).isEqualTo(1);
    }

    @Test
    void wideEastAsianCharactersAndEmojiTakeTwoColumns() {
        assertThat(DisplayWidth.of("漢字")).isEqualTo(4);
        assertThat(DisplayWidth.of("\uD83D\uDE00")).isEqualTo(2);
    }

    @Test
    void truncateCutsToTheColumnsWithAnEllipsisAndKeepsMarksWithTheirLetter() {
        assertThat(DisplayWidth.truncate("Поръча лаптоп", 7)).isEqualTo("Поръча…");
        assertThat(DisplayWidth.truncate("И\u0306ван Петров", 3)).isEqualTo("И\u0306в…");
        assertThat(DisplayWidth.truncate("кратко", 10)).isEqualTo("кратко");
    }

    @Test
    void truncateNeedsAtLeastOneColumn() {
        assertThatThrownBy(() -> DisplayWidth.truncate("x", 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void padCountsDisplayColumns() {
        assertThat(DisplayWidth.pad("И\u0306", 3)).isEqualTo("И\u0306  ");
    }
}
