package io.nekorekten4j.fake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The primitive-keyed map behaves like a HashMap through puts, overwrites and removals. */
class FakeLongMapTest {

    @Test
    void agreesWithAHashMapOverRandomOperations() {
        LongMap<String> map = new LongMap<>();
        Map<Long, String> model = new HashMap<>();
        Random random = new Random(3);
        for (int i = 0; i < 200_000; i++) {
            // Few distinct keys with clustered values, so probe runs collide and wrap around.
            long key = random.nextInt(2_000) * 1024L;
            switch (random.nextInt(3)) {
                case 0, 1 -> {
                    String value = "v" + i;
                    map.put(key, value);
                    model.put(key, value);
                }
                default -> {
                    map.remove(key);
                    model.remove(key);
                }
            }
            if (i % 10_000 == 0) {
                assertAgree(map, model);
            }
        }
        assertAgree(map, model);
    }

    @Test
    void negativeAndZeroKeysAreOrdinaryKeys() {
        LongMap<String> map = new LongMap<>();
        map.put(0, "zero");
        map.put(-1, "minus one");
        map.put(Long.MIN_VALUE, "min");

        assertThat(map.get(0)).isEqualTo("zero");
        assertThat(map.get(-1)).isEqualTo("minus one");
        assertThat(map.get(Long.MIN_VALUE)).isEqualTo("min");
        map.remove(0);
        assertThat(map.get(0)).isNull();
        assertThat(map.size()).isEqualTo(2);
    }

    @Test
    void clearEmptiesTheMap() {
        LongMap<String> map = new LongMap<>();
        for (long k = 0; k < 100; k++) {
            map.put(k, "x");
        }
        map.clear();

        assertThat(map.size()).isZero();
        assertThat(map.get(5)).isNull();
    }

    private static void assertAgree(LongMap<String> map, Map<Long, String> model) {
        assertThat(map.size()).isEqualTo(model.size());
        for (Map.Entry<Long, String> e : model.entrySet()) {
            assertThat(map.get(e.getKey())).isEqualTo(e.getValue());
        }
        for (long key : map.keys()) {
            assertThat(model).containsKey(key);
        }
    }
}
