package io.nekorekten4j.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Compares our verdicts with libphonenumber's, which is the oracle: the domain stays free of
 * dependencies, and this test proves our own tables say the same.
 */
class PhoneOracleTest {

    private static final PhoneNumberUtil LIB = PhoneNumberUtil.getInstance();

    /** Fixed, so a failure is reproducible. */
    private static final long SEED = 359_888_123_456L;

    private static final int VALID_PER_RANGE_AND_LENGTH = 60;
    private static final int WRONG_LENGTH_PER_RANGE = 25;
    private static final int PER_THREE_DIGIT_PREFIX = 6;
    private static final int RANDOM_STRINGS = 5_000;

    private final Random random = new Random(SEED);

    @Test
    void bulgarianVerdictsAgreeWithLibphonenumberOnEveryGeneratedNumber() {
        Set<String> nationalNumbers = generateBulgarianNationalNumbers();
        int inputs = 0;
        int valid = 0;
        int invalid = 0;
        int agreements = 0;
        List<String> disagreements = new ArrayList<>();
        for (String nsn : nationalNumbers) {
            boolean oracleSaysValidNumber = false;
            for (String input : notationsOf(nsn)) {
                inputs++;
                String oracle = oracleE164(input);
                String ours = ourE164(input);
                if (oracle != null) {
                    oracleSaysValidNumber = true;
                }
                // Same verdict, and for valid numbers the same number.
                if (Objects.equals(oracle, ours)) {
                    agreements++;
                } else if (disagreements.size() < 20) {
                    disagreements.add(input + ": libphonenumber " + oracle + ", ours " + ours);
                }
            }
            if (oracleSaysValidNumber) {
                valid++;
            } else {
                invalid++;
            }
        }
        System.out.printf(Locale.ROOT,
                "BG oracle: %d numbers (%d valid, %d invalid) in up to 4 notations = %d inputs, agreement %d/%d = %.2f%%%n",
                nationalNumbers.size(), valid, invalid, inputs, agreements, inputs,
                100.0 * agreements / inputs);

        assertThat(disagreements).isEmpty();
        assertThat(agreements).isEqualTo(inputs);
        assertThat(nationalNumbers).hasSizeGreaterThanOrEqualTo(20_000);
        // Both sides must be well represented, or the agreement would prove little.
        assertThat(valid).isGreaterThan(8_000);
        assertThat(invalid).isGreaterThan(8_000);
    }

    @Test
    void countryCallingCodesEqualLibphonenumbersSupportedCallingCodes() {
        Set<Integer> oracle = new TreeSet<>(LIB.getSupportedCallingCodes());
        Set<Integer> ours = CountryCallingCodes.all();
        System.out.printf(Locale.ROOT, "Country calling codes: ours %d, libphonenumber %d, %s%n",
                ours.size(), oracle.size(), ours.equals(oracle) ? "equal" : "DIFFERENT");

        assertThat(ours).containsExactlyElementsOf(oracle);
    }

    @Test
    void trunkPrefixZeroEqualsLibphonenumbersNationalPrefixOfEveryTerritory() {
        Set<Integer> oracle = new TreeSet<>();
        for (int code : LIB.getSupportedCallingCodes()) {
            Set<String> prefixes = new TreeSet<>();
            for (String region : LIB.getRegionCodesForCountryCode(code)) {
                if (!PhoneNumberUtil.REGION_CODE_FOR_NON_GEO_ENTITY.equals(region)) {
                    prefixes.add(String.valueOf(LIB.getNddPrefixForRegion(region, false)));
                }
            }
            // One flag per code is only right if all territories sharing the code agree.
            assertThat(prefixes).as("trunk prefixes of +%d", code).hasSizeLessThanOrEqualTo(1);
            if (prefixes.contains("0")) {
                oracle.add(code);
            }
        }
        Set<Integer> ours = CountryCallingCodes.withTrunkPrefixZero();
        System.out.printf(Locale.ROOT, "Trunk prefix 0: ours %d codes, libphonenumber %d codes, %s%n",
                ours.size(), oracle.size(), ours.equals(oracle) ? "equal" : "DIFFERENT");

        assertThat(ours).containsExactlyElementsOf(oracle);
    }

    @Test
    void countryCallingCodesArePrefixFree() {
        List<String> codes = CountryCallingCodes.all().stream().map(String::valueOf).toList();
        for (String code : codes) {
            assertThat(codes).noneMatch(other -> !other.equals(code) && other.startsWith(code));
        }
    }

    // ---------------------------------------------------------------------------------------
    // Generation
    // ---------------------------------------------------------------------------------------

    /** National significant numbers (the digits after +359), valid and invalid, deterministic. */
    private Set<String> generateBulgarianNationalNumbers() {
        Set<String> numbers = new LinkedHashSet<>();
        for (BulgarianNumberingPlan.Range range : BulgarianNumberingPlan.ranges()) {
            // Valid: every length of every range.
            for (int length = range.minLength(); length <= range.maxLength(); length++) {
                for (int i = 0; i < VALID_PER_RANGE_AND_LENGTH; i++) {
                    numbers.add(range.prefix() + randomDigits(length - range.prefix().length()));
                }
            }
            // One digit short and one digit long, and further off.
            for (int i = 0; i < WRONG_LENGTH_PER_RANGE; i++) {
                numbers.add(range.prefix() + randomDigits(range.minLength() - 1 - range.prefix().length()));
                numbers.add(range.prefix() + randomDigits(range.maxLength() + 1 - range.prefix().length()));
                int far = range.maxLength() + 2 + random.nextInt(4);
                numbers.add(range.prefix() + randomDigits(far - range.prefix().length()));
            }
        }
        // Every three-digit start 000-999 at every length 5-13, so prefixes missing from our table
        // (or present only in ours) are caught too: unknown prefixes, short codes, gaps.
        for (int prefix = 0; prefix < 1000; prefix++) {
            for (int i = 0; i < PER_THREE_DIGIT_PREFIX; i++) {
                int length = 5 + random.nextInt(9);
                numbers.add(String.format(Locale.ROOT, "%03d", prefix) + randomDigits(length - 3));
            }
        }
        // Random digit strings of length 5-13.
        for (int i = 0; i < RANDOM_STRINGS; i++) {
            numbers.add(randomDigits(5 + random.nextInt(9)));
        }
        return numbers;
    }

    private String randomDigits(int count) {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < count; i++) {
            digits.append((char) ('0' + random.nextInt(10)));
        }
        return digits.toString();
    }

    /**
     * The ways the same national number is written: +359, 00 359 and bare 359 (international),
     * and nationally with the trunk 0.
     *
     * <p>Left out: national "0" + a number starting with 0, since a national "00…" is the
     * international prefix, i.e. another number; and bare "359" + a number starting with "00".
     * For the latter libphonenumber strips the trunk prefix twice (once when it takes 359 as the
     * country code, once more when parsing the rest), reading "359 00 2…" as +359 2…; nobody
     * writes a number that way, and we deliberately read the digits as typed rather than copy
     * that quirk.
     */
    private static List<String> notationsOf(String nsn) {
        List<String> inputs = new ArrayList<>(List.of("+359" + nsn, "00359" + nsn));
        if (!nsn.startsWith("00")) {
            inputs.add("359" + nsn);
        }
        if (!nsn.startsWith("0")) {
            inputs.add("0" + nsn);
        }
        return inputs;
    }

    /** libphonenumber's reading with region BG: the E.164 form if valid, else null. */
    private static String oracleE164(String input) {
        try {
            PhoneNumber number = LIB.parse(input, "BG");
            return LIB.isValidNumber(number) ? LIB.format(number, PhoneNumberFormat.E164) : null;
        } catch (NumberParseException e) {
            return null;
        }
    }

    /** Our reading with the default country Bulgaria: the E.164 form if valid, else null. */
    private static String ourE164(String input) {
        try {
            return Phone.parse(input).e164();
        } catch (InvalidPhoneException e) {
            return null;
        }
    }
}
