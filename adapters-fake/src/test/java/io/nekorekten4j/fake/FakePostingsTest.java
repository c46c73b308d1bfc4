package io.nekorekten4j.fake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Posting lists stay sorted oldest first and their set operations agree with sorted sets. */
class FakePostingsTest {

    private final Random random = new Random(11);
    private final long[] time = new long[1_000];

    {
        for (int slot = 0; slot < time.length; slot++) {
            time[slot] = random.nextInt(50); // many equal times: the slot breaks ties
        }
    }

    private final Comparator<Integer> order = Comparator.<Integer>comparingLong(s -> time[s]).thenComparing(s -> s);

    @Test
    void addAndRemoveKeepTheListSortedAndFreeOfDuplicates() {
        int[] list = Postings.EMPTY;
        TreeSet<Integer> model = new TreeSet<>(order);
        for (int i = 0; i < 5_000; i++) {
            int slot = random.nextInt(time.length);
            if (random.nextInt(3) > 0) {
                list = Postings.add(list, slot, time);
                model.add(slot);
            } else {
                list = Postings.remove(list, slot, time);
                model.remove(slot);
            }
            if (i % 500 == 0) {
                assertThat(toList(list)).isEqualTo(new ArrayList<>(model));
            }
        }
        assertThat(toList(list)).isEqualTo(new ArrayList<>(model));
        assertThat(Postings.EMPTY).containsExactly(0);
    }

    @Test
    void intersectAndUnionAgreeWithSortedSets() {
        for (int round = 0; round < 200; round++) {
            TreeSet<Integer> a = randomSet(random.nextInt(60));
            TreeSet<Integer> b = randomSet(random.nextInt(300));

            TreeSet<Integer> both = new TreeSet<>(order);
            both.addAll(a);
            both.retainAll(b);
            TreeSet<Integer> either = new TreeSet<>(order);
            either.addAll(a);
            either.addAll(b);

            assertThat(toList(Postings.intersect(fromSet(a), fromSet(b), time))).isEqualTo(new ArrayList<>(both));
            assertThat(toList(Postings.intersect(fromSet(b), fromSet(a), time))).isEqualTo(new ArrayList<>(both));
            assertThat(toList(Postings.union(fromSet(a), fromSet(b), time))).isEqualTo(new ArrayList<>(either));
        }
    }

    @Test
    void aSingletonListIsTwoInts() {
        assertThat(Postings.add(Postings.EMPTY, 7, time)).containsExactly(1, 7);
    }

    private TreeSet<Integer> randomSet(int size) {
        TreeSet<Integer> set = new TreeSet<>(order);
        while (set.size() < size) {
            set.add(random.nextInt(time.length));
        }
        return set;
    }

    private int[] fromSet(TreeSet<Integer> set) {
        int[] list = Postings.EMPTY;
        for (int slot : set) {
            list = Postings.add(list, slot, time);
        }
        return list;
    }

    private static List<Integer> toList(int[] list) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < Postings.size(list); i++) {
            out.add(Postings.get(list, i));
        }
        return out;
    }
}
