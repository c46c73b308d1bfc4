package io.nekorekten4j.fake;

import static org.assertj.core.api.Assertions.assertThat;

import io.nekorekten4j.domain.Mask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The masking rule: keep the first ⌈n/2⌉ characters, one '*' for each other one. */
class FakeMaskingTest {

    @ParameterizedTest
    @CsvSource(quoteCharacter = '"', value = {
        "Нели, Не**",
        "Желязкова, Желяз****",
        "Иван, Ив**",
        "Петров, Пет***",
        "Я, Я",
        "Ян, Я*",
        "Петрова-Иванова, Петр***-Иван***",
        "Анна Мария, Ан** Мар**",
        "O'Neil, O'Ne**",
    })
    void namesAreMaskedWordByWord(String name, String masked) {
        assertThat(Masking.name(name)).isEqualTo(masked);
    }

    @ParameterizedTest
    @CsvSource({
        "xxxxxyyyy@gmail.com, xxxxx****@gmail.com",
        "ivan@example.bg, iv**@example.bg",
        "a@abv.bg, a@abv.bg",
        "ab@abv.bg, a*@abv.bg",
        "иван@пример.бг, ив**@пример.бг",
    })
    void emailsKeepHalfTheLocalPartAndTheDomain(String email, String masked) {
        assertThat(Masking.email(email)).isEqualTo(masked);
    }

    @Test
    void maskedValuesStayCompatibleWithTheOriginalUnderTheDomainsMaskRule() {
        for (String name : new String[] {"Нели", "Желязкова", "Ян", "Петрова-Иванова"}) {
            for (String word : name.split("-")) {
                assertThat(Masking.name(word)).satisfies(m -> assertThat(Mask.compatible(m, word)).isTrue());
            }
        }
        assertThat(Mask.compatible(Masking.email("xxxxxyyyy@gmail.com"), "xxxxxyyyy@gmail.com")).isTrue();
    }

    @Test
    void lettersOutsideTheBasicPlaneCountAsOneCharacter() {
        String name = "𐐀𐐁𐐂𐐃"; // four Deseret letters, each a surrogate pair

        assertThat(Masking.name(name)).isEqualTo("𐐀𐐁**");
    }
}
