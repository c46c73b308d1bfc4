package io.nekorekten4j.fake;

import java.util.SplittableRandom;

/**
 * The fake's report and file ids: 10 alphanumeric characters such as {@code 6PpAbCdEfG}, like the
 * live service's (see the reference, §2), drawn from a seeded {@link SplittableRandom} so that the
 * same seed and the same calls give the same ids.
 *
 * <p>An id is held as the {@code long} it encodes (a number below 62<sup>10</sup>, written in base
 * 62, most significant digit first): eight bytes per report instead of a 10-character string.
 * Thread safe: {@link #next()} is synchronized, because {@link SplittableRandom} is not.
 */
final class Ids {

    /** Characters per id. */
    static final int LENGTH = 10;
    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final int BASE = ALPHABET.length();
    /** 62^10: how many distinct ids there are. */
    static final long SPACE = pow(BASE, LENGTH);

    private final long seed;
    private SplittableRandom random;

    Ids(long seed) {
        this.seed = seed;
        this.random = new SplittableRandom(seed);
    }

    /** The next id, as a number below {@link #SPACE}. Callers reject ids already taken and draw again. */
    synchronized long next() {
        return random.nextLong(SPACE);
    }

    /** Starts the sequence again from the seed. */
    synchronized void restart() {
        random = new SplittableRandom(seed);
    }

    /** The text of id {@code value}. */
    static String encode(long value) {
        if (value < 0 || value >= SPACE) {
            throw new IllegalArgumentException("an id is a number in [0, 62^10), got " + value);
        }
        char[] chars = new char[LENGTH];
        long rest = value;
        for (int i = LENGTH - 1; i >= 0; i--) {
            chars[i] = ALPHABET.charAt((int) (rest % BASE));
            rest /= BASE;
        }
        return new String(chars);
    }

    /** The number of id text {@code text}, or {@code -1} when no id of the fake is spelt so. */
    static long decode(String text) {
        if (text.length() != LENGTH) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < LENGTH; i++) {
            int digit = ALPHABET.indexOf(text.charAt(i));
            if (digit < 0) {
                return -1;
            }
            value = value * BASE + digit;
        }
        return value;
    }

    private static long pow(long base, int exponent) {
        long result = 1;
        for (int i = 0; i < exponent; i++) {
            result = Math.multiplyExact(result, base);
        }
        return result;
    }
}
