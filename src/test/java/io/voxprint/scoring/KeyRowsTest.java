package io.voxprint.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The index's key table against java.util.HashMap over random puts, replacements and removals. The
 * table keeps rows, not keys: here row r holds the key {@code universe[r % universe size]}, as an
 * index's row holds its key.
 */
class KeyRowsTest {

    @Test
    void agreesWithAHashMapThroughGrowthAndRemovals() {
        SplittableRandom random = new SplittableRandom(7);
        for (int round = 0; round < 20; round++) {
            List<String> universe = new ArrayList<>();
            for (int i = 0; i < 3000; i++) {
                universe.add(i % 3 == 0 ? "Speaker " + i : i % 3 == 1 ? "Aa" + "BB".repeat(i % 5) + i : "émile " + (i * 31));
            }
            KeyRows rows = new KeyRows(1 + round, r -> universe.get(r % universe.size())); // small, so that it grows many times
            Map<String, Integer> reference = new HashMap<>();
            for (int op = 0; op < 20_000; op++) {
                String key = universe.get(random.nextInt(universe.size()));
                int what = random.nextInt(10);
                if (what < 5) {
                    int row = universe.indexOf(key) + universe.size() * random.nextInt(300);
                    rows.put(key, row);
                    reference.put(key, row);
                } else if (what < 8) {
                    Integer expected = reference.remove(key);
                    assertEquals(expected == null ? -1 : expected, rows.remove(key), key);
                } else {
                    Integer expected = reference.get(key);
                    assertEquals(expected == null ? -1 : expected, rows.get(key), key);
                }
                assertEquals(reference.size(), rows.size());
            }
            for (String key : universe) {
                Integer expected = reference.get(key);
                assertEquals(expected == null ? -1 : expected, rows.get(key), key);
            }
        }
    }

    @Test
    void keysWithTheSameHashAreKeptApart() {
        // "Aa" and "BB" have the same String hash, so do all their concatenations of equal length
        List<String> same = List.of("AaAa", "AaBB", "BBAa", "BBBB");
        KeyRows rows = new KeyRows(4, same::get);
        for (int i = 0; i < same.size(); i++) {
            rows.put(same.get(i), i);
        }
        assertEquals(1, rows.remove("AaBB"));
        assertEquals(0, rows.get("AaAa"));
        assertEquals(-1, rows.get("AaBB"));
        assertEquals(2, rows.get("BBAa"));
        assertEquals(3, rows.get("BBBB"));
    }
}
