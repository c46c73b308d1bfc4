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
}
