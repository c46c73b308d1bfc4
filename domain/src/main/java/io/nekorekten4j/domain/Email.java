package io.nekorekten4j.domain;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An e-mail address, trimmed and lower-cased so that {@code Ivan@ABV.bg} and {@code ivan@abv.bg}
 * are one person (mail providers treat the local part case-insensitively in practice).
 *
 * <p>{@link #toString()} masks the address: e-mail addresses are personal data and must not reach
 * log lines.
 *
 * @param value the normalised address
 */
public record Email(String value) {

    private static final int MAX_LENGTH = 254;
    private static final int MAX_LOCAL_LENGTH = 64;
    // Letters of any script are allowed: internationalised addresses (RFC 6531) exist in Bulgaria.
    private static final Pattern LOCAL = Pattern.compile("[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~.-]+");
    private static final Pattern LABEL = Pattern.compile("[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?");

    /** Validates the exact (already normalised) form. */
    public Email {
        Objects.requireNonNull(value, "value");
        String problem = problemWith(value);
        if (problem != null) {
            throw new ValidationException("email", problem);
        }
        if (!value.equals(value.strip().toLowerCase(Locale.ROOT))) {
            throw new ValidationException("email", "an e-mail address must be trimmed and lower-case; use Email.parse");
        }
    }

    /** Trims and lower-cases {@code text}, then validates it. */
    public static Email parse(String text) {
        Objects.requireNonNull(text, "text");
        return new Email(text.strip().toLowerCase(Locale.ROOT));
    }

    /** Whether {@link #parse} would accept {@code text}. */
    public static boolean isValid(String text) {
        return text != null && problemWith(text.strip().toLowerCase(Locale.ROOT)) == null;
    }

    /** The part before the {@code @}. */
    public String localPart() {
        return value.substring(0, value.lastIndexOf('@'));
    }

    /** The part after the {@code @}. */
    public String domain() {
        return value.substring(value.lastIndexOf('@') + 1);
    }

    /** Whether this address fits {@code masked}, a value as the service returns it (see {@link Mask}). */
    public boolean fitsMask(String masked) {
        return Mask.compatible(masked, value);
    }

    @Override
    public String toString() {
        return Mask.email(value);
    }

    private static String problemWith(String value) {
        if (value.isEmpty()) {
            return "an e-mail address must not be empty";
        }
        if (value.length() > MAX_LENGTH) {
            return "an e-mail address is at most " + MAX_LENGTH + " characters, got " + value.length();
        }
        int at = value.lastIndexOf('@');
        if (at < 0 || value.indexOf('@') != at) {
            return "an e-mail address needs exactly one '@'";
        }
        String local = value.substring(0, at);
        String domain = value.substring(at + 1);
        if (local.isEmpty() || local.length() > MAX_LOCAL_LENGTH || !LOCAL.matcher(local).matches()
                || local.startsWith(".") || local.endsWith(".") || local.contains("..")) {
            return "the part before '@' is not a valid mailbox name";
        }
        String[] labels = domain.split("\\.", -1);
        if (labels.length < 2) {
            return "the domain after '@' needs a dot, e.g. abv.bg";
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return "the domain after '@' is not a valid host name";
            }
        }
        return null;
    }
}
