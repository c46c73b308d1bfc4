package io.nekorekten4j.domain;

import io.nekorekten4j.domain.InvalidPhoneException.Reason;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Bulgarian national numbering plan (+359): which national significant numbers (the digits
 * after +359, without the trunk 0) exist, and how long each range's numbers are.
 *
 * <p>Sources, cited per range below:
 * <ul>
 *   <li>[CRC] Комисия за регулиране на съобщенията (Communications Regulation Commission),
 *       "Национален номерационен план на Република България" (National Numbering Plan),
 *       ДВ бр. 14/20.02.2009, amended ДВ бр. 102/2010, бр. 103/2012 (Decision 2186/06.12.2012)
 *       and бр. 42/2014; geographic codes shortened to at most three digits from 1 April 2014
 *       by Decisions 2018/04.10.2012 and 858/14.11.2013. https://crc.bg/</li>
 *   <li>[ITU] ITU-T E.164 national numbering plan communicated by Bulgaria,
 *       https://www.itu.int/oth/T0202000020/en</li>
 *   <li>[LPN] libphonenumber 9.0.43, {@code resources/PhoneNumberMetadata.xml}, territory BG
 *       (itself citing [ITU]). It is the test oracle ({@code PhoneOracleTest}), so where it
 *       differs from [CRC] we follow it; every such place is marked "LPN differs".</li>
 * </ul>
 *
 * <p>The table is a set of prefix-free ranges: a number belongs to at most one range, found by
 * its leading digits, and is valid when its length is within that range's bounds.
 */
final class BulgarianNumberingPlan {

    /** What kind of line a range holds; the label is what a merchant reads in messages. */
    enum Kind {
        LANDLINE("landline"),
        MOBILE("mobile"),
        TOLL_FREE("toll-free"),
        SHARED_COST("shared-cost"),
        PREMIUM_RATE("premium-rate"),
        INTERNATIONAL_FREEPHONE("international freephone");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    /**
     * One range of the plan.
     *
     * @param prefix    the leading digits of the national significant number
     * @param minLength the fewest digits after +359 a number of this range has
     * @param maxLength the most digits after +359 a number of this range has
     * @param kind      the kind of line
     * @param place     the city, where the range is one city's (else {@code null})
     */
    record Range(String prefix, int minLength, int maxLength, Kind kind, String place) {

        /** Whether a number of {@code length} digits after +359 fits this range. */
        boolean fits(int length) {
            return length >= minLength && length <= maxLength;
        }

        /** "Bulgarian mobile number", "Bulgarian landline number in Sofia", … */
        String description() {
            return "Bulgarian " + kind.label() + " number" + (place == null ? "" : " in " + place);
        }

        /** "9 digits", "7 to 8 digits". */
        String expectedLength() {
            return minLength == maxLength ? minLength + " digits" : minLength + " to " + maxLength + " digits";
        }
    }

    /** Numbers starting with 1 are short codes (112, 116xyz, 118xy, …) dialled without trunk 0. */
    private static final String SHORT_CODE_PREFIX = "1";

    private static final List<Range> RANGES = table();

    private static final Map<String, Range> BY_PREFIX = indexByPrefix(RANGES);

    /** Every proper prefix of a range prefix ("", "4", "43", "0", "00", …) → the shortest number under it. */
    private static final Map<String, Integer> SHORTEST_UNDER_PREFIX = indexProperPrefixes(RANGES);

    private static final int LONGEST_PREFIX =
            RANGES.stream().mapToInt(range -> range.prefix().length()).max().orElseThrow();

    private BulgarianNumberingPlan() {
    }

    /** Every range, in table order. */
    static List<Range> ranges() {
        return RANGES;
    }

    /**
     * The range {@code nationalNumber} belongs to.
     *
     * @param nationalNumber the digits after +359, trunk 0 already removed
     * @throws InvalidPhoneException when the number is in no range or has the wrong length for it;
     *                               the message states lengths only, never the digits
     */
    static Range check(String nationalNumber) {
        int length = nationalNumber.length();
        for (int prefixLength = 1; prefixLength <= Math.min(LONGEST_PREFIX, length); prefixLength++) {
            Range range = BY_PREFIX.get(nationalNumber.substring(0, prefixLength));
            if (range != null) {
                return requireLength(range, length);
            }
        }
        if (nationalNumber.startsWith(SHORT_CODE_PREFIX)) {
            throw new InvalidPhoneException(Reason.INVALID_NUMBER,
                    "not a subscriber number: Bulgarian numbers starting with 1 are short service codes "
                            + "(such as 112) and cannot identify a customer");
        }
        Integer shortest = SHORTEST_UNDER_PREFIX.get(nationalNumber);
        if (shortest != null) {
            // The digits are the start of a known range, so more digits were expected.
            throw new InvalidPhoneException(Reason.TOO_SHORT, "too short for a Bulgarian number: at least "
                    + shortest + " digits expected after +359, got " + length);
        }
        throw new InvalidPhoneException(Reason.UNKNOWN_AREA_CODE,
                "unknown Bulgarian area code or mobile prefix: no range of the national numbering plan "
                        + "starts with the first digits given (" + length + " digits after +359)");
    }

    private static Range requireLength(Range range, int length) {
        if (length < range.minLength()) {
            throw new InvalidPhoneException(Reason.TOO_SHORT, "too short for a " + range.description() + ": "
                    + range.expectedLength() + " expected after +359, got " + length);
        }
        if (length > range.maxLength()) {
            throw new InvalidPhoneException(Reason.TOO_LONG, "too long for a " + range.description() + ": "
                    + range.expectedLength() + " expected after +359, got " + length);
        }
        return range;
    }

    // -----------------------------------------------------------------------------------------
    // The table. Lengths are of the national significant number (area code + subscriber number).
    // -----------------------------------------------------------------------------------------

    private static List<Range> table() {
        List<Range> t = new ArrayList<>();

        // Geographic numbers (landlines).
        // [CRC] NDC 2 is Sofia with 7-digit subscriber numbers (8 digits after +359).
        // LPN differs: it also accepts 5- and 6-digit Sofia subscriber numbers (2\d{5,7}), left
        // over from analogue exchanges; we accept 6 to 8 digits.
        add(t, Kind.LANDLINE, 6, 8, "Sofia", "2");
        // [CRC] Other area codes have 2 digits (Plovdiv 32, Varna 52, Burgas 56, Ruse 82, Stara
        // Zagora 42, Pleven 64, …) with 6-digit subscriber numbers, or 3 digits with 5 (4 on
        // some old exchanges), so 7 or 8 digits after +359. Codes of 4-5 digits were folded into
        // 3-digit codes on 1 April 2014.
        // LPN differs: it does not list each area code but whole first-two-digit blocks
        // ([36]\d|4[124-7]|[57][1-9]|8[1-6]|9[1-7])\d{5,6} and (43[1-6]|70[1-9])\d{4,5}, so some
        // codes CRC keeps spare are accepted. We follow LPN block by block.
        add(t, Kind.LANDLINE, 7, 8, null, each("3", "0123456789"));
        add(t, Kind.LANDLINE, 7, 8, null, each("4", "124567"));
        add(t, Kind.LANDLINE, 7, 8, null, each("43", "123456"));
        add(t, Kind.LANDLINE, 7, 8, null, each("5", "123456789"));
        add(t, Kind.LANDLINE, 7, 8, null, each("6", "0123456789"));
        add(t, Kind.LANDLINE, 7, 8, null, each("70", "123456789"));
        add(t, Kind.LANDLINE, 7, 8, null, each("7", "123456789"));
        add(t, Kind.LANDLINE, 7, 8, null, each("8", "123456"));
        add(t, Kind.LANDLINE, 7, 8, null, each("9", "1234567"));

        // Mobile networks.
        // [CRC] NDC 87, 88, 89 and 98: mobile networks, 9 digits after +359 (7-digit subscriber
        // numbers). [ITU], [LPN] (8[7-9]|98)\d{7} agree.
        add(t, Kind.MOBILE, 9, 9, null, "87", "88", "89", "98");
        // [CRC] Decision 2186/2012: 43A (A = 7, 8, 9) mobile networks, 8 digits after +359.
        // [CRC] NDC 430 is M2M (machine-to-machine) with 12 digits after +359.
        // LPN differs: it has 430 as mobile with 8 digits (43[07-9]\d{5}) and no 12-digit 430
        // numbers; we follow LPN.
        add(t, Kind.MOBILE, 8, 8, null, "430", "437", "438", "439");
        // [CRC] 99X: digital mobile networks.
        // LPN differs: it has only 996 and 999, with 9 digits after +359 (99[69]\d{6}); 990-995, 997 and 998 are unknown. We follow LPN.
        add(t, Kind.MOBILE, 9, 9, null, "996", "999");

        // Non-geographic numbers.
        // [CRC] 800: freephone, numbers 0800 XYZZZ, 8 digits after +359. [LPN] 800\d{5}.
        add(t, Kind.TOLL_FREE, 8, 8, null, "800");
        // [CRC] 700: national non-geographic services, numbers 0700 XYZZZ, 8 digits after +359.
        // [LPN] 700\d{5}, typed shared cost.
        add(t, Kind.SHARED_COST, 8, 8, null, "700");
        // [CRC] 90: value-added (premium-rate) services, numbers 090 S XYZ ZZ, 8 digits after +359.
        // [LPN] 90\d{6}.
        add(t, Kind.PREMIUM_RATE, 8, 8, null, "90");
        // LPN differs: it accepts international freephone numbers as dialled in Bulgaria,
        // 00800 + 7 digits (12 digits after +359), as toll-free; [CRC] has no such NDC (these are
        // +800 numbers of ITU-T E.169.1 reached through the 00 international prefix). We follow
        // LPN, but only in the international form "+359 00800 …": typed nationally, "00800 …"
        // is read as the international prefix 00 followed by +800.
        add(t, Kind.INTERNATIONAL_FREEPHONE, 12, 12, null, "00800");

        // Everything else is not assigned: 0 (other than 00800), 1 (short codes, see
        // SHORT_CODE_PREFIX), 40, 48 (withdrawn NMT mobile), 49, 50, 80 (other than 800), 990-995,
        // 997 and 998.
        return Collections.unmodifiableList(t);
    }

    private static void add(List<Range> table, Kind kind, int minLength, int maxLength, String place,
            String... prefixes) {
        for (String prefix : prefixes) {
            table.add(new Range(prefix, minLength, maxLength, kind, place));
        }
    }

    /** {@code each("4", "124")} is {"41", "42", "44"}. */
    private static String[] each(String head, String lastDigits) {
        return lastDigits.chars().mapToObj(digit -> head + (char) digit).toArray(String[]::new);
    }

    private static Map<String, Range> indexByPrefix(List<Range> ranges) {
        Map<String, Range> index = new HashMap<>();
        for (Range range : ranges) {
            if (index.put(range.prefix(), range) != null) {
                throw new IllegalStateException("duplicate range " + range.prefix());
            }
        }
        for (String prefix : index.keySet()) {
            for (int length = 1; length < prefix.length(); length++) {
                if (index.containsKey(prefix.substring(0, length))) {
                    // Lookup takes the first (shortest) match, so nested ranges would be unreachable.
                    throw new IllegalStateException("range " + prefix + " is inside range " + prefix.substring(0, length));
                }
            }
        }
        return Map.copyOf(index);
    }

    private static Map<String, Integer> indexProperPrefixes(List<Range> ranges) {
        Map<String, Integer> index = new HashMap<>();
        for (Range range : ranges) {
            for (int length = 0; length < range.prefix().length(); length++) {
                index.merge(range.prefix().substring(0, length), range.minLength(), Math::min);
            }
        }
        return Map.copyOf(index);
    }
}
