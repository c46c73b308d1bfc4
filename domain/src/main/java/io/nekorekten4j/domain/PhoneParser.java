package io.nekorekten4j.domain;

import io.nekorekten4j.domain.InvalidPhoneException.Reason;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Turns what people type into a country calling code and a national number, then has them
 * checked. {@link Phone} holds the result; this class holds the rules of reading.
 */
final class PhoneParser {

    /**
     * E.164 clause 6.1: an international number has at most 15 digits, country code included.
     */
    static final int E164_MAX_DIGITS = 15;

    /**
     * The shortest national number accepted outside Bulgaria. No country's numbers are shorter
     * (libphonenumber's shortest possible length over all territories is 4, e.g. Niue, Saint
     * Helena); anything shorter is a typo or an extension, never a person.
     */
    static final int MIN_FOREIGN_NATIONAL_DIGITS = 4;

    /**
     * The international prefix of Bulgaria and almost all of Europe [ITU-T E.164C dialling
     * procedures]. Other countries' prefixes (011 in North America, …) are not recognised: such
     * numbers must be typed with '+'.
     */
    private static final String INTERNATIONAL_PREFIX = "00";

    /**
     * The codes whose numbers all have one length ({@link CountryCallingCodes#nationalLength}),
     * in the order their national forms are recognised, with the names a merchant knows them by.
     */
    private static final Map<Integer, String> SINGLE_LENGTH_PLAN_NAMES =
            Map.of(7, "Russia, Kazakhstan", 1, "North America");

    private static final List<Integer> SINGLE_LENGTH_PLANS = List.of(7, 1);

    /** The country calling code of Argentina. */
    private static final int ARGENTINA = 54;

    /**
     * Argentine mobile numbers are written nationally "0 AA 15 NNNN-NNNN" (area code, the mobile
     * prefix 15, the number: 12 digits after the trunk 0) and internationally "+54 9 AA NNNN-NNNN";
     * libphonenumber moves the 15 by the area code, which this library's tables do not hold.
     */
    private static final int ARGENTINE_MOBILE_WITH_15_LENGTH = 12;

    /** The digit Argentine mobile numbers start with internationally. */
    private static final String ARGENTINE_MOBILE_PREFIX = "9";

    /** Bulgaria's calling code as typed, "359". */
    private static final String BULGARIA_CODE = String.valueOf(Phone.BULGARIA);

    private PhoneParser() {
    }

    /** The number of decimal digits of a country calling code (positive), without building its text. */
    private static int decimalLength(int code) {
        int length = 1;
        for (int rest = code / 10; rest > 0; rest /= 10) {
            length++;
        }
        return length;
    }

    /** Lenient reading; see {@link Phone#parse(String, int)}. */
    static Phone parse(String text, int defaultCountryCallingCode) {
        if (!CountryCallingCodes.isAssigned(defaultCountryCallingCode)) {
            // A programming error of the caller, not bad input from a merchant.
            throw new IllegalArgumentException(
                    "defaultCountryCallingCode: no country uses calling code " + defaultCountryCallingCode);
        }
        Typed typed = Typed.read(text);
        if (typed.plus()) {
            return international(typed.digits(), true);
        }
        if (typed.digits().startsWith(INTERNATIONAL_PREFIX)) {
            return international(typed.digits().substring(INTERNATIONAL_PREFIX.length()), true);
        }
        if (defaultCountryCallingCode == Phone.BULGARIA && typed.digits().startsWith(BULGARIA_CODE)) {
            return bulgarianWithBareCountryCode(typed.digits());
        }
        return national(defaultCountryCallingCode, typed.digits());
    }

    /**
     * {@code digits} were typed without '+' or 00: a number of {@code countryCallingCode} written
     * nationally. Where that country's trunk prefix is neither 0 nor none and its plan is not
     * known here, digits starting with the trunk prefix are refused, since it cannot be told
     * whether the prefix is part of the number. When the digits are no valid number of that
     * country but are the national form of a +1 or +7 number, the refusal says so instead of
     * leaving the merchant with a misleading "too long".
     */
    private static Phone national(int countryCallingCode, String digits) {
        String trunkPrefix = CountryCallingCodes.trunkPrefix(countryCallingCode);
        boolean knownPlan = CountryCallingCodes.usesTrunkPrefixZero(countryCallingCode)
                || CountryCallingCodes.nationalLength(countryCallingCode).isPresent();
        if (!knownPlan && !trunkPrefix.isEmpty() && digits.startsWith(trunkPrefix)) {
            throw new InvalidPhoneException(Reason.AMBIGUOUS_NATIONAL_FORM, "cannot be read as a number of +"
                    + countryCallingCode + " for sure: it starts with " + trunkPrefix + ", the trunk prefix "
                    + "of +" + countryCallingCode + ", whose numbering plan is not known here, so whether "
                    + trunkPrefix + " is a prefix or part of the number cannot be told; write the number "
                    + "internationally, with +" + countryCallingCode);
        }
        try {
            return create(countryCallingCode, withoutCountryCode(countryCallingCode,
                    dropTrunkPrefix(countryCallingCode, digits)));
        } catch (InvalidPhoneException invalid) {
            InvalidPhoneException foreign = nationalFormOfAnotherPlan(countryCallingCode, digits);
            throw foreign == null ? invalid : foreign;
        }
    }

    /**
     * Where every national number of the code has one length (+1, +7), digits that are the code
     * followed by a number of that length were typed without '+' ("7 912 345 67 89" read as a
     * Russian number): no national number is that long, so the code is dropped.
     */
    private static String withoutCountryCode(int countryCallingCode, String digits) {
        OptionalInt length = CountryCallingCodes.nationalLength(countryCallingCode);
        String code = String.valueOf(countryCallingCode);
        boolean codeTyped = length.isPresent() && digits.length() == code.length() + length.getAsInt()
                && digits.startsWith(code);
        return codeTyped ? digits.substring(code.length()) : digits;
    }

    /**
     * The refusal for digits that are not a number of {@code defaultCountryCallingCode} but are
     * written the way numbers of another single-length plan are written nationally: its trunk
     * prefix and a number of its length that does not start with 0 or 1 (no +1 or +7 number
     * does). A Russian "8 (912) 345-67-89" read as Bulgarian is the case this is for: silently
     * it would be "too long for a Bulgarian mobile number". Null when no such plan fits.
     */
    private static InvalidPhoneException nationalFormOfAnotherPlan(int defaultCountryCallingCode, String digits) {
        for (int code : SINGLE_LENGTH_PLANS) {
            String trunkPrefix = CountryCallingCodes.trunkPrefix(code);
            int length = CountryCallingCodes.nationalLength(code).orElseThrow();
            if (code != defaultCountryCallingCode && digits.length() == trunkPrefix.length() + length
                    && digits.startsWith(trunkPrefix) && digits.charAt(trunkPrefix.length()) >= '2') {
                return new InvalidPhoneException(Reason.AMBIGUOUS_NATIONAL_FORM, "not a number of +"
                        + defaultCountryCallingCode + " (" + digits.length() + " digits typed without a country "
                        + "code), but written the way numbers of +" + code + " (" + SINGLE_LENGTH_PLAN_NAMES.get(code)
                        + ") are written nationally: " + trunkPrefix + " and then " + length + " digits; if it is "
                        + "one, write it internationally, with +" + code);
            }
        }
        return null;
    }

    /** Exact reading; see {@link Phone#of(String)}. */
    static Phone of(String digitsWithCountryCode) {
        String digits = digitsWithCountryCode.startsWith("+") ? digitsWithCountryCode.substring(1) : digitsWithCountryCode;
        if (digits.isEmpty() || !digits.chars().allMatch(PhoneParser::isAsciiDigit)) {
            throw new InvalidPhoneException(Reason.NOT_A_NUMBER, "not in the exact form: digits with the country "
                    + "calling code and nothing else (an optional leading '+') are expected; "
                    + digitsWithCountryCode.length() + " characters given");
        }
        return international(digits, false);
    }

    /**
     * {@code digits} start with a country calling code. With {@code lenient}, a trunk 0 written
     * after the code ("+44 (0)20 …", "+359 0888 …") is dropped, as people often keep it.
     */
    private static Phone international(String digits, boolean lenient) {
        if (digits.startsWith(BULGARIA_CODE)) {
            // The codes are prefix-free, so 359 is the only code these digits can start with; the
            // common case skips the search through all codes.
            return withCode(Phone.BULGARIA, digits, lenient);
        }
        OptionalInt code = CountryCallingCodes.leadingCode(digits);
        if (code.isEmpty()) {
            if (digits.length() < CountryCallingCodes.MAX_CODE_LENGTH && CountryCallingCodes.isStartOfCode(digits)) {
                throw new InvalidPhoneException(Reason.TOO_SHORT, "too short: a country calling code and a "
                        + "number are expected after '+' or '00', got " + digits.length() + " digits");
            }
            throw new InvalidPhoneException(Reason.INVALID_COUNTRY_CODE, "unknown country calling code: no "
                    + "country's code is at the start of the " + digits.length() + " digits after '+' or '00'");
        }
        return withCode(code.getAsInt(), digits, lenient);
    }

    /** {@code digits} start with {@code countryCallingCode}; the rest is the national number. */
    private static Phone withCode(int countryCallingCode, String digits, boolean lenient) {
        String nationalNumber = digits.substring(decimalLength(countryCallingCode));
        String kept = lenient ? dropTrunkPrefix(countryCallingCode, nationalNumber) : nationalNumber;
        // Unless a trunk 0 was dropped, the digits are already the phone's code and national number.
        return create(countryCallingCode, kept, kept == nationalNumber ? digits : countryCallingCode + kept);
    }

    /**
     * Digits starting with 359 typed without '+' or '00' while the default country is Bulgaria:
     * the 359 is either the country code ("359888123456") or the start of a national number in
     * the 35 landline block ("3591234" is +359 3591234). Whichever reading is a valid number
     * wins, the national one first, as in libphonenumber. When neither is valid, the error of
     * the more plausible reading is reported: that of the code-stripped number if the whole was
     * too long for a national one.
     */
    private static Phone bulgarianWithBareCountryCode(String digits) {
        try {
            return create(Phone.BULGARIA, digits);
        } catch (InvalidPhoneException asNational) {
            String rest = dropTrunkPrefix(Phone.BULGARIA, digits.substring(BULGARIA_CODE.length()));
            try {
                return create(Phone.BULGARIA, rest);
            } catch (InvalidPhoneException withCodeStripped) {
                throw asNational.reason() == Reason.TOO_LONG ? withCodeStripped : asNational;
            }
        }
    }

    /**
     * Drops one trunk prefix where it can be recognised: a trunk 0 where the country uses trunk
     * prefix 0, and the trunk prefix of a single-length plan (+1: 1, +7: 8) when the digits are
     * one longer than its numbers. A double 0 is kept: it is never a trunk prefix (nationally it
     * is the international prefix), and +359 00800… is a number.
     */
    private static String dropTrunkPrefix(int countryCallingCode, String nationalNumber) {
        if (CountryCallingCodes.usesTrunkPrefixZero(countryCallingCode)) {
            boolean trunkZero = nationalNumber.startsWith("0") && !nationalNumber.startsWith("00");
            return trunkZero ? nationalNumber.substring(1) : nationalNumber;
        }
        OptionalInt length = CountryCallingCodes.nationalLength(countryCallingCode);
        String trunkPrefix = CountryCallingCodes.trunkPrefix(countryCallingCode);
        boolean trunkTyped = length.isPresent() && nationalNumber.length() == trunkPrefix.length() + length.getAsInt()
                && nationalNumber.startsWith(trunkPrefix);
        return trunkTyped ? nationalNumber.substring(trunkPrefix.length()) : nationalNumber;
    }

    /** Checks the national number against the rules of its country. */
    private static Phone create(int countryCallingCode, String nationalNumber) {
        return create(countryCallingCode, nationalNumber, countryCallingCode + nationalNumber);
    }

    /** Like {@link #create(int, String)}; {@code digits} are the code and the national number, written together. */
    private static Phone create(int countryCallingCode, String nationalNumber, String digits) {
        if (countryCallingCode == Phone.BULGARIA) {
            BulgarianNumberingPlan.Range range = BulgarianNumberingPlan.check(nationalNumber);
            return new Phone(countryCallingCode, nationalNumber, digits, range.kind() == BulgarianNumberingPlan.Kind.MOBILE);
        }
        OptionalInt fixedLength = CountryCallingCodes.nationalLength(countryCallingCode);
        if (fixedLength.isPresent() && nationalNumber.length() != fixedLength.getAsInt()) {
            boolean tooShort = nationalNumber.length() < fixedLength.getAsInt();
            throw new InvalidPhoneException(tooShort ? Reason.TOO_SHORT : Reason.TOO_LONG, (tooShort ? "too short" : "too long")
                    + " for a number of +" + countryCallingCode + " (" + SINGLE_LENGTH_PLAN_NAMES.get(countryCallingCode)
                    + "): " + fixedLength.getAsInt() + " digits expected after +" + countryCallingCode + ", got "
                    + nationalNumber.length());
        }
        if (fixedLength.isPresent() && nationalNumber.charAt(0) < '2') {
            throw new InvalidPhoneException(Reason.INVALID_NUMBER, "not a subscriber number: numbers of +"
                    + countryCallingCode + " (" + SINGLE_LENGTH_PLAN_NAMES.get(countryCallingCode)
                    + ") never start with 0 or 1 after +" + countryCallingCode);
        }
        if (countryCallingCode == ARGENTINA && nationalNumber.length() == ARGENTINE_MOBILE_WITH_15_LENGTH
                && !nationalNumber.startsWith(ARGENTINE_MOBILE_PREFIX)) {
            throw new InvalidPhoneException(Reason.AMBIGUOUS_NATIONAL_FORM, "cannot be read as a number of +54 "
                    + "for sure: 12 digits after +54 are an Argentine mobile number written with 15 after the area "
                    + "code, which internationally becomes 9 before it; where the area code ends is not known "
                    + "here, so write the number as +54 9, the area code and the number without 15");
        }
        int maxNational = E164_MAX_DIGITS - decimalLength(countryCallingCode);
        if (nationalNumber.length() < MIN_FOREIGN_NATIONAL_DIGITS) {
            throw new InvalidPhoneException(Reason.TOO_SHORT, "too short: at least " + MIN_FOREIGN_NATIONAL_DIGITS
                    + " digits expected after +" + countryCallingCode + ", got " + nationalNumber.length());
        }
        if (nationalNumber.length() > maxNational) {
            throw new InvalidPhoneException(Reason.TOO_LONG, "too long for an international number: at most "
                    + maxNational + " digits expected after +" + countryCallingCode + " (" + E164_MAX_DIGITS
                    + " in all), got " + nationalNumber.length());
        }
        return new Phone(countryCallingCode, nationalNumber, digits, false);
    }

    private static boolean isAsciiDigit(int c) {
        return c >= '0' && c <= '9';
    }

    /**
     * The digits of the text, and whether a '+' came before them.
     */
    private record Typed(boolean plus, String digits) {

        /** Separators people put inside numbers: spaces, dashes of all kinds, dots, slashes, brackets. */
        private static final String SEPARATORS = " \t\u00A0\u2007\u202F-\u2010\u2011\u2012\u2013\u2014\u2015\u2212./()";

        static Typed read(String text) {
            if (text.isBlank()) {
                throw new InvalidPhoneException(Reason.NOT_A_NUMBER, "is empty: a phone number is expected");
            }
            int digitCount = 0;
            boolean plus = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (isAsciiDigit(c)) {
                    digitCount++;
                } else if (c == '+') {
                    if (plus || digitCount > 0) {
                        throw new InvalidPhoneException(Reason.NOT_A_NUMBER,
                                "'+' may be written only once, before the first digit");
                    }
                    plus = true;
                } else if (SEPARATORS.indexOf(c) < 0) {
                    throw new InvalidPhoneException(Reason.NOT_A_NUMBER, "contains a character that is not part "
                            + "of a phone number: only digits, spaces, a leading '+' and - . / ( ) are accepted ("
                            + text.length() + " characters given)");
                }
            }
            if (digitCount == 0) {
                throw new InvalidPhoneException(Reason.NOT_A_NUMBER, "contains no digits");
            }
            return new Typed(plus, digitsOf(text, digitCount, plus));
        }

        /**
         * The digits of checked text. Numbers as the service returns them ("+359888123456") have
         * no separators: their digits are the text itself or the text after its '+', not a copy
         * built digit by digit (this runs for every report of every answer).
         */
        private static String digitsOf(String text, int digitCount, boolean plus) {
            if (digitCount == text.length()) {
                return text;
            }
            if (plus && digitCount == text.length() - 1 && text.charAt(0) == '+') {
                return text.substring(1);
            }
            StringBuilder digits = new StringBuilder(digitCount);
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (isAsciiDigit(c)) {
                    digits.append(c);
                }
            }
            return digits.toString();
        }
    }
}
