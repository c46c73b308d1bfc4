package io.nekorekten4j.fake;

import java.util.Arrays;
import java.util.Objects;

/**
 * A hash map from {@code long} to non-null values: open addressing with linear probing and
 * backward-shift deletion, no boxing and no entry objects. About 16–32 bytes per entry at its
 * load factor, against about 64 for a {@code HashMap<Long, V>}: the fake keeps one entry per
 * report id and per distinct phone, a million of each in the benchmarks.
 *
 * <p>Not thread safe: the store guards it with its lock.
 *
 * @param <V> the value type
 */
final class LongMap<V> {

    private static final int MIN_CAPACITY = 16;
    // Up to 3/4 full: linear probing stays short, and the arrays stay small.
    private static final int LOAD_NUMERATOR = 3;
    private static final int LOAD_DENOMINATOR = 4;

    private long[] keys;
    private Object[] values;
    private int size;

    LongMap() {
        clear();
    }

    /** The value of {@code key}, or {@code null} when there is none. */
    @SuppressWarnings("unchecked") // only V values are ever stored
    V get(long key) {
        int mask = values.length - 1;
        for (int i = home(key, mask); values[i] != null; i = (i + 1) & mask) {
            if (keys[i] == key) {
                return (V) values[i];
            }
        }
        return null;
    }

    /** Whether {@code key} has a value. */
    boolean containsKey(long key) {
        return get(key) != null;
    }

    /** Sets the value of {@code key}. */
    void put(long key, V value) {
        Objects.requireNonNull(value, "value");
        if ((size + 1) * LOAD_DENOMINATOR > values.length * LOAD_NUMERATOR) {
            resize(values.length * 2);
        }
        int mask = values.length - 1;
        int i = home(key, mask);
        while (values[i] != null) {
            if (keys[i] == key) {
                values[i] = value;
                return;
            }
            i = (i + 1) & mask;
        }
        keys[i] = key;
        values[i] = value;
        size++;
    }

    /** Removes the value of {@code key}, if any. */
    void remove(long key) {
        int mask = values.length - 1;
        int gap = home(key, mask);
        while (values[gap] != null && keys[gap] != key) {
            gap = (gap + 1) & mask;
        }
        if (values[gap] == null) {
            return;
        }
        // Backward shift: move later entries of the probe run into the gap unless their home
        // lies cyclically in (gap, j], so that every remaining key stays reachable from its home.
        int j = gap;
        while (true) {
            j = (j + 1) & mask;
            if (values[j] == null) {
                break;
            }
            int home = home(keys[j], mask);
            boolean staysPut = gap <= j ? gap < home && home <= j : gap < home || home <= j;
            if (!staysPut) {
                keys[gap] = keys[j];
                values[gap] = values[j];
                gap = j;
            }
        }
        keys[gap] = 0;
        values[gap] = null;
        size--;
    }

    /** How many keys have a value. */
    int size() {
        return size;
    }

    /** Removes every entry and releases the arrays. */
    void clear() {
        keys = new long[MIN_CAPACITY];
        values = new Object[MIN_CAPACITY];
        size = 0;
    }

    private void resize(int capacity) {
        long[] oldKeys = keys;
        Object[] oldValues = values;
        keys = new long[capacity];
        values = new Object[capacity];
        int mask = capacity - 1;
        for (int k = 0; k < oldValues.length; k++) {
            if (oldValues[k] != null) {
                int i = home(oldKeys[k], mask);
                while (values[i] != null) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[k];
                values[i] = oldValues[k];
            }
        }
    }

    private static int home(long key, int mask) {
        // Fibonacci hashing: phone digits and ids are far from uniform in their low bits.
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }

    @Override
    public String toString() {
        return "LongMap[size=" + size + ", capacity=" + values.length + "]";
    }

    /** The keys, for tests; order unspecified. */
    long[] keys() {
        long[] out = new long[size];
        int n = 0;
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                out[n++] = keys[i];
            }
        }
        return Arrays.copyOf(out, n);
    }
}
