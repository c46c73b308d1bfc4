package io.nekorekten4j.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PersonNameTest {

    private static final String ONLY_LETTERS =
            "a name may contain only letters, with spaces, hyphens, apostrophes or dots between them";

    private static Violation rejectionOf(String text) {
        ValidationException e = catchThrowableOfType(ValidationException.class, () -> PersonName.parse(text));
        assertThat(e).as("rejection of \"%s\"", text).isNotNull();
        assertThat(e.violations()).hasSize(1);
        return e.violations().get(0);
    }

    @Nested
    class Normalisation {

        @Test
        void parseTrimsAndCollapsesInnerWhitespace() {
            assertThat(PersonName.parse("  Иван \t  Петров\n").value()).isEqualTo("Иван Петров");
        }

        @Test
        void theCaseIsKept() {
            assertThat(PersonName.parse("иВАН").value()).isEqualTo("иВАН");
        }

        @Test
        void theConstructorTakesOnlyTheNormalisedForm() {
            ValidationException e = catchThrowableOfType(ValidationException.class, () -> new PersonName("Иван  Петров"));

            assertThat(e.violations()).containsExactly(
                    new Violation("name", "a name must be trimmed with single spaces; use PersonName.parse"));
        }

        @Test
        void equalNamesAreEqual() {
            assertThat(PersonName.parse(" Иван  Петров ")).isEqualTo(new PersonName("Иван Петров"));
        }
    }

    @Nested
    class Accepted {

        @ParameterizedTest(name = "[{index}] \"{0}\"")
        @ValueSource(strings = {
            "Иван",
            "Петров-Иванов",
            "Мария-Магдалена Иванова",
            "O'Brien",
            "D’Artagnan",
            "J. R. R. Tolkien",
            "Tolkien Jr.",
            "José",
            "Jose\u0301",       // combining acute accent
            "Иван - Петров",
        })
        void namesOfAnyScriptWithSeparatorsBetweenLettersAreAccepted(String text) {
            assertThat(PersonName.parse(text).value()).isEqualTo(text);
        }

        @Test
        void aNameOf100CharactersIsAccepted() {
            assertThat(PersonName.parse("Я".repeat(100)).value()).hasSize(PersonName.MAX_LENGTH);
        }
    }

    @Nested
    class Rejected {

        @ParameterizedTest(name = "[{index}] \"{0}\"")
        @ValueSource(strings = {"", "   ", "\t\n"})
        void aBlankNameIsRejected(String text) {
            assertThat(rejectionOf(text)).isEqualTo(new Violation("name", "a name must not be blank"));
        }

        @ParameterizedTest(name = "[{index}] \"{0}\"")
        @ValueSource(strings = {
            "Иван2",
            "R2D2",
            "Иван_Петров",
            "Иван!",
            "@ivan",
            "-Иван",
            "Иван-",
            "Иван..",
            "'Иван",
            "Не**",
            "Иван, Петров",
        })
        void anythingButLettersWithSeparatorsBetweenThemIsRejected(String text) {
            assertThat(rejectionOf(text)).isEqualTo(new Violation("name", ONLY_LETTERS));
        }

        @Test
        void aNameOf101CharactersIsRejectedWithItsLength() {
            assertThat(rejectionOf("Я".repeat(101)))
                    .isEqualTo(new Violation("name", "a name is at most 100 characters, got 101"));
        }

        @Test
        void theMessageNeverRepeatsTheName() {
            assertThat(rejectionOf("Иван2").message()).doesNotContain("Иван");
        }

        @Test
        void nullIsAProgrammingError() {
            assertThatNullPointerException().isThrownBy(() -> PersonName.parse(null)).withMessage("text");
            assertThatNullPointerException().isThrownBy(() -> new PersonName(null)).withMessage("value");
        }
    }

    @Nested
    class Tokens {

        @Test
        void tokensAreTheLowerCaseWords() {
            assertThat(PersonName.parse("Иван Петров-Иванов").tokens()).containsExactly("иван", "петров", "иванов");
        }

        @Test
        void apostrophesAndDotsSplitWordsToo() {
            assertThat(PersonName.parse("J. O'Brien").tokens()).containsExactly("j", "o", "brien");
        }

        @Test
        void maskedWordsKeepTheirAsterisksSoTheyCanBeComparedWithMask() {
            assertThat(PersonName.tokens("Не**  Желяз****")).containsExactly("не**", "желяз****");
        }

        @Test
        void textWithoutLettersHasNoTokens() {
            assertThat(PersonName.tokens("")).isEmpty();
            assertThat(PersonName.tokens(" - 12 . ")).isEmpty();
        }
    }

    @Nested
    class PersonalData {

        @Test
        void toStringShowsOnlyTheFirstLetter() {
            PersonName name = PersonName.parse("Иван Петров");

            assertThat(name).hasToString("И***");
            assertThat(name.toString()).doesNotContain("Иван").doesNotContain("Петров");
        }
    }

    @Test
    void noBreakSpacesPastedFromWebPagesCountAsSpaces() {
        assertThat(PersonName.parse("\u00A0Иван\u00A0\u00A0Петров\u00A0").value()).isEqualTo("Иван Петров");
    }
}
