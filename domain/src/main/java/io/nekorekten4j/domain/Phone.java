package io.nekorekten4j.domain;

import java.util.Objects;

/**
 * A phone number in international form: a country calling code and a national (significant)
 * number. Immutable; two phones are equal when their {@link #digits()} are, so "0888 123 456",
 * "+359 88 812 3456", "359888123456" and "00359888123456" are one person.
 *
 * <p><b>What is accepted.</b> {@link #parse(String)} reads what people type: digits with spaces,
 * dashes, dots, slashes and parentheses between them, written internationally ("+359 …",
 * "00359 …") or nationally ("0888 123 456" with the trunk 0, or without it). A trunk 0 kept after
 * the country code ("+359 (0)888 …") is dropped where the country uses trunk prefix 0. Digits
 * starting with 359 without '+' are recognised as a Bulgarian international number when that is
 * what makes them valid. Extensions, letters ("0888-CALL-ME") and other symbols are refused.
 *
 * <p><b>What is checked.</b> Bulgarian numbers (+359) are checked against the national
 * numbering plan of the Communications Regulation Commission (CRC): the number must fall in a
 * geographic, mobile or non-geographic range and have that range's length. The plan is the one
 * libphonenumber uses, against which it is tested. Numbers of other countries are checked only
 * for an ITU-T E.164 country calling code, at least 4 digits after it and at most 15 digits in
 * all, and numbers of +1 (North America) and +7 (Russia, Kazakhstan) for their one length, 10
 * digits not starting with 0 or 1; other national numbering plans are <em>not</em> checked, so a
 * foreign number that does not exist can be accepted.
 *
 * <p><b>Never another number.</b> A number typed without a country code is read as a number of
 * the default country; where that cannot be done for sure it is refused with
 * {@link InvalidPhoneException.Reason#AMBIGUOUS_NATIONAL_FORM} rather than guessed: the national
 * form of a Russian or Kazakh ("8 (912) 345-67-89") or North American ("1 212 555 0100") number
 * while the default country is another, a number starting with the trunk prefix of a country
 * whose plan is not known here (Hungary's 06, Belarus' and Turkmenistan's 8, the Marshall
 * Islands' 1), and an Argentine mobile number written with 15. A foreign number whose national
 * form is also a valid number of the default country (a Serbian "064 123 456" is a number in
 * Pleven) cannot be told apart from it: type foreign numbers with '+'.
 *
 * <p><b>Personal data.</b> A phone number identifies a person. {@link #toString()} masks it, and
 * the messages of {@link InvalidPhoneException} never repeat it, so neither reaches a log by
 * accident. Use {@link #digits()} or {@link #e164()} where the full number is really needed.
 */
public final class Phone {

    /** The country calling code of Bulgaria, the default country of {@link #parse(String)}. */
    public static final int BULGARIA = 359;

    /** Digits kept visible at each end of the national number by {@link #toString()}. */
    private static final int SHOWN_AT_EACH_END = 3;

    /** Digits of the national number always hidden by {@link #toString()}. */
    private static final int ALWAYS_HIDDEN = 3;

    private final int countryCallingCode;
    private final String nationalNumber;
    private final String digits;
    private final boolean mobile;

    /**
     * Only {@link PhoneParser} creates phones, after checking them; {@code digits} is the country
     * calling code followed by the national number (the parser often has that text already).
     */
    Phone(int countryCallingCode, String nationalNumber, String digits, boolean mobile) {
        this.countryCallingCode = countryCallingCode;
        this.nationalNumber = nationalNumber;
        this.digits = digits;
        this.mobile = mobile;
    }

    /**
     * Reads a phone number as people type it; national numbers are taken to be Bulgarian.
     *
     * @param text the number, e.g. "0888 123 456", "+359 88 812 3456", "(02) 981-23-45"
     * @return the number
     * @throws NullPointerException  if {@code text} is null
     * @throws InvalidPhoneException if it is not a valid number; {@link InvalidPhoneException#reason()} says why
     * @see #parse(String, int)
     */
    public static Phone parse(String text) {
        return parse(text, BULGARIA);
    }

    /**
     * Reads a phone number as people type it; national numbers are taken to be of the country
     * with calling code {@code defaultCountryCallingCode}.
     *
     * <p>Rules, in order:
     * <ol>
     *   <li>Spaces, dashes, dots, slashes and parentheses are ignored; any other character than a
     *       digit, or a '+' anywhere but before the first digit, is {@code NOT_A_NUMBER}.</li>
     *   <li>A leading '+' or the international prefix {@code 00} means the country calling code
     *       follows. Other international prefixes (such as 011) are not recognised.</li>
     *   <li>Otherwise the number is national: for Bulgaria, digits starting with 359 are read as
     *       +359… when that makes them valid; then one trunk {@code 0} is dropped if the country
     *       uses trunk prefix 0 (per the ITU-T dialling procedures; e.g. not Italy or Spain,
     *       whose numbers are written without one). For +7 (Russia, Kazakhstan) and +1 (North
     *       America), whose numbers all have 10 digits, a trunk prefix 8 or 1 before 10 digits is
     *       dropped, and so is the country code typed without '+' ("7 912 345 67 89").
     *       Digits starting with the trunk prefix of another country with a prefix other than 0
     *       (06 in Hungary, 8 in Belarus) are refused: type those numbers internationally.</li>
     *   <li>Digits that are no number of the default country but are the national form of a +7 or
     *       +1 number (8 or 1, then 10 digits) are refused with
     *       {@link InvalidPhoneException.Reason#AMBIGUOUS_NATIONAL_FORM}, saying so.</li>
     *   <li>Written internationally, a trunk prefix kept after the country code is dropped:
     *       "+359 (0) 888 …", "+44 (0)20 …", "+7 8 912 …" (the last only where the digits are one
     *       longer than +7 numbers are).</li>
     * </ol>
     *
     * @param text                      the number
     * @param defaultCountryCallingCode the country of numbers typed without country code, e.g. {@link #BULGARIA}
     * @return the number
     * @throws NullPointerException     if {@code text} is null
     * @throws IllegalArgumentException if {@code defaultCountryCallingCode} is not an assigned country calling code
     * @throws InvalidPhoneException    if {@code text} is not a valid number
     */
    public static Phone parse(String text, int defaultCountryCallingCode) {
        Objects.requireNonNull(text, "text");
        return PhoneParser.parse(text, defaultCountryCallingCode);
    }

    /**
     * Reads a number in the exact form the API uses: the digits, country calling code first,
     * optionally after a '+', with nothing else ("359888123456", "+359888123456"). No trunk 0 is
     * dropped. The number is checked like {@link #parse(String)} checks it.
     *
     * @param digitsWithCountryCode the number in exact form
     * @return the number
     * @throws NullPointerException  if the argument is null
     * @throws InvalidPhoneException if it is not in the exact form or not a valid number
     */
    public static Phone of(String digitsWithCountryCode) {
        Objects.requireNonNull(digitsWithCountryCode, "digitsWithCountryCode");
        return PhoneParser.of(digitsWithCountryCode);
    }

    /**
     * Whether {@link #parse(String)} would accept {@code text}.
     *
     * @param text the number; {@code null} is not valid
     * @return true if {@code parse(text)} returns a phone
     */
    public static boolean isValid(String text) {
        if (text == null) {
            return false;
        }
        try {
            parse(text);
            return true;
        } catch (InvalidPhoneException invalid) {
            return false;
        }
    }

    /**
     * The number as the nekorekten.com API wants it: country calling code and national number,
     * digits only, e.g. "359888123456".
     *
     * @return the digits
     */
    public String digits() {
        return digits;
    }

    /**
     * The number in E.164 form, e.g. "+359888123456".
     *
     * @return '+' followed by {@link #digits()}
     */
    public String e164() {
        return "+" + digits;
    }

    /**
     * The country calling code, e.g. 359.
     *
     * @return the code
     */
    public int countryCallingCode() {
        return countryCallingCode;
    }

    /**
     * The national significant number: the digits after the country calling code, without trunk
     * prefix, e.g. "888123456".
     *
     * @return the national number
     */
    public String nationalNumber() {
        return nationalNumber;
    }

    /**
     * Whether this is a Bulgarian number (+359).
     *
     * @return true for +359
     */
    public boolean isBulgarian() {
        return countryCallingCode == BULGARIA;
    }

    /**
     * Whether this is a number of a Bulgarian mobile range (87, 88, 89, 98, 430, 437-439, 996,
     * 999). Always false for other countries, whose ranges are not known.
     *
     * @return true for Bulgarian mobile numbers
     */
    public boolean isMobile() {
        return mobile;
    }

    /** Equal when the {@link #digits()} are. */
    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof Phone phone && digits.equals(phone.digits);
    }

    /** Consistent with {@link #equals(Object)}. */
    @Override
    public int hashCode() {
        return digits.hashCode();
    }

    /**
     * The number masked, safe for logs: the country code, then the national number with at most
     * its first and last three digits shown and at least three hidden, so shorter numbers show
     * fewer: "+359888***456" (9 digits), "+35932****56" (8 digits), "+3592****5" (6 digits).
     *
     * @return the masked number
     */
    @Override
    public String toString() {
        int length = nationalNumber.length();
        int shown = Math.max(0, Math.min(SHOWN_AT_EACH_END, (length - ALWAYS_HIDDEN) / 2));
        return "+" + countryCallingCode
                + nationalNumber.substring(0, shown)
                + "*".repeat(length - 2 * shown)
                + nationalNumber.substring(length - shown);
    }
}
