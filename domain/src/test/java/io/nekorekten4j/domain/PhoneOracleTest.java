package io.nekorekten4j.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
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
                "BG oracle: %d numbers (%d valid, %d invalid) in up to 6 notations = %d inputs, agreement %d/%d = %.2f%%%n",
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
    void everyOtherTrunkPrefixEqualsLibphonenumbersNationalPrefix() {
        Map<Integer, String> oracle = new TreeMap<>();
        for (int code : LIB.getSupportedCallingCodes()) {
            String region = LIB.getRegionCodeForCountryCode(code);
            String prefix = PhoneNumberUtil.REGION_CODE_FOR_NON_GEO_ENTITY.equals(region)
                    ? null : LIB.getNddPrefixForRegion(region, false);
            if (prefix != null && !prefix.isEmpty() && !prefix.equals("0")) {
                oracle.put(code, prefix);
            }
        }
        assertThat(CountryCallingCodes.otherTrunkPrefixes()).isEqualTo(oracle);
        oracle.forEach((code, prefix) -> assertThat(CountryCallingCodes.trunkPrefix(code)).isEqualTo(prefix));
    }

    /**
     * Our claim that every number of +1 and +7 has 10 digits, which is what lets their national
     * forms be read: every example number of every territory and type has 10, and of random
     * numbers of 7 to 12 digits libphonenumber finds only 10-digit ones valid, except Canada's
     * 7-digit 310 service numbers (UAN), which we refuse on purpose (they are not persons').
     */
    @Test
    void everyNumberOfPlusOneAndPlusSevenHasTenDigits() {
        int validSeen = 0;
        for (int code : List.of(1, 7)) {
            assertThat(CountryCallingCodes.nationalLength(code)).hasValue(10);
            for (String region : LIB.getRegionCodesForCountryCode(code)) {
                for (PhoneNumberType type : PhoneNumberType.values()) {
                    PhoneNumber example = LIB.getExampleNumberForType(region, type);
                    if (example != null && type != PhoneNumberType.UAN) {
                        assertThat(String.valueOf(example.getNationalNumber())).as("%s %s", region, type).hasSize(10);
                    }
                }
            }
            for (int i = 0; i < 20_000; i++) {
                String nsn = randomDigits(7 + random.nextInt(6));
                PhoneNumber number = new PhoneNumber().setCountryCode(code).setNationalNumber(Long.parseLong(nsn));
                if (nsn.charAt(0) != '0' && LIB.isValidNumber(number) && LIB.getNumberType(number) != PhoneNumberType.UAN) {
                    validSeen++;
                    assertThat(nsn).as("+%d %s", code, nsn).hasSize(10);
                }
            }
        }
        assertThat(validSeen).isGreaterThan(1_000);
    }

    /**
     * The national forms of Russian, Kazakh and North American numbers (item 9 of issue 9):
     * typed with their own country as default we read what libphonenumber reads; typed with
     * Bulgaria as default, neither of us takes them for a Bulgarian number, and we say why.
     */
    @Test
    void nationalFormsOfRussianKazakhAndNorthAmericanNumbersAgreeWithLibphonenumber() {
        int compared = 0;
        for (String region : List.of("RU", "KZ", "US", "CA")) {
            int code = LIB.getCountryCodeForRegion(region);
            String trunk = LIB.getNddPrefixForRegion(region, true);
            for (String nsn : validNationalNumbers(region, 150)) {
                for (String input : List.of(trunk + " " + nsn, nsn, code + nsn, "+" + code + " " + nsn,
                        "+" + code + " (" + trunk + ") " + nsn)) {
                    compared++;
                    assertThat(ourE164(input, code)).as("%s read as +%d", input, code).isEqualTo(oracleE164(input, region));
                }
                // 00 is the international prefix of Bulgaria (and Europe), not of Russia or America.
                compared++;
                assertThat(ourE164("00" + code + nsn, code)).isEqualTo(oracleE164("00" + code + nsn, "BG"));
                String national = trunk + " " + nsn;
                assertThat(oracleE164(national, "BG")).as("libphonenumber on %s in BG", national).isNull();
                InvalidPhoneException refusal = catchThrowableOfType(InvalidPhoneException.class, () -> Phone.parse(national));
                assertThat(refusal).as(national).isNotNull();
                assertThat(refusal.reason()).as(national).isEqualTo(InvalidPhoneException.Reason.AMBIGUOUS_NATIONAL_FORM);
            }
        }
        assertThat(compared).isEqualTo(4 * 150 * 6);
    }

    /**
     * No number libphonenumber gives as an example (every territory, every type) becomes another
     * number in our reading: written nationally with its own country as default, or
     * internationally, we read the same number or refuse it, never a different one. Refused are
     * only the national forms we cannot read without the country's plan (Hungary's 06,
     * Belarus' and Turkmenistan's 8) and Canada's 7-digit service numbers.
     */
    @Test
    void noExampleNumberOfAnyTerritoryBecomesADifferentNumber() {
        List<String> different = new ArrayList<>();
        Set<String> refusedTerritories = new TreeSet<>();
        int same = 0;
        for (String region : LIB.getSupportedRegions()) {
            int code = LIB.getCountryCodeForRegion(region);
            for (PhoneNumberType type : PhoneNumberType.values()) {
                PhoneNumber example = LIB.getExampleNumberForType(region, type);
                if (example == null) {
                    continue;
                }
                String oracle = LIB.format(example, PhoneNumberFormat.E164);
                for (PhoneNumberFormat format : List.of(PhoneNumberFormat.NATIONAL, PhoneNumberFormat.INTERNATIONAL)) {
                    String input = LIB.format(example, format);
                    String ours = ourE164(input, code);
                    if (ours == null) {
                        refusedTerritories.add(region);
                    } else if (ours.equals(oracle)) {
                        same++;
                    } else {
                        different.add(region + " " + type + " \"" + input + "\": libphonenumber " + oracle + ", ours " + ours);
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "Example numbers: %d read alike, refused in %s, %d different%n",
                same, refusedTerritories, different.size());

        assertThat(different).isEmpty();
        assertThat(refusedTerritories).containsExactlyInAnyOrder("AR", "BY", "CA", "HU", "TM");
        assertThat(same).isGreaterThan(2_500);
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
     * nationally with the trunk 0, and internationally with the trunk 0 kept ("+359 (0) 888 …").
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
            // The trunk 0 kept after the country code, as people copy it from letterheads.
            inputs.add("+359 (0) " + nsn);
            inputs.add("+359 0" + nsn);
        }
        return inputs;
    }

    /** {@code count} distinct national numbers libphonenumber finds valid in {@code region}, 10 digits. */
    private List<String> validNationalNumbers(String region, int count) {
        Set<String> numbers = new LinkedHashSet<>();
        int code = LIB.getCountryCodeForRegion(region);
        while (numbers.size() < count) {
            String nsn = (char) ('2' + random.nextInt(8)) + randomDigits(9);
            PhoneNumber number = new PhoneNumber().setCountryCode(code).setNationalNumber(Long.parseLong(nsn));
            if (LIB.isValidNumberForRegion(number, region)) {
                numbers.add(nsn);
            }
        }
        return new ArrayList<>(numbers);
    }

    /** libphonenumber's reading with region BG: the E.164 form if valid, else null. */
    private static String oracleE164(String input) {
        return oracleE164(input, "BG");
    }

    /** libphonenumber's reading with {@code region}: the E.164 form if valid, else null. */
    private static String oracleE164(String input, String region) {
        try {
            PhoneNumber number = LIB.parse(input, region);
            return LIB.isValidNumber(number) ? LIB.format(number, PhoneNumberFormat.E164) : null;
        } catch (NumberParseException e) {
            return null;
        }
    }

    /** Our reading with the default country Bulgaria: the E.164 form if valid, else null. */
    private static String ourE164(String input) {
        return ourE164(input, Phone.BULGARIA);
    }

    /** Our reading with {@code defaultCountryCallingCode}: the E.164 form if valid, else null. */
    private static String ourE164(String input, int defaultCountryCallingCode) {
        try {
            return Phone.parse(input, defaultCountryCallingCode).e164();
        } catch (InvalidPhoneException e) {
            return null;
        }
    }
}
