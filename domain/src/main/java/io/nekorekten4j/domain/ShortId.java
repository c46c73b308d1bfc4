package io.nekorekten4j.domain;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The shared rule of the service's short identifiers (report ids, file ids): 1 to 64 URL-safe
 * characters ({@code A–Z a–z 0–9 _ -}). The live service uses 10 or 11 such characters
 * ({@code 6PpAbCdEfG}, {@code 0obgyGbp1Ms}); anything that could break a URL path — slashes, dots,
 * percent signs, spaces, query or fragment characters — is rejected.
 */
final class ShortId {

    static final int MAX_LENGTH = 64;
    private static final Pattern URL_SAFE = Pattern.compile("[A-Za-z0-9_-]+");

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
        if (!URL_SAFE.matcher(value).matches()) {
            throw new ValidationException(field, what
                    + " may contain only letters A-Z, a-z, digits, '_' and '-'");
        }
        return value;
    }
}
