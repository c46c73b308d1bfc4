package io.nekorekten4j.domain;

import java.util.Locale;
import java.util.Objects;

/**
 * Masked values as the live service returns them, and masking of our own for log-safe output.
 *
 * <p>The service masks the names and e-mails of reported people: {@code Не**},
 * {@code Желяз****}, {@code ivan****@gmail.com}. Whether a run of asterisks hides exactly as many
 * characters as it has is not known, so this class assumes less: <strong>a run of one or more
 * {@code *} stands for one or more hidden characters</strong>; every other character must match,
 * case-insensitively. A value without {@code *} must equal the candidate case-insensitively.
 * A match against a masked value is therefore only "compatible with the mask", never certain.
 */
public final class Mask {

    private Mask() {
    }

    /** Whether {@code value} contains the service's mask character {@code *}. */
    public static boolean isMasked(String value) {
        return value != null && value.indexOf('*') >= 0;
    }

    /**
     * Whether {@code candidate} could be the value hidden behind {@code masked}.
     *
     * @param masked    a value as the service returned it, masked or not
     * @param candidate a plain value of ours
     */
    public static boolean compatible(String masked, String candidate) {
        Objects.requireNonNull(masked, "masked");
        Objects.requireNonNull(candidate, "candidate");
        String pattern = masked.strip().toLowerCase(Locale.ROOT);
        String text = candidate.strip().toLowerCase(Locale.ROOT);
        return globMatches(pattern, 0, text, 0);
    }

    // A run of '*' consumes one or more characters. Iterative backtracking over the last star:
    // linear in practice, never exponential.
    private static boolean globMatches(String p, int pi, String t, int ti) {
        int starP = -1;
        int starT = -1;
        while (ti < t.length()) {
            if (pi < p.length() && p.charAt(pi) == '*') {
                while (pi < p.length() && p.charAt(pi) == '*') {
                    pi++;
                }
                starP = pi;
                starT = ++ti; // the run hides at least one character
            } else if (pi < p.length() && p.charAt(pi) == t.charAt(ti)) {
                pi++;
                ti++;
            } else if (starP >= 0) {
                pi = starP;
                ti = ++starT; // let the run hide one more character
            } else {
                return false;
            }
        }
        return pi == p.length();
    }

    /** An e-mail address masked for logs: {@code iv***@abv.bg}. */
    static String email(String email) {
        int at = email.lastIndexOf('@');
        String local = at < 0 ? email : email.substring(0, at);
        String keep = local.length() <= 2 ? local.substring(0, Math.min(1, local.length())) : local.substring(0, 2);
        return keep + "***" + (at < 0 ? "" : email.substring(at));
    }

    /** A name masked for logs: its first letter and asterisks. */
    static String name(String name) {
        return name.isEmpty() ? "" : name.substring(0, 1) + "***";
    }
}
