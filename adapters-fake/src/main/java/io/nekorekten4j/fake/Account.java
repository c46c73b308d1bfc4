package io.nekorekten4j.fake;

import io.nekorekten4j.domain.Reporter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;
import java.util.Optional;

/**
 * The account an API key belongs to, derived from the key alone: its id is a SHA-256 digest of the
 * key written as a 10-character id, and its names and e-mail are picked from short lists by that
 * digest. The same key always gives the same account; the key cannot be read back from it, so the
 * fake keeps accounts, never keys, in its state, its call log and its messages.
 *
 * @param id        the account id, e.g. {@code V4pAbCdEfG}
 * @param firstName the account holder's first name
 * @param lastName  the account holder's last name
 * @param email     the account's e-mail
 */
record Account(String id, String firstName, String lastName, String email) {

    private static final String[] FIRST_NAMES = {
        "Георги", "Мария", "Димитър", "Елена", "Николай", "Десислава", "Стоян", "Светлана",
    };
    private static final String[] LAST_NAMES = {
        "Търговски", "Маринова", "Пеев", "Христова", "Колев", "Ангелова", "Райчев", "Бонева",
    };

    Account {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(firstName, "firstName");
        Objects.requireNonNull(lastName, "lastName");
        Objects.requireNonNull(email, "email");
    }

    /** The account of {@code apiKey}. */
    static Account of(String apiKey) {
        byte[] digest = sha256(apiKey);
        long number = 0;
        for (int i = 0; i < Long.BYTES; i++) {
            number = (number << 8) | (digest[i] & 0xFF);
        }
        String id = Ids.encode(Math.floorMod(number, Ids.SPACE));
        String first = FIRST_NAMES[(digest[8] & 0xFF) % FIRST_NAMES.length];
        String last = LAST_NAMES[(digest[9] & 0xFF) % LAST_NAMES.length];
        return new Account(id, first, last, "shop." + id.toLowerCase(java.util.Locale.ROOT) + "@example.bg");
    }

    /** The account as a report's {@code user}, names and e-mail masked like the live service's. */
    Reporter asReporter() {
        return new Reporter(Optional.of(id), Optional.of(Masking.name(firstName)),
                Optional.of(Masking.name(lastName)), Optional.of(Masking.email(email)));
    }

    @Override
    public String toString() {
        return "Account[" + id + "]";
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-256 (MessageDigest's Javadoc).
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
