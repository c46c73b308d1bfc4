package io.nekorekten4j.fake;

/**
 * Posting lists of the fake's indexes: the slots of the reports that carry one key, as a bare
 * {@code int[]} whose element 0 is the count and elements 1..count the slots, ordered oldest
 * first by (creation second, slot). A report found under one key costs 4 bytes in its list; a key
 * held by one report costs a 24-byte array.
 *
 * <p>The order is that of the search results read backwards, so the newest page is the tail of a
 * list, and lists merge and intersect in one pass. Reports created "now" append at the tail;
 * reports arranged in the past are inserted by binary search.
 *
 * <p>{@code time} is the store's creation second by slot. Not thread safe: the store's lock guards
 * every list.
 */
final class Postings {

    /** The empty list; shared, never written. */
    static final int[] EMPTY = {0};

    private Postings() {
    }

    /** How many slots {@code list} holds. */
    static int size(int[] list) {
        return list[0];
    }

    /** The {@code i}-th slot of {@code list}, oldest first, from 0. */
    static int get(int[] list, int i) {
        return list[i + 1];
    }

    /** Whether report {@code a} sorts before report {@code b}: older, or as old and stored earlier. */
    static boolean before(int a, int b, long[] time) {
        return time[a] < time[b] || (time[a] == time[b] && a < b);
    }

    /**
     * Where {@code slot} is in {@code list} (its index from 0), or {@code -(insertion point) - 1}
     * when it is not there.
     */
    static int indexOf(int[] list, int slot, long[] time) {
        return indexOfFrom(list, slot, time, 0);
    }

    /** {@code list} with {@code slot} in its place: the same array when it had room, else a larger one. */
    static int[] add(int[] list, int slot, long[] time) {
        int size = list[0];
        // Newly created reports are usually the newest: check the tail before searching.
        int at = size == 0 || before(list[size], slot, time) ? size : indexOf(list, slot, time);
        if (at < 0) {
            at = -at - 1;
        } else if (at < size && list[at + 1] == slot) {
            return list;
        }
        int[] target = list;
        if (list == EMPTY || size + 1 >= list.length) {
            target = new int[size < 2 ? size + 2 : size + 1 + (size >> 1) + 1];
            System.arraycopy(list, 1, target, 1, at);
        }
        System.arraycopy(list, at + 1, target, at + 2, size - at);
        target[at + 1] = slot;
        target[0] = size + 1;
        return target;
    }

    /** {@code list} without {@code slot}: the same array, or {@link #EMPTY} when nothing is left. */
    static int[] remove(int[] list, int slot, long[] time) {
        int at = indexOf(list, slot, time);
        if (at < 0) {
            return list;
        }
        int size = list[0];
        if (size == 1) {
            return EMPTY;
        }
        System.arraycopy(list, at + 2, list, at + 1, size - at - 1);
        list[size] = 0;
        list[0] = size - 1;
        return list;
    }

    /** The slots in both lists, in order. */
    static int[] intersect(int[] a, int[] b, long[] time) {
        int[] small = a[0] <= b[0] ? a : b;
        int[] large = small == a ? b : a;
        int[] out = new int[small[0] + 1];
        int n = 0;
        // Probe the larger list by binary search, from where the previous probe ended.
        int from = 0;
        for (int i = 1; i <= small[0] && from < large[0]; i++) {
            int slot = small[i];
            int at = indexOfFrom(large, slot, time, from);
            if (at >= 0) {
                out[++n] = slot;
                from = at + 1;
            } else {
                from = -at - 1;
            }
        }
        out[0] = n;
        return out;
    }

    /** The slots in either list, in order, each once. */
    static int[] union(int[] a, int[] b, long[] time) {
        if (a[0] == 0) {
            return b;
        }
        if (b[0] == 0) {
            return a;
        }
        int[] out = new int[a[0] + b[0] + 1];
        int i = 1;
        int j = 1;
        int n = 0;
        while (i <= a[0] && j <= b[0]) {
            if (a[i] == b[j]) {
                out[++n] = a[i++];
                j++;
            } else if (before(a[i], b[j], time)) {
                out[++n] = a[i++];
            } else {
                out[++n] = b[j++];
            }
        }
        while (i <= a[0]) {
            out[++n] = a[i++];
        }
        while (j <= b[0]) {
            out[++n] = b[j++];
        }
        out[0] = n;
        return out;
    }

    private static int indexOfFrom(int[] list, int slot, long[] time, int from) {
        int low = from;
        int high = list[0] - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int probe = list[mid + 1];
            if (probe == slot) {
                return mid;
            }
            if (before(probe, slot, time)) {
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return -(low + 1);
    }
}
