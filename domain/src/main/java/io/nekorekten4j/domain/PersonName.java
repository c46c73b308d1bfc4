package io.nekorekten4j.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A person's name as a search key or a report field: trimmed, inner spaces collapsed, letters of
 * any script (Cyrillic or Latin), with spaces, hyphens, apostrophes and dots between them.
 *
 * <p>{@link #tokens()} splits it into lower-case words: the unit of name matching in the fake.
 *
 * @param value the normalised name
 */
public record PersonName(String value) {

    /** The longest name accepted, in characters. */
    public static final int MAX_LENGTH = 100;
    private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{M}]+(?:[ .'’-]+[\\p{L}\\p{M}]+)*[.]?");

    /** Validates the exact (already normalised) form. */
    public PersonName {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new ValidationException("name", "a name must not be blank");
        }
        if (value.length() > MAX_LENGTH) {
            throw new ValidationException("name", "a name is at most " + MAX_LENGTH + " characters, got " + value.length());
        }
        if (!ALLOWED.matcher(value).matches()) {
            throw new ValidationException("name",
                    "a name may contain only letters, with spaces, hyphens, apostrophes or dots between them");
        }
        if (!value.equals(normalise(value))) {
            throw new ValidationException("name", "a name must be trimmed with single spaces; use PersonName.parse");
        }
    }

    /** Trims {@code text} and collapses its inner whitespace, then validates it. */
    public static PersonName parse(String text) {
        Objects.requireNonNull(text, "text");
        return new PersonName(normalise(text));
    }

    /** The lower-case words of the name: {@code "Иван Петров-Иванов"} → {@code [иван, петров, иванов]}. */
    public List<String> tokens() {
        return tokens(value);
    }

    /** The lower-case words of any text, split on everything that is not a letter or a mark. */
    public static List<String> tokens(String text) {
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{M}*]+"))
                .filter(t -> !t.isEmpty())
                .toList();
    }

    @Override
    public String toString() {
        return Mask.name(value);
    }

    private static String normalise(String text) {
        // (?U): no-break spaces pasted from web pages count as spaces too.
        return text.replaceAll("(?U)\\s+", " ").strip();
    }
}
