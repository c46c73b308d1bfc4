package io.nekorekten4j.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;

/** Properties of reading and writing phone numbers, over generated valid numbers and any text. */
class PhoneProperties {

    /** A valid phone as somebody typed it, and the default country to read it with. */
    record Written(Phone phone, String text, int defaultCountryCallingCode) {
    }

    @Property
    void parsingTheE164FormGivesTheSamePhone(@ForAll("phones") Phone phone) {
        assertThat(Phone.parse(phone.e164())).isEqualTo(phone);
        assertThat(Phone.of(phone.e164())).isEqualTo(phone);
        assertThat(Phone.of(phone.digits())).isEqualTo(phone);
    }

    @Property
    void parsingTheDigitsOfABulgarianPhoneGivesTheSamePhone(@ForAll("bulgarianPhones") Phone phone) {
        // Without '+', only the default country's code can be recognised; Bulgaria is the default.
        assertThat(Phone.parse(phone.digits())).isEqualTo(phone);
    }

    @Property(tries = 2_000)
    void anyWritingOfAValidNumberParsesToTheSamePhone(@ForAll("writtenPhones") Written written) {
        Phone parsed = Phone.parse(written.text(), written.defaultCountryCallingCode());

        assertThat(parsed).isEqualTo(written.phone());
        assertThat(parsed.digits()).isEqualTo(written.phone().digits());
    }

    @Property
    void normalisationIsIdempotent(@ForAll("writtenPhones") Written written) {
        Phone once = Phone.parse(written.text(), written.defaultCountryCallingCode());
        Phone twice = Phone.parse(once.e164());

        assertThat(twice).isEqualTo(once);
        assertThat(twice.e164()).isEqualTo(once.e164());
        assertThat(twice.isMobile()).isEqualTo(once.isMobile());
    }

    @Property
    void digitsAndE164RoundTrip(@ForAll("phones") Phone phone) {
        assertThat(phone.e164()).isEqualTo("+" + phone.digits());
        assertThat(phone.digits()).isEqualTo(phone.countryCallingCode() + phone.nationalNumber());
        assertThat(Phone.of(phone.digits()).e164()).isEqualTo(phone.e164());
        assertThat(Phone.of(phone.e164()).digits()).isEqualTo(phone.digits());
    }

    @Property
    void toStringNeverRevealsTheNationalNumber(@ForAll("phones") Phone phone) {
        String masked = phone.toString();

        assertThat(masked).startsWith("+" + phone.countryCallingCode()).contains("***");
        assertThat(masked).doesNotContain(phone.nationalNumber()).doesNotContain(phone.digits());
        assertThat(masked).hasSize(phone.e164().length());
    }

    @Property(tries = 2_000)
    void anyTextIsEitherAPhoneOrAnInvalidPhoneException(@ForAll String text) {
        boolean valid;
        try {
            Phone.parse(text);
            valid = true;
        } catch (InvalidPhoneException expected) {
            valid = false;
        }
        assertThat(Phone.isValid(text)).isEqualTo(valid);
    }

    @Property(tries = 2_000)
    void rejectionsNeverEchoTheDigits(@ForAll @NumericChars @StringLength(min = 4, max = 20) String digits) {
        try {
            Phone.parse(digits);
        } catch (InvalidPhoneException e) {
            assertThat(e.getMessage()).doesNotContain(digits);
        }
    }

    // ---------------------------------------------------------------------------------------
    // Generators
    // ---------------------------------------------------------------------------------------

    @Provide
    Arbitrary<Phone> phones() {
        return Arbitraries.oneOf(bulgarianPhones(), foreignPhones());
    }

    /** Valid numbers of every range of the Bulgarian plan, at every valid length. */
    @Provide
    Arbitrary<Phone> bulgarianPhones() {
        return Arbitraries.of(BulgarianNumberingPlan.ranges()).flatMap(range -> Arbitraries.integers()
                .between(range.minLength(), range.maxLength())
                .flatMap(length -> Arbitraries.strings().numeric().ofLength(length - range.prefix().length()))
                .map(rest -> Phone.of(Phone.BULGARIA + range.prefix() + rest)));
    }

    /**
     * Numbers of every other country, 4 digits up to the E.164 maximum. The national number does
     * not start with 0, as for numbers of countries with trunk prefix 0 it never does. Numbers of
     * +1 and +7 have their one length, 10 digits, and do not start with 1 either; Argentine
     * numbers are not 12 digits long unless they start with 9 (12 digits are the national mobile
     * notation with 15, which is refused).
     */
    @Provide
    Arbitrary<Phone> foreignPhones() {
        List<Integer> codes = new ArrayList<>(CountryCallingCodes.all());
        codes.remove(Integer.valueOf(Phone.BULGARIA));
        return Arbitraries.of(codes).flatMap(code -> {
            OptionalInt fixed = CountryCallingCodes.nationalLength(code);
            int maxNational = PhoneParser.E164_MAX_DIGITS - String.valueOf(code).length();
            int min = fixed.orElse(4);
            int max = fixed.orElse(maxNational);
            return Combinators.combine(
                            Arbitraries.chars().range(fixed.isPresent() ? '2' : '1', '9'),
                            Arbitraries.strings().numeric().ofMinLength(min - 1).ofMaxLength(max - 1))
                    .as((first, rest) -> first + rest)
                    .filter(nsn -> code != 54 || nsn.length() != 12 || nsn.startsWith("9"))
                    .map(nsn -> Phone.of(code + nsn));
        });
    }

    @Provide
    Arbitrary<Written> writtenPhones() {
        return phones().flatMap(phone -> Arbitraries.randomValue(random -> write(phone, random)));
    }

    /**
     * Writes {@code phone} one of the ways people do: with '+', 00, a bare 359, a trunk 0 or none,
     * "(0)" after the country code, and the digits in random groups with random separators.
     */
    private static Written write(Phone phone, Random random) {
        int code = phone.countryCallingCode();
        String nsn = phone.nationalNumber();
        boolean startsWithZero = nsn.startsWith("0");
        boolean trunkZero = CountryCallingCodes.usesTrunkPrefixZero(code);
        String trunkPrefix = CountryCallingCodes.trunkPrefix(code);
        boolean singleLength = CountryCallingCodes.nationalLength(code).isPresent();

        List<String[]> styles = new ArrayList<>(); // {before the national number, default country}
        styles.add(new String[] {"+" + code + sep(random), "49"});
        styles.add(new String[] {"00" + sep(random) + code + sep(random), "359"});
        if (trunkZero && !startsWithZero) {
            styles.add(new String[] {"+" + code + sep(random) + "(0)" + sep(random), "359"});
        }
        if (code == Phone.BULGARIA) {
            styles.add(new String[] {"359" + sep(random), "359"});
        }
        if (singleLength) {
            // +1 and +7: nationally with their trunk prefix (1, 8) or without, and kept after the code.
            styles.add(new String[] {trunkPrefix + sep(random), String.valueOf(code)});
            styles.add(new String[] {"", String.valueOf(code)});
            styles.add(new String[] {"+" + code + sep(random) + "(" + trunkPrefix + ")" + sep(random), "359"});
        } else if (!startsWithZero && !(nsn.startsWith(trunkPrefix) && !trunkZero && !trunkPrefix.isEmpty())) {
            // National: a national "00…" would be the international prefix, so only without 0;
            // where the trunk prefix is another (8 in Belarus, …) a number starting with it is refused.
            styles.add(new String[] {trunkZero ? "0" : "", String.valueOf(code)});
            if (code == Phone.BULGARIA) {
                styles.add(new String[] {"", "359"}); // trunk 0 left out
            }
        }
        String[] style = styles.get(random.nextInt(styles.size()));

        StringBuilder text = new StringBuilder(random.nextBoolean() ? " " : "");
        text.append(style[0]);
        int i = 0;
        boolean first = true;
        while (i < nsn.length()) {
            int group = Math.min(nsn.length() - i, 1 + random.nextInt(4));
            String digits = nsn.substring(i, i + group);
            text.append(first && random.nextInt(4) == 0 ? "(" + digits + ")" : digits);
            i += group;
            first = false;
            if (i < nsn.length()) {
                text.append(sep(random));
            }
        }
        text.append(random.nextBoolean() ? "\t" : "");
        return new Written(phone, text.toString(), Integer.parseInt(style[1]));
    }

    private static final String[] SEPARATORS = {"", "", " ", " ", "-", ".", "/", " - ", "\u00A0", "\u2013"};

    private static String sep(Random random) {
        return SEPARATORS[random.nextInt(SEPARATORS.length)];
    }
}
