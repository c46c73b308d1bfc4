package io.nekorekten4j.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EmailTest {

    private static final String LABEL_63 = "d".repeat(63);

    /** The single violation {@code Email.parse(text)} reports. */
    private static Violation rejectionOf(String text) {
        ValidationException e = catchThrowableOfType(ValidationException.class, () -> Email.parse(text));
        assertThat(e).as("rejection of \"%s\"", text).isNotNull();
        assertThat(e.violations()).hasSize(1);
        return e.violations().get(0);
    }

    @Nested
    class Normalisation {

        @Test
        void parseTrimsAndLowerCasesSoThatOnePersonIsOneAddress() {
            Email email = Email.parse("  Ivan.Petrov@ABV.bg\t");

            assertThat(email.value()).isEqualTo("ivan.petrov@abv.bg");
            assertThat(email).isEqualTo(Email.parse("ivan.petrov@abv.bg"));
            assertThat(email).hasSameHashCodeAs(Email.parse("IVAN.PETROV@ABV.BG"));
        }

        @Test
        void cyrillicAddressesAreLowerCasedToo() {
            assertThat(Email.parse("Иван@Поща.БГ").value()).isEqualTo("иван@поща.бг");
        }

        @Test
        void theConstructorTakesOnlyTheNormalisedForm() {
            ValidationException e = catchThrowableOfType(ValidationException.class, () -> new Email("Ivan@abv.bg"));

            assertThat(e.violations()).containsExactly(new Violation("email",
                    "an e-mail address must be trimmed and lower-case; use Email.parse"));
        }

        @Test
        void localPartAndDomainAreTheSidesOfTheAt() {
            Email email = Email.parse("ivan.petrov+shop@mail.abv.bg");

            assertThat(email.localPart()).isEqualTo("ivan.petrov+shop");
            assertThat(email.domain()).isEqualTo("mail.abv.bg");
        }
    }

    @Nested
    class Accepted {

        @ParameterizedTest(name = "[{index}] \"{0}\"")
        @ValueSource(strings = {
            "a@b.bg",
            "ivan.petrov@abv.bg",
            "ivan+shop@gmail.com",
            "first_last-1@sub.example.co.uk",
            "o'brien@example.ie",
            "иван@поща.бг",           // internationalised address (RFC 6531)
            "x1@xn--90ae.bg",
        })
        void realisticAddressesAreAccepted(String text) {
            assertThat(Email.parse(text).value()).isEqualTo(text);
            assertThat(Email.isValid(text)).isTrue();
        }

        @Test
        void aLocalPartOf64AndLabelsOf63CharactersAreAccepted() {
            String text = "l".repeat(64) + "@" + LABEL_63 + ".bg";

            assertThat(Email.parse(text).localPart()).hasSize(64);
        }

        @Test
        void anAddressOf254CharactersIsAccepted() {
            String domain = LABEL_63 + "." + LABEL_63 + "." + LABEL_63 + ".bg"; // 194 characters
            String text = "l".repeat(59) + "@" + domain;

            assertThat(text).hasSize(254);
            assertThat(Email.isValid(text)).isTrue();
        }
    }

    @Nested
    class Rejected {

        @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
        @CsvSource(delimiter = '|', quoteCharacter = '"', ignoreLeadingAndTrailingWhitespace = false, value = {
            "|an e-mail address must not be empty",
            "   |an e-mail address must not be empty",
            "ivan.abv.bg|an e-mail address needs exactly one '@'",
            "ivan@@abv.bg|an e-mail address needs exactly one '@'",
            "ivan@petrov@abv.bg|an e-mail address needs exactly one '@'",
            "@abv.bg|the part before '@' is not a valid mailbox name",
            ".ivan@abv.bg|the part before '@' is not a valid mailbox name",
            "ivan.@abv.bg|the part before '@' is not a valid mailbox name",
            "iv..an@abv.bg|the part before '@' is not a valid mailbox name",
            "iv an@abv.bg|the part before '@' is not a valid mailbox name",
            "<ivan>@abv.bg|the part before '@' is not a valid mailbox name",
            "ivan@|the domain after '@' needs a dot, e.g. abv.bg",
            "ivan@abv|the domain after '@' needs a dot, e.g. abv.bg",
            "ivan@abv..bg|the domain after '@' is not a valid host name",
            "ivan@.abv.bg|the domain after '@' is not a valid host name",
            "ivan@abv.bg.|the domain after '@' is not a valid host name",
            "ivan@-abv.bg|the domain after '@' is not a valid host name",
            "ivan@abv-.bg|the domain after '@' is not a valid host name",
            "ivan@ab_v.bg|the domain after '@' is not a valid host name",
            "ivan@ab v.bg|the domain after '@' is not a valid host name",
        })
        void eachBrokenRuleHasItsOwnMessageOnFieldEmail(String text, String message) {
            assertThat(rejectionOf(text == null ? "" : text)).isEqualTo(new Violation("email", message));
            assertThat(Email.isValid(text == null ? "" : text)).isFalse();
        }

        @Test
        void aLocalPartOf65CharactersIsRejected() {
            assertThat(rejectionOf("l".repeat(65) + "@abv.bg").message())
                    .isEqualTo("the part before '@' is not a valid mailbox name");
        }

        @Test
        void aDomainLabelOf64CharactersIsRejected() {
            assertThat(rejectionOf("ivan@" + "d".repeat(64) + ".bg").message())
                    .isEqualTo("the domain after '@' is not a valid host name");
        }

        @Test
        void anAddressOf255CharactersIsRejectedWithItsLength() {
            String domain = LABEL_63 + "." + LABEL_63 + "." + LABEL_63 + ".bg";
            String text = "l".repeat(60) + "@" + domain;

            assertThat(rejectionOf(text).message()).isEqualTo("an e-mail address is at most 254 characters, got 255");
        }

        @Test
        void theMessageNeverRepeatsTheAddress() {
            assertThat(rejectionOf("ivan.petrov@abv").message()).doesNotContain("ivan.petrov");
            assertThat(rejectionOf("ivan.petrov@abv")).hasToString("email: the domain after '@' needs a dot, e.g. abv.bg");
        }

        @Test
        void nullIsAProgrammingError() {
            assertThatNullPointerException().isThrownBy(() -> Email.parse(null)).withMessage("text");
            assertThatNullPointerException().isThrownBy(() -> new Email(null)).withMessage("value");
            assertThat(Email.isValid(null)).isFalse();
        }
    }

    @Nested
    class Masks {

        @Test
        void anAddressFitsTheServicesMaskOfIt() {
            Email email = Email.parse("xxxxxivan@gmail.com");

            assertThat(email.fitsMask("xxxxx****@gmail.com")).isTrue();
            assertThat(email.fitsMask("xxxxx****@abv.bg")).isFalse();
            assertThat(email.fitsMask("xxxxxivan@gmail.com")).isTrue();
            assertThat(email.fitsMask("yyyyy****@gmail.com")).isFalse();
        }
    }

    @Nested
    class PersonalData {

        @Test
        void toStringMasksTheLocalPart() {
            Email email = Email.parse("ivan.petrov@abv.bg");

            assertThat(email.toString()).isEqualTo("iv***@abv.bg").doesNotContain("ivan");
        }

        @ParameterizedTest(name = "[{index}] {0} -> {1}")
        @CsvSource({
            "a@b.bg, a***@b.bg",
            "ab@b.bg, a***@b.bg",
            "abc@b.bg, ab***@b.bg",
        })
        void shortLocalPartsShowAtMostOneCharacterInsteadOfAllOfThem(String text, String shown) {
            assertThat(Email.parse(text)).hasToString(shown);
        }
    }
}
