package io.nekorekten4j.domain;

import java.util.Objects;

/**
 * The shared rule of the service's short identifiers (report ids, file ids): 1 to 64 URL-safe
 * characters ({@code A–Z a–z 0–9 _ -}). The live service uses 10 or 11 such characters
 * ({@code 6PpAbCdEfG}, {@code 0obgyGbp1Ms}); anything that could break a URL path — slashes, dots,
 * percent signs, spaces, query or fragment characters — is rejected.
 */
final class ShortId {

    static final int MAX_LENGTH = 64;

    private ShortId() {
    }

    static String check(String value, String field, String what) {
        Objects.requireNonNull(value, field);
        if (value.isEmpty()) {
            throw new ValidationException(field, what + " must not be empty");
        }
        if (value.length() > MAX_LENGTH) {
            throw new ValidationException(field, what + " is too long: at most " + MAX_LENGTH
                    + " characters, got " + value.length());
        }
        if (!urlSafe(value)) {
            throw new ValidationException(field, what
                    + " may contain only letters A-Z, a-z, digits, '_' and '-'");
        }
        return value;
    }

    /** {@code [A-Za-z0-9_-]+} as a loop: ids are checked for every report of every answer. */
    private static boolean urlSafe(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '_' || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
