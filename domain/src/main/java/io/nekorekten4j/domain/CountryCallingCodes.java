package io.nekorekten4j.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Every country calling code assigned in ITU-T Recommendation E.164, and the national (trunk)
 * prefix its numbers are written with nationally ({@code 0} in most countries, none in some).
 *
 * <p>Sources:
 * <ul>
 *   <li>ITU-T, "List of ITU-T Recommendation E.164 assigned country codes" (Annex to the ITU
 *       Operational Bulletin), https://www.itu.int/pub/T-SP-E.164D — the codes;</li>
 *   <li>ITU-T, "Dialling procedures (international prefix, national (trunk) prefix and national
 *       (significant) number)" (Annex to the ITU Operational Bulletin),
 *       https://www.itu.int/pub/T-SP-E.164C — the trunk prefixes;</li>
 *   <li>libphonenumber 9.0.43, {@code resources/PhoneNumberMetadata.xml} (the {@code countryCode}
 *       and {@code nationalPrefix} attributes of each territory) — the cross-check. The table
 *       must equal {@code PhoneNumberUtil.getSupportedCallingCodes()}; {@code PhoneOracleTest}
 *       enforces that, so codes ITU lists but nobody can dial (spare or withdrawn codes such as
 *       388 or 991) are deliberately absent.</li>
 * </ul>
 *
 * <p>Where several territories share a code they also share the trunk prefix (+1 uses 1, +7 uses
 * 8, the others 0 or none), so one prefix per code is enough. Besides 0 and none, only +1 and
 * +692 (1), +7, +375 and +993 (8) and +36 (06) have one.
 * The codes are prefix-free (no code is the start of another), which is what lets a number be
 * split into code and national number without ambiguity.
 */
final class CountryCallingCodes {

    private static final String TRUNK_0 = "0";
    private static final String NO_TRUNK_PREFIX = "";

    /**
     * Code → the trunk prefix its numbers are written with nationally ("" for none);
     * insertion-ordered by code for readable dumps.
     */
    private static final Map<Integer, String> CODES = table(
            code(1, "1"), // NANP: United States, Canada and 23 other territories
            code(7, "8"), // Russia, Kazakhstan
            code(20, TRUNK_0), // Egypt
            code(27, TRUNK_0), // South Africa
            code(30, NO_TRUNK_PREFIX), // Greece
            code(31, TRUNK_0), // Netherlands
            code(32, TRUNK_0), // Belgium
            code(33, TRUNK_0), // France
            code(34, NO_TRUNK_PREFIX), // Spain
            code(36, "06"), // Hungary
            code(39, NO_TRUNK_PREFIX), // Italy, Vatican City
            code(40, TRUNK_0), // Romania
            code(41, TRUNK_0), // Switzerland
            code(43, TRUNK_0), // Austria
            code(44, TRUNK_0), // United Kingdom, Guernsey, Isle of Man, Jersey
            code(45, NO_TRUNK_PREFIX), // Denmark
            code(46, TRUNK_0), // Sweden
            code(47, NO_TRUNK_PREFIX), // Norway, Svalbard & Jan Mayen
            code(48, NO_TRUNK_PREFIX), // Poland
            code(49, TRUNK_0), // Germany
            code(51, TRUNK_0), // Peru
            code(52, NO_TRUNK_PREFIX), // Mexico
            code(53, TRUNK_0), // Cuba
            code(54, TRUNK_0), // Argentina
            code(55, TRUNK_0), // Brazil
            code(56, NO_TRUNK_PREFIX), // Chile
            code(57, TRUNK_0), // Colombia
            code(58, TRUNK_0), // Venezuela
            code(60, TRUNK_0), // Malaysia
            code(61, TRUNK_0), // Australia, Cocos (Keeling) Islands, Christmas Island
            code(62, TRUNK_0), // Indonesia
            code(63, TRUNK_0), // Philippines
            code(64, TRUNK_0), // New Zealand
            code(65, NO_TRUNK_PREFIX), // Singapore
            code(66, TRUNK_0), // Thailand
            code(81, TRUNK_0), // Japan
            code(82, TRUNK_0), // South Korea
            code(84, TRUNK_0), // Vietnam
            code(86, TRUNK_0), // China
            code(90, TRUNK_0), // Turkey
            code(91, TRUNK_0), // India
            code(92, TRUNK_0), // Pakistan
            code(93, TRUNK_0), // Afghanistan
            code(94, TRUNK_0), // Sri Lanka
            code(95, TRUNK_0), // Myanmar (Burma)
            code(98, TRUNK_0), // Iran
            code(211, TRUNK_0), // South Sudan
            code(212, TRUNK_0), // Morocco, Western Sahara
            code(213, TRUNK_0), // Algeria
            code(216, NO_TRUNK_PREFIX), // Tunisia
            code(218, TRUNK_0), // Libya
            code(220, NO_TRUNK_PREFIX), // Gambia
            code(221, NO_TRUNK_PREFIX), // Senegal
            code(222, NO_TRUNK_PREFIX), // Mauritania
            code(223, NO_TRUNK_PREFIX), // Mali
            code(224, NO_TRUNK_PREFIX), // Guinea
            code(225, NO_TRUNK_PREFIX), // Côte d’Ivoire
            code(226, NO_TRUNK_PREFIX), // Burkina Faso
            code(227, NO_TRUNK_PREFIX), // Niger
            code(228, NO_TRUNK_PREFIX), // Togo
            code(229, NO_TRUNK_PREFIX), // Benin
            code(230, NO_TRUNK_PREFIX), // Mauritius
            code(231, TRUNK_0), // Liberia
            code(232, TRUNK_0), // Sierra Leone
            code(233, TRUNK_0), // Ghana
            code(234, TRUNK_0), // Nigeria
            code(235, NO_TRUNK_PREFIX), // Chad
            code(236, NO_TRUNK_PREFIX), // Central African Republic
            code(237, NO_TRUNK_PREFIX), // Cameroon
            code(238, NO_TRUNK_PREFIX), // Cape Verde
            code(239, NO_TRUNK_PREFIX), // São Tomé & Príncipe
            code(240, NO_TRUNK_PREFIX), // Equatorial Guinea
            code(241, NO_TRUNK_PREFIX), // Gabon
            code(242, NO_TRUNK_PREFIX), // Congo - Brazzaville
            code(243, TRUNK_0), // Congo - Kinshasa
            code(244, NO_TRUNK_PREFIX), // Angola
            code(245, NO_TRUNK_PREFIX), // Guinea-Bissau
            code(246, NO_TRUNK_PREFIX), // British Indian Ocean Territory
            code(247, NO_TRUNK_PREFIX), // Ascension Island
            code(248, NO_TRUNK_PREFIX), // Seychelles
            code(249, TRUNK_0), // Sudan
            code(250, TRUNK_0), // Rwanda
            code(251, TRUNK_0), // Ethiopia
            code(252, TRUNK_0), // Somalia
            code(253, NO_TRUNK_PREFIX), // Djibouti
            code(254, TRUNK_0), // Kenya
            code(255, TRUNK_0), // Tanzania
            code(256, TRUNK_0), // Uganda
            code(257, NO_TRUNK_PREFIX), // Burundi
            code(258, NO_TRUNK_PREFIX), // Mozambique
            code(260, TRUNK_0), // Zambia
            code(261, TRUNK_0), // Madagascar
            code(262, TRUNK_0), // Réunion, Mayotte
            code(263, TRUNK_0), // Zimbabwe
            code(264, TRUNK_0), // Namibia
            code(265, TRUNK_0), // Malawi
            code(266, NO_TRUNK_PREFIX), // Lesotho
            code(267, NO_TRUNK_PREFIX), // Botswana
            code(268, NO_TRUNK_PREFIX), // Eswatini
            code(269, NO_TRUNK_PREFIX), // Comoros
            code(290, NO_TRUNK_PREFIX), // St. Helena, Tristan da Cunha
            code(291, TRUNK_0), // Eritrea
            code(297, NO_TRUNK_PREFIX), // Aruba
            code(298, NO_TRUNK_PREFIX), // Faroe Islands
            code(299, NO_TRUNK_PREFIX), // Greenland
            code(350, NO_TRUNK_PREFIX), // Gibraltar
            code(351, NO_TRUNK_PREFIX), // Portugal
            code(352, NO_TRUNK_PREFIX), // Luxembourg
            code(353, TRUNK_0), // Ireland
            code(354, NO_TRUNK_PREFIX), // Iceland
            code(355, TRUNK_0), // Albania
            code(356, NO_TRUNK_PREFIX), // Malta
            code(357, NO_TRUNK_PREFIX), // Cyprus
            code(358, TRUNK_0), // Finland, Åland Islands
            code(359, TRUNK_0), // Bulgaria
            code(370, TRUNK_0), // Lithuania
            code(371, NO_TRUNK_PREFIX), // Latvia
            code(372, NO_TRUNK_PREFIX), // Estonia
            code(373, TRUNK_0), // Moldova
            code(374, TRUNK_0), // Armenia
            code(375, "8"), // Belarus
            code(376, NO_TRUNK_PREFIX), // Andorra
            code(377, TRUNK_0), // Monaco
            code(378, NO_TRUNK_PREFIX), // San Marino
            code(380, TRUNK_0), // Ukraine
            code(381, TRUNK_0), // Serbia
            code(382, TRUNK_0), // Montenegro
            code(383, TRUNK_0), // Kosovo
            code(385, TRUNK_0), // Croatia
            code(386, TRUNK_0), // Slovenia
            code(387, TRUNK_0), // Bosnia & Herzegovina
            code(389, TRUNK_0), // North Macedonia
            code(420, NO_TRUNK_PREFIX), // Czechia
            code(421, TRUNK_0), // Slovakia
            code(423, TRUNK_0), // Liechtenstein
            code(500, NO_TRUNK_PREFIX), // Falkland Islands
            code(501, NO_TRUNK_PREFIX), // Belize
            code(502, NO_TRUNK_PREFIX), // Guatemala
            code(503, NO_TRUNK_PREFIX), // El Salvador
            code(504, NO_TRUNK_PREFIX), // Honduras
            code(505, NO_TRUNK_PREFIX), // Nicaragua
            code(506, NO_TRUNK_PREFIX), // Costa Rica
            code(507, NO_TRUNK_PREFIX), // Panama
            code(508, TRUNK_0), // St. Pierre & Miquelon
            code(509, NO_TRUNK_PREFIX), // Haiti
            code(590, TRUNK_0), // Guadeloupe, St. Barthélemy, St. Martin
            code(591, TRUNK_0), // Bolivia
            code(592, NO_TRUNK_PREFIX), // Guyana
            code(593, TRUNK_0), // Ecuador
            code(594, TRUNK_0), // French Guiana
            code(595, TRUNK_0), // Paraguay
            code(596, TRUNK_0), // Martinique
            code(597, NO_TRUNK_PREFIX), // Suriname
            code(598, TRUNK_0), // Uruguay
            code(599, NO_TRUNK_PREFIX), // Curaçao, Caribbean Netherlands
            code(670, NO_TRUNK_PREFIX), // Timor-Leste
            code(672, NO_TRUNK_PREFIX), // Norfolk Island
            code(673, NO_TRUNK_PREFIX), // Brunei
            code(674, NO_TRUNK_PREFIX), // Nauru
            code(675, NO_TRUNK_PREFIX), // Papua New Guinea
            code(676, NO_TRUNK_PREFIX), // Tonga
            code(677, NO_TRUNK_PREFIX), // Solomon Islands
            code(678, NO_TRUNK_PREFIX), // Vanuatu
            code(679, NO_TRUNK_PREFIX), // Fiji
            code(680, NO_TRUNK_PREFIX), // Palau
            code(681, NO_TRUNK_PREFIX), // Wallis & Futuna
            code(682, NO_TRUNK_PREFIX), // Cook Islands
            code(683, NO_TRUNK_PREFIX), // Niue
            code(685, NO_TRUNK_PREFIX), // Samoa
            code(686, TRUNK_0), // Kiribati
            code(687, NO_TRUNK_PREFIX), // New Caledonia
            code(688, NO_TRUNK_PREFIX), // Tuvalu
            code(689, NO_TRUNK_PREFIX), // French Polynesia
            code(690, NO_TRUNK_PREFIX), // Tokelau
            code(691, NO_TRUNK_PREFIX), // Micronesia
            code(692, "1"), // Marshall Islands
            code(800, NO_TRUNK_PREFIX), // International Freephone Service (UIFN)
            code(808, NO_TRUNK_PREFIX), // International Shared Cost Service (ISCS)
            code(850, TRUNK_0), // North Korea
            code(852, NO_TRUNK_PREFIX), // Hong Kong SAR China
            code(853, NO_TRUNK_PREFIX), // Macao SAR China
            code(855, TRUNK_0), // Cambodia
            code(856, TRUNK_0), // Laos
            code(870, NO_TRUNK_PREFIX), // Inmarsat Single Number Access Service (SNAC)
            code(878, NO_TRUNK_PREFIX), // Universal Personal Telecommunications (UPT)
            code(880, TRUNK_0), // Bangladesh
            code(881, NO_TRUNK_PREFIX), // Global Mobile Satellite System (GMSS)
            code(882, NO_TRUNK_PREFIX), // International Networks
            code(883, NO_TRUNK_PREFIX), // International Networks
            code(886, TRUNK_0), // Taiwan
            code(888, NO_TRUNK_PREFIX), // Telecommunications for Disaster Relief (OCHA)
            code(960, NO_TRUNK_PREFIX), // Maldives
            code(961, TRUNK_0), // Lebanon
            code(962, TRUNK_0), // Jordan
            code(963, TRUNK_0), // Syria
            code(964, TRUNK_0), // Iraq
            code(965, NO_TRUNK_PREFIX), // Kuwait
            code(966, TRUNK_0), // Saudi Arabia
            code(967, TRUNK_0), // Yemen
            code(968, NO_TRUNK_PREFIX), // Oman
            code(970, TRUNK_0), // Palestinian Territories
            code(971, TRUNK_0), // United Arab Emirates
            code(972, TRUNK_0), // Israel
            code(973, NO_TRUNK_PREFIX), // Bahrain
            code(974, NO_TRUNK_PREFIX), // Qatar
            code(975, NO_TRUNK_PREFIX), // Bhutan
            code(976, TRUNK_0), // Mongolia
            code(977, TRUNK_0), // Nepal
            code(979, NO_TRUNK_PREFIX), // International Premium Rate Service (IPRS)
            code(992, NO_TRUNK_PREFIX), // Tajikistan
            code(993, "8"), // Turkmenistan
            code(994, TRUNK_0), // Azerbaijan
            code(995, TRUNK_0), // Georgia
            code(996, TRUNK_0), // Kyrgyzstan
            code(998, NO_TRUNK_PREFIX) // Uzbekistan
    );

    /**
     * Codes whose national numbers all have one length [ITU-T E.164 national plans of +1 and +7;
     * libphonenumber's possible lengths of every territory of the code agree, PhoneOracleTest].
     */
    private static final Map<Integer, Integer> FIXED_NATIONAL_LENGTH = Map.of(1, 10, 7, 10);

    /** The longest country calling code has three digits (E.164 clause 6.2.1). */
    static final int MAX_CODE_LENGTH = 3;

    private CountryCallingCodes() {
    }

    /** All assigned codes, ascending. */
    static Set<Integer> all() {
        return Collections.unmodifiableSet(new TreeSet<>(CODES.keySet()));
    }

    /** The codes of the countries whose national numbers are dialled with a leading trunk 0. */
    static Set<Integer> withTrunkPrefixZero() {
        TreeSet<Integer> zero = new TreeSet<>();
        CODES.forEach((code, trunkPrefix) -> {
            if (trunkPrefix.equals(TRUNK_0)) {
                zero.add(code);
            }
        });
        return Collections.unmodifiableSet(zero);
    }

    /** Every code with a trunk prefix other than none or 0 → that prefix ("1", "8", "06"). */
    static Map<Integer, String> otherTrunkPrefixes() {
        Map<Integer, String> other = new TreeMap<>();
        CODES.forEach((code, trunkPrefix) -> {
            if (!trunkPrefix.equals(TRUNK_0) && !trunkPrefix.equals(NO_TRUNK_PREFIX)) {
                other.put(code, trunkPrefix);
            }
        });
        return Collections.unmodifiableMap(other);
    }

    /** Whether {@code code} is an assigned country calling code. */
    static boolean isAssigned(int code) {
        return CODES.containsKey(code);
    }

    /** Whether numbers of that country are written nationally with a trunk {@code 0}. */
    static boolean usesTrunkPrefixZero(int code) {
        return TRUNK_0.equals(CODES.get(code));
    }

    /**
     * The trunk prefix numbers of that country are written with nationally: "0" in most of
     * Europe, "8" in Russia and Kazakhstan, "1" in North America, "06" in Hungary, "" for none.
     */
    static String trunkPrefix(int code) {
        return CODES.getOrDefault(code, NO_TRUNK_PREFIX);
    }

    /**
     * The length every national number of that code has, where the whole code shares one closed
     * plan of a single length: +1 (the North American Numbering Plan: 3-digit area code and
     * 7-digit number) and +7 (Russia and Kazakhstan: 10 digits). Only for these can a national
     * form be told apart from its trunk prefix by length alone. Empty for all other codes.
     */
    static OptionalInt nationalLength(int code) {
        Integer length = FIXED_NATIONAL_LENGTH.get(code);
        return length == null ? OptionalInt.empty() : OptionalInt.of(length);
    }

    /**
     * The code that {@code digits} starts with. There is at most one, because the codes are
     * prefix-free.
     */
    static OptionalInt leadingCode(String digits) {
        if (digits.startsWith("0")) {
            return OptionalInt.empty(); // no code starts with 0; "+0…" is a typo, not code 0
        }
        for (int length = 1; length <= Math.min(MAX_CODE_LENGTH, digits.length()); length++) {
            int candidate = Integer.parseInt(digits.substring(0, length));
            if (CODES.containsKey(candidate)) {
                return OptionalInt.of(candidate);
            }
        }
        return OptionalInt.empty();
    }

    /** Whether {@code digits} could still grow into a code (it is a proper prefix of one). */
    static boolean isStartOfCode(String digits) {
        return digits.isEmpty()
                || CODES.keySet().stream().map(String::valueOf)
                        .anyMatch(code -> code.length() > digits.length() && code.startsWith(digits));
    }

    @SafeVarargs
    private static Map<Integer, String> table(Map.Entry<Integer, String>... entries) {
        Map<Integer, String> table = new LinkedHashMap<>();
        for (Map.Entry<Integer, String> entry : entries) {
            table.put(entry.getKey(), entry.getValue());
        }
        return Collections.unmodifiableMap(table);
    }

    private static Map.Entry<Integer, String> code(int code, String trunkPrefix) {
        return Map.entry(code, trunkPrefix);
    }
}
