package io.nekorekten4j.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.nekorekten4j.domain.InvalidPhoneException.Reason;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneTest {

    private static final String MOBILE = "359888123456";

    private static InvalidPhoneException rejectionOf(String text) {
        InvalidPhoneException e = catchThrowableOfType(InvalidPhoneException.class, () -> Phone.parse(text));
        assertThat(e).as("rejection of \"%s\"", text).isNotNull();
        return e;
    }

    /** The merchant-facing message of the single violation. */
    private static String messageOf(InvalidPhoneException e) {
        assertThat(e.violations()).hasSize(1);
        return e.violations().get(0).message();
    }

    @Nested
    class AcceptedFormats {

        @ParameterizedTest(name = "[{index}] \"{0}\"")
        @ValueSource(strings = {
            "0888123456",            // national, trunk 0
            "888123456",             // national, no trunk 0
            "0888 123 456",          // spaces
            "0888-123-456",          // dashes
            "0888.123.456",          // dots
            "0888/123 456",          // slash
            "(0888) 123 456",        // parentheses
            "+359888123456",         // E.164
            "+359 888 123 456",      // international with spaces
            "+359 (0)888 123 456",   // trunk 0 kept after the country code
            "(+359) 888-123-456",    // '+' inside a bracket
            "00359888123456",        // international prefix 00
            "00 359 888 123 456",
            "359888123456",          // country code without '+'
            "359 888 123 456",
            "  0888 123 456\t",      // surrounding whitespace
            "0888\u00A0123\u00A0456", // no-break spaces (copied from web pages)
            "0888–123–456",          // en dashes (word processors)
        })
        void everyWayOfWritingAMobileNumberGivesTheSameDigits(String text) {
            Phone phone = Phone.parse(text);

            assertThat(phone.digits()).isEqualTo(MOBILE);
            assertThat(Phone.isValid(text)).isTrue();
        }

        @Test
        void theFourUsualFormsAreEqual() {
            Phone national = Phone.parse("0888 123 456");

            assertThat(Phone.parse("+359 88 812 3456")).isEqualTo(national).hasSameHashCodeAs(national);
            assertThat(Phone.parse("359888123456")).isEqualTo(national).hasSameHashCodeAs(national);
            assertThat(Phone.parse("00359888123456")).isEqualTo(national).hasSameHashCodeAs(national);
            assertThat(Phone.of("+359888123456")).isEqualTo(national);
        }

        @Test
        void differentNumbersAreNotEqual() {
            assertThat(Phone.parse("0888123456")).isNotEqualTo(Phone.parse("0888123457"));
            assertThat(Phone.parse("0888123456")).isNotEqualTo("359888123456");
        }

        @Test
        void bareCountryCodeIsNotTakenWhenTheWholeIsAValidNationalNumber() {
            // 3591234 is a landline number in the 35 block, not +359 1234.
            assertThat(Phone.parse("3591234").digits()).isEqualTo("3593591234");
        }

        @Test
        void foreignNumbersAreReadInternationally() {
            Phone berlin = Phone.parse("+49 (0)30 1234567");

            assertThat(berlin.countryCallingCode()).isEqualTo(49);
            assertThat(berlin.nationalNumber()).isEqualTo("301234567");
            assertThat(berlin.isBulgarian()).isFalse();
            assertThat(berlin.isMobile()).isFalse();
            assertThat(Phone.parse("0049 30 1234567")).isEqualTo(berlin);
        }

        @Test
        void nationalInputUsesTheGivenDefaultCountry() {
            assertThat(Phone.parse("030 1234567", 49).e164()).isEqualTo("+49301234567");
        }

        @Test
        void theTrunkZeroIsKeptWhereTheCountryHasNone() {
            // Italian numbers start with 0 and keep it internationally (+39 06 …).
            assertThat(Phone.parse("06 1234 5678", 39).e164()).isEqualTo("+390612345678");
            assertThat(Phone.parse("+39 06 1234 5678").e164()).isEqualTo("+390612345678");
        }

        @Test
        void internationalInputIgnoresTheDefaultCountry() {
            assertThat(Phone.parse("+359888123456", 49).digits()).isEqualTo(MOBILE);
        }

        @Test
        void unknownDefaultCountryIsAProgrammingError() {
            assertThatThrownBy(() -> Phone.parse("0888123456", 999))
                    .isExactlyInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("999");
        }
    }

    @Nested
    class Accessors {

        @Test
        void partsOfABulgarianMobileNumber() {
            Phone phone = Phone.parse("0888 123 456");

            assertThat(phone.digits()).isEqualTo("359888123456");
            assertThat(phone.e164()).isEqualTo("+359888123456");
            assertThat(phone.countryCallingCode()).isEqualTo(Phone.BULGARIA).isEqualTo(359);
            assertThat(phone.nationalNumber()).isEqualTo("888123456");
            assertThat(phone.isBulgarian()).isTrue();
            assertThat(phone.isMobile()).isTrue();
        }

        @ParameterizedTest(name = "[{index}] {0} mobile={1}")
        @CsvSource({
            "0878123456, true",   // 87
            "0898123456, true",   // 89
            "0988123456, true",   // 98
            "043712345,  true",   // 43x, 8 digits
            "0999123456, true",   // 999
            "02 981 2345, false", // Sofia
            "032 123 456, false", // Plovdiv
            "052 123 456, false", // Varna
            "056 123 456, false", // Burgas
            "0800 12345, false",  // toll-free
            "0700 12345, false",  // shared cost
            "0900 12345, false",  // premium rate
        })
        void mobileIsTheBulgarianMobileRangesOnly(String text, boolean mobile) {
            assertThat(Phone.parse(text).isMobile()).isEqualTo(mobile);
        }
    }

    @Nested
    class Of {

        @Test
        void acceptsDigitsWithCountryCodeWithOrWithoutPlus() {
            assertThat(Phone.of("359888123456").e164()).isEqualTo("+359888123456");
            assertThat(Phone.of("+359888123456").digits()).isEqualTo(MOBILE);
        }

        @ParameterizedTest
        @ValueSource(strings = {"+359 888 123 456", "359-888-123456", "", "+", "++359888123456", "359888123456x"})
        void refusesAnythingButTheExactForm(String text) {
            assertThatThrownBy(() -> Phone.of(text))
                    .isInstanceOfSatisfying(InvalidPhoneException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.NOT_A_NUMBER));
        }

        @Test
        void nationalFormIsNotExact() {
            // "0888…" has no country code: 0 starts no code.
            assertThatThrownBy(() -> Phone.of("0888123456"))
                    .isInstanceOfSatisfying(InvalidPhoneException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_COUNTRY_CODE));
        }

        @Test
        void dropsNoTrunkZero() {
            assertThatThrownBy(() -> Phone.of("3590888123456"))
                    .isInstanceOfSatisfying(InvalidPhoneException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_AREA_CODE));
        }

        @Test
        void validatesLikeParse() {
            assertThatThrownBy(() -> Phone.of("35988812345"))
                    .isInstanceOfSatisfying(InvalidPhoneException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.TOO_SHORT));
        }

        @Test
        void rejectsNull() {
            assertThatNullPointerException().isThrownBy(() -> Phone.of(null))
                    .withMessage("digitsWithCountryCode");
        }
    }

    @Nested
    class Reasons {

        @ParameterizedTest(name = "[{index}] \"{0}\"")
        @ValueSource(strings = {"", "   ", "\t", "call me", "0888 CALL ME", "0888123456 ext. 12", "0888#123456",
            "+", "()", "-", "0888+123456", "++359888123456", "tel:+359888123456", "٠٨٨٨١٢٣٤٥٦"})
        void notANumber(String text) {
            InvalidPhoneException e = rejectionOf(text);

            assertThat(e.reason()).isEqualTo(Reason.NOT_A_NUMBER);
            assertThat(Phone.isValid(text)).isFalse();
        }

        @Test
        void nullIsAProgrammingError() {
            assertThatNullPointerException().isThrownBy(() -> Phone.parse(null)).withMessage("text");
            assertThatNullPointerException().isThrownBy(() -> Phone.parse(null, 49)).withMessage("text");
            assertThat(Phone.isValid(null)).isFalse();
        }

        @ParameterizedTest
        @ValueSource(strings = {"+999 123 4567", "00 999 1234567", "+0888123456", "+28 1234567", "+3881234567"})
        void invalidCountryCode(String text) {
            assertThat(rejectionOf(text).reason()).isEqualTo(Reason.INVALID_COUNTRY_CODE);
        }

        @ParameterizedTest
        @CsvSource({
            "0888 123 45,      9 digits expected after +359, got 8",   // mobile one short
            "043 712 34,       8 digits expected after +359, got 7",   // 43x mobile
            "02 123 4,         6 to 8 digits expected after +359, got 5", // Sofia
            "032 12 34,        7 to 8 digits expected after +359, got 6", // Plovdiv
            "0800 1234,        8 digits expected after +359, got 7",   // toll-free
            "+359 8,           at least 7 digits expected after +359, got 1",
            "+359,             at least 6 digits expected after +359, got 0",
            "+49 123,          at least 4 digits expected after +49, got 3",
            "+3,               a country calling code and a number are expected",
        })
        void tooShort(String text, String expectedInMessage) {
            InvalidPhoneException e = rejectionOf(text);

            assertThat(e.reason()).isEqualTo(Reason.TOO_SHORT);
            assertThat(messageOf(e)).contains(expectedInMessage);
        }

        @ParameterizedTest
        @CsvSource({
            "0888 123 4567,            9 digits expected after +359, got 10",
            "02 123 456 78,            6 to 8 digits expected after +359, got 9",
            "052 123 4567,             7 to 8 digits expected after +359, got 9",
            "0700 123 456,             8 digits expected after +359, got 9",
            "0900 123 456,             8 digits expected after +359, got 9",
            "+49 1234 5678 9012 34,    at most 13 digits expected after +49 (15 in all), got 14",
            "+44 234 567 8901 2345,    at most 13 digits expected after +44 (15 in all), got 14",
            "+1 234 567 8901 2,        10 digits expected after +1, got 11",
            "+7 912 345 67 89 0,       10 digits expected after +7, got 11",
        })
        void tooLong(String text, String expectedInMessage) {
            InvalidPhoneException e = rejectionOf(text);

            assertThat(e.reason()).isEqualTo(Reason.TOO_LONG);
            assertThat(messageOf(e)).contains(expectedInMessage);
        }

        @ParameterizedTest
        @ValueSource(strings = {"048 123 456", "040 123 4567", "050 123 456", "0801 12345", "0990 123 456",
            "0997 123 456", "+359 0 0123 4567"})
        void unknownAreaCode(String text) {
            InvalidPhoneException e = rejectionOf(text);

            assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_AREA_CODE);
            assertThat(messageOf(e)).startsWith("unknown Bulgarian area code or mobile prefix");
        }

        @ParameterizedTest
        @ValueSource(strings = {"112", "+359 112", "116 111", "1234567"})
        void shortCodesAreNoSubscriberNumbers(String text) {
            InvalidPhoneException e = rejectionOf(text);

            assertThat(e.reason()).isEqualTo(Reason.INVALID_NUMBER);
            assertThat(messageOf(e)).contains("short service codes");
        }

        @Test
        void bareCountryCodeReportsTheErrorOfTheCodeStrippedReading() {
            // 3598881234 is too long for the 35 block, so it must be +359 8881234: a short mobile.
            InvalidPhoneException e = rejectionOf("3598881234");

            assertThat(e.reason()).isEqualTo(Reason.TOO_SHORT);
            assertThat(messageOf(e)).contains("mobile number: 9 digits expected after +359, got 7");
        }
    }

    @Nested
    class Messages {

        @Test
        void messageIsOneAMerchantUnderstands() {
            InvalidPhoneException e = rejectionOf("0888 123 4");

            assertThat(e.violations()).singleElement().satisfies(violation -> {
                assertThat(violation.field()).isEqualTo("phone");
                assertThat(violation.message())
                        .isEqualTo("too short for a Bulgarian mobile number: 9 digits expected after +359, got 7");
            });
            assertThat(e).isInstanceOf(ValidationException.class).isInstanceOf(IllegalArgumentException.class);
        }

        @ParameterizedTest(name = "[{index}] \"{0}\"")
        @ValueSource(strings = {"0888 123 4", "0888 123 45678", "048 765 432", "+999 8765 4321", "0888 765 43x",
            "+49 8765 4321 9876 54", "0801 87654", "3598887654"})
        void messageNeverEchoesTheNumber(String text) {
            InvalidPhoneException e = rejectionOf(text);
            String digits = text.replaceAll("\\D", "");

            // Not the number, nor any 4 consecutive digits of it.
            for (int i = 0; i + 4 <= digits.length(); i++) {
                assertThat(e.getMessage()).doesNotContain(digits.substring(i, i + 4));
            }
            assertThat(e.getMessage()).doesNotContain(text.strip());
        }
    }

    /**
     * Item 9 of issue 9: a national form of a foreign number must never silently become another
     * number. +7 (Russia, Kazakhstan) and +1 (North America) write a trunk prefix other than 0
     * and have numbers of one length, so their national forms can be read; where that is not
     * possible the number is refused with {@link Reason#AMBIGUOUS_NATIONAL_FORM}.
     */
    @Nested
    class NationalFormsOfOtherCountries {

        @ParameterizedTest(name = "[{index}] \"{0}\" with default +{1}")
        @CsvSource({
            "8 (912) 345-67-89,     7, +79123456789",  // Russian mobile, trunk 8
            "8 912 345 67 89,       7, +79123456789",
            "912 345 67 89,         7, +79123456789",  // without the trunk 8
            "7 912 345 67 89,       7, +79123456789",  // country code without '+'
            "+7 8 912 345 67 89,  359, +79123456789",  // trunk 8 kept after the country code
            "+7 (8) 912 345 67 89, 49, +79123456789",
            "8 (495) 123-45-67,     7, +74951234567",  // Moscow
            "8 800 555 35 35,       7, +78005553535",  // toll-free: the 8 after the trunk 8 stays
            "8 701 234 56 78,       7, +77012345678",  // Kazakh mobile
            "8 (7172) 12-34-56,     7, +77172123456",  // Astana
            "1 (212) 555-0100,      1, +12125550100",  // North America, trunk 1
            "(212) 555-0100,        1, +12125550100",
            "+1 1 212 555 0100,   359, +12125550100",
        })
        void nationalFormsOfRussiaKazakhstanAndNorthAmericaAreReadWithTheirTrunkPrefix(
                String text, int defaultCountry, String e164) {
            assertThat(Phone.parse(text, defaultCountry).e164()).isEqualTo(e164);
        }

        @ParameterizedTest(name = "[{index}] \"{0}\"")
        @CsvSource({
            "8 (912) 345-67-89, +7 (Russia, Kazakhstan)",
            "8 701 234 56 78,   +7 (Russia, Kazakhstan)",
            "8 (7172) 12-34-56, +7 (Russia, Kazakhstan)",
            "89123456789,       +7 (Russia, Kazakhstan)",
            "1 (212) 555-0100,  +1 (North America)",
        })
        void aRussianKazakhOrNorthAmericanNationalFormIsNoBulgarianNumberAndTheRefusalSaysWhatItIs(
                String text, String plan) {
            InvalidPhoneException e = rejectionOf(text);

            assertThat(e.reason()).isEqualTo(Reason.AMBIGUOUS_NATIONAL_FORM);
            assertThat(e.violations()).singleElement().satisfies(violation -> {
                assertThat(violation.field()).isEqualTo("phone");
                assertThat(violation.message()).contains("not a number of +359").contains(plan)
                        .contains("write it internationally");
            });
            String digits = text.replaceAll("\\D", "");
            for (int i = 0; i + 4 <= digits.length(); i++) {
                assertThat(e.getMessage()).doesNotContain(digits.substring(i, i + 4));
            }
        }

        @Test
        void aBulgarianNumberIsNotMistakenForAForeignNationalForm() {
            // Bulgarian numbers written without the trunk 0 may start with 8; they are not 11 digits long.
            assertThat(Phone.parse("888 123 456").e164()).isEqualTo("+359888123456");
            assertThat(Phone.parse("86 123 456").e164()).isEqualTo("+35986123456");
            // 11 digits starting with 80 or 81 is no +7 number (they never start with 0 or 1).
            assertThat(rejectionOf("8 0 1234 5678 9").reason()).isNotEqualTo(Reason.AMBIGUOUS_NATIONAL_FORM);
            assertThat(rejectionOf("8 1 1234 5678 9").reason()).isNotEqualTo(Reason.AMBIGUOUS_NATIONAL_FORM);
        }

        @ParameterizedTest(name = "[{index}] \"{0}\" with default +{1}")
        @CsvSource({
            "06 20 123 4567,    36, 06",  // Hungary: trunk 06
            "(06 1) 234 5678,   36, 06",
            "8 029 491-19-11,  375, 8",   // Belarus: trunk 8
            "8 66 123456,      993, 8",   // Turkmenistan: trunk 8
            "1 247 1234,       692, 1",   // Marshall Islands: trunk 1
        })
        void aTrunkPrefixOfAnUnknownPlanIsRefusedNotGuessed(String text, int defaultCountry, String trunkPrefix) {
            InvalidPhoneException e = catchThrowableOfType(InvalidPhoneException.class,
                    () -> Phone.parse(text, defaultCountry));

            assertThat(e.reason()).isEqualTo(Reason.AMBIGUOUS_NATIONAL_FORM);
            assertThat(messageOf(e)).contains("starts with " + trunkPrefix + ", the trunk prefix of +" + defaultCountry)
                    .contains("with +" + defaultCountry);
        }

        @Test
        void withoutTheTrunkPrefixAnUnknownPlansNationalNumberIsReadAsTyped() {
            assertThat(Phone.parse("20 123 4567", 36).e164()).isEqualTo("+36201234567");
            assertThat(Phone.parse("+36 20 123 4567").e164()).isEqualTo("+36201234567");
        }

        @Test
        void anArgentineMobileNumberWrittenWith15IsRefusedAndItsInternationalFormIsRead() {
            assertThat(catchThrowableOfType(InvalidPhoneException.class, () -> Phone.parse("011 15-2345-6789", 54))
                    .reason()).isEqualTo(Reason.AMBIGUOUS_NATIONAL_FORM);
            assertThat(rejectionOf("+54 11 15 2345 6789").reason()).isEqualTo(Reason.AMBIGUOUS_NATIONAL_FORM);
            assertThat(Phone.parse("+54 9 11 2345 6789").e164()).isEqualTo("+5491123456789");
            assertThat(Phone.parse("011 2345-6789", 54).e164()).isEqualTo("+541123456789");
        }

        @ParameterizedTest
        @CsvSource({
            "+7 912 345 67 8,   TOO_SHORT",
            "+7 112 345 67 89,  INVALID_NUMBER",  // +7 numbers never start with 0 or 1
            "+1 012 555 0100,   INVALID_NUMBER",
            "+1 310 1234,       TOO_SHORT",       // Canada's 7-digit 310 service numbers are not persons'
        })
        void numbersOfPlusOneAndPlusSevenHaveTenDigitsNotStartingWithZeroOrOne(String text, Reason reason) {
            assertThat(rejectionOf(text).reason()).isEqualTo(reason);
            assertThatThrownBy(() -> Phone.of(text.replace(" ", ""))).isInstanceOf(InvalidPhoneException.class);
        }

        @ParameterizedTest
        @ValueSource(strings = {"+359 (0) 888 123 456", "+359 (0)2 981 2345", "+359 0 32 123 456", "00359 (0) 888 123 456"})
        void aBulgarianNumberWithTheTrunkZeroInBracketsAfterTheCountryCodeIsAccepted(String text) {
            assertThat(Phone.parse(text).e164()).isEqualTo(Phone.parse(text.replaceAll("\\(0\\)| 0 ", " ")).e164());
        }
    }

    @Nested
    class Masking {

        @ParameterizedTest
        @CsvSource({
            "0888 123 456,  +359888***456",   // 9 digits: first and last 3
            "0888 987 654,  +359888***654",
            "032 123 456,   +35932****56",    // 8 digits: shorter numbers mask more
            "0431 2345,     +35943***45",     // 7 digits
            "02 12 34 5,    +3592****5",      // 6 digits
            "+359 00800 1234567, +359008******567",
            "+49 1234,      +49****",         // 4 digits: nothing shown
            "+49 12345,     +491***5",
        })
        void toStringKeepsTheCountryCodeAndMasksTheMiddle(String text, String masked) {
            Phone phone = Phone.parse(text);

            assertThat(phone.toString()).isEqualTo(masked);
            assertThat(phone.toString()).doesNotContain(phone.nationalNumber()).doesNotContain(phone.digits());
        }
    }
}
