package io.nekorekten4j.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.Test;

class ServerTextTest {

    @Test
    void lineBreaksOfEveryKindBecomeOneSpace() {
        assertThat(ServerText.sanitise("a\r\nb\u0085c\u2028d\u2029e\tf\u000Bg\fh  \n  i"))
                .isEqualTo("a b c d e f g h i");
    }

    @Test
    void controlsDelAndC1AreEscapedVisibly() {
        assertThat(ServerText.sanitise("\u001B[31mred\u0007\u0000\u007F\u009B"))
                .isEqualTo("\\u001B[31mred\\u0007\\u0000\\u007F\\u009B");
    }

    @Test
    void bidiOverridesIsolatesAndInvisibleCharactersAreEscaped() {
        assertThat(ServerText.sanitise("evil\u202Etxt.exe\u2066x\u2069\u200B\uFEFF"))
                .isEqualTo("evil\\u202Etxt.exe\\u2066x\\u2069\\u200B\\uFEFF");
        assertThat(ServerText.sanitise("tag\uDB40\uDC41")).isEqualTo("tag\\u{E0041}");
    }

    @Test
    void unpairedSurrogatesAndNoncharactersAreEscapedAndTheReplacementCharacterIsKept() {
        assertThat(ServerText.sanitise("a\uD800b\uDC00c\uFFFE\uFFFD")).isEqualTo("a\\uD800b\\uDC00c\\uFFFE\uFFFD");
    }

    @Test
    void printableTextCyrillicAndEmojiIsKeptAsItIs() {
        String text = "Невалиден телефон 0888 123 456 😀 — „кавички“";
        assertThat(ServerText.sanitise(text)).isEqualTo(text);
    }

    @Test
    void aLongTextIsCutToTheCapWithAnEllipsisThatCounts() {
        assertThat(ServerText.sanitise("x".repeat(600))).hasSize(ServerText.DEFAULT_MAX_LENGTH).endsWith("…");
        assertThat(ServerText.sanitise("abcdef", 4)).isEqualTo("abc…");
        assertThat(ServerText.sanitise("abc", 3)).isEqualTo("abc");
        assertThat(ServerText.sanitise("abcd", 1)).isEqualTo("…");
    }

    @Test
    void aCutDropsAWholeEscapeOrEmojiRatherThanHalfOfIt() {
        assertThat(ServerText.sanitise("ab\u001Bcdef", 8)).isEqualTo("ab…");
        assertThat(ServerText.sanitise("ab😀cd", 4)).isEqualTo("ab…");
    }

    @Test
    void argumentsAreChecked() {
        assertThatNullPointerException().isThrownBy(() -> ServerText.sanitise(null)).withMessage("text");
        assertThatIllegalArgumentException().isThrownBy(() -> ServerText.sanitise("x", 0))
                .withMessageContaining("maxLength");
    }

    @Test
    void textThatIsAlreadySafeComesBackAsItIsWithoutACopy() {
        for (String plain : new String[] {"GET", "/api/v1/reports", "Иван Петров", "a b c", "😀 ok", ""}) {
            assertThat(ServerText.sanitise(plain, 200)).isSameAs(plain);
        }
    }

    @Test
    void textThatOnlyLooksSafeIsStillNormalised() {
        assertThat(ServerText.sanitise(" a", 200)).isEqualTo("a");
        assertThat(ServerText.sanitise("a ", 200)).isEqualTo("a");
        assertThat(ServerText.sanitise("a  b", 200)).isEqualTo("a b");
        assertThat(ServerText.sanitise("a\tb", 200)).isEqualTo("a b");
        assertThat(ServerText.sanitise("a\u202Eb", 200)).isEqualTo("a\\u202Eb");
        assertThat(ServerText.sanitise("abcdef", 4)).isEqualTo("abc…");
        assertThat(ServerText.sanitise("a😀b", 200)).isEqualTo("a😀b");
    }

    @Test
    void escapesHaveFourHexDigitsUpToFFFFAndFiveOrSixInBracesAbove() {
        assertThat(ServerText.sanitise("a\uFFFFb")).isEqualTo("a\\uFFFFb");
        assertThat(ServerText.sanitise("a" + Character.toString(0x1FFFE) + "b")).isEqualTo("a\\u{1FFFE}b");
        assertThat(ServerText.sanitise("a" + Character.toString(0xFFFFF) + "b")).isEqualTo("a\\u{FFFFF}b");
        assertThat(ServerText.sanitise("a" + Character.toString(0x10FFFE) + "b")).isEqualTo("a\\u{10FFFE}b");
    }

    @Test
    void theNoncharacterBlockIsEscapedFromItsFirstToItsLastCodePointAndItsNeighboursAreKept() {
        assertThat(ServerText.sanitise("x\uFDD0y")).isEqualTo("x\\uFDD0y");
        assertThat(ServerText.sanitise("x\uFDEFy")).isEqualTo("x\\uFDEFy");
        assertThat(ServerText.sanitise("x\uFDCFy")).isEqualTo("x\uFDCFy");
        assertThat(ServerText.sanitise("x\uFDF0y")).isEqualTo("x\uFDF0y");
    }

    @Test
    void aCutDropsAWholeEscapeWhateverItsHexDigits() {
        // Escapes whose digits are the ends of the ranges 0-9 and A-F, each where the cut falls.
        for (String c : new String[] {"\u0090", "\u009F", "\u00AD", "\uFDEF", "\u200F"}) {
            assertThat(ServerText.sanitise("ab" + c + "cd", 8)).as("U+%04X", (int) c.charAt(0)).isEqualTo("ab…");
        }
        assertThat(ServerText.sanitise("ab" + Character.toString(0xE0001) + "cd", 11)).isEqualTo("ab…");
        assertThat(ServerText.sanitise("ab" + Character.toString(0x10FFFF) + "cd", 12)).isEqualTo("ab…");
    }

    @Test
    void aCutDropsAnEscapeOrEmojiThatIsAllTheTextKept() {
        assertThat(ServerText.sanitise("\u0007ab", 6)).isEqualTo("…");
        assertThat(ServerText.sanitise("\u0007ab", 7)).isEqualTo("\\u0007…");
        assertThat(ServerText.sanitise(Character.toString(0xE0001) + "ab", 9)).isEqualTo("…");
        assertThat(ServerText.sanitise("😀ab", 2)).isEqualTo("…");
        assertThat(ServerText.sanitise("😀ab", 3)).isEqualTo("😀…");
    }

    @Test
    void textThatOnlyLooksLikeAnEscapeIsCutLikeAnyText() {
        assertThat(ServerText.sanitise("ab\\u12G4cd", 8)).isEqualTo("ab\\u12G…");
        assertThat(ServerText.sanitise("ab\\u{}cd", 6)).isEqualTo("ab\\u{…");
    }

    @Test
    void aTextExactlyAtTheCapIsKeptWholeAndAsItIs() {
        String plain = "Сигналът не е намерен.";

        assertThat(ServerText.sanitise(plain, plain.length())).isSameAs(plain);
        assertThat(ServerText.sanitise("ab\u0007", 8)).isEqualTo("ab\\u0007");
    }

    @Test
    void noSpaceIsLeftBeforeTheEllipsis() {
        assertThat(ServerText.sanitise("ab cdef", 4)).isEqualTo("ab…");
    }
}
