package io.voxprint.scoring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** topK against a brute-force double-precision search over the same models kept in a plain map. */
class SpeakerIndexTest {

    /** Float accumulation of unit vectors differs from double by a few ulps of 1. */
    private static final double SCORE_TOLERANCE = 2e-6;

    private static float[] gaussian(Random r, int dim) {
        float[] v = new float[dim];
        for (int j = 0; j < dim; j++) {
            v[j] = (float) r.nextGaussian();
        }
        return v;
    }

    /** Reference: double-precision cosine of every model, sorted by score then key. */
    private static List<Candidate> bruteForce(Map<String, float[]> models, float[] probe, int k, String excluded) {
        List<Candidate> all = new ArrayList<>();
        for (Map.Entry<String, float[]> e : models.entrySet()) {
            if (e.getKey().equals(excluded)) {
                continue;
            }
            float[] m = e.getValue();
            double dot = 0;
            double nm = 0;
            double np = 0;
            for (int j = 0; j < m.length; j++) {
                dot += (double) m[j] * probe[j];
                nm += (double) m[j] * m[j];
                np += (double) probe[j] * probe[j];
            }
            all.add(new Candidate(e.getKey(), (float) (dot / Math.sqrt(nm * np))));
        }
        all.sort(Comparator.comparingDouble((Candidate c) -> -c.score()).thenComparing(Candidate::key));
        return all.subList(0, Math.min(k, all.size()));
    }

    /** Same ranking up to float rounding: scores agree, and keys agree wherever scores are not near-tied. */
    private static void assertSameRanking(List<Candidate> expected, List<Candidate> actual) {
        assertEquals(expected.size(), actual.size(), "number of candidates");
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i).score(), actual.get(i).score(), SCORE_TOLERANCE, "score at rank " + i);
            boolean nearTie = (i > 0 && expected.get(i).score() - expected.get(i - 1).score() > -SCORE_TOLERANCE)
                    || (i + 1 < expected.size() && expected.get(i).score() - expected.get(i + 1).score() < SCORE_TOLERANCE);
            if (!nearTie) {
                assertEquals(expected.get(i).key(), actual.get(i).key(), "key at rank " + i);
            }
        }
    }

    @ParameterizedTest(name = "n={0} dim={1} k={2}")
    @CsvSource({"1,192,1", "7,192,10", "500,192,5", "3000,64,50", "24000,192,10", "9000,17,3"})
    void topKMatchesBruteForce(int n, int dim, int k) {
        // 24000 x 192 floats is above PARALLEL_MIN_FLOATS: the two-part split with several score chunks;
        // the smaller cases run on one thread (n = 7, 9000 and dim 17, 3000 x 64 exercise the loop tails)
        Random r = new Random(n * 31L + dim);
        SpeakerIndex index = new SpeakerIndex(dim);
        Map<String, float[]> reference = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            float[] m = gaussian(r, dim);
            index.put("spk" + i, m);
            reference.put("spk" + i, m);
        }
        for (int q = 0; q < 5; q++) {
            float[] probe = gaussian(r, dim);
            assertSameRanking(bruteForce(reference, probe, k, null), index.topK(probe, k));
        }
        assertTrue((long) 24000 * 192 >= SpeakerIndex.PARALLEL_MIN_FLOATS, "one case exercises the parallel scan");
    }

    @Test
    void kLargerThanTheIndexReturnsEverySpeakerRanked() {
        Random r = new Random(3);
        SpeakerIndex index = new SpeakerIndex(8);
        Map<String, float[]> reference = new LinkedHashMap<>();
        for (int i = 0; i < 4; i++) {
            float[] m = gaussian(r, 8);
            index.put("s" + i, m);
            reference.put("s" + i, m);
        }
        float[] probe = gaussian(r, 8);
        List<Candidate> top = index.topK(probe, 100);
        assertEquals(4, top.size());
        assertSameRanking(bruteForce(reference, probe, 100, null), top);
        assertEquals(List.of(), index.topK(probe, 0));
        assertEquals(List.of(), new SpeakerIndex(8).topK(probe, 5));
    }

    @Test
    void duplicateModelsTieAndAreOrderedByKey() {
        Random r = new Random(5);
        float[] shared = gaussian(r, 192);
        SpeakerIndex index = new SpeakerIndex(192);
        index.put("zed", shared);
        index.put("amy", shared.clone());
        index.put("kim", shared.clone());
        for (int i = 0; i < 50; i++) {
            index.put("other" + i, gaussian(r, 192));
        }
        List<Candidate> top = index.topK(shared, 3);
        assertEquals(List.of("amy", "kim", "zed"), top.stream().map(Candidate::key).toList());
        for (Candidate c : top) {
            assertEquals(1.0, c.score(), 1e-6);
        }
    }

    @Test
    void removalAndReplacementKeepTheIndexEqualToTheReference() {
        Random r = new Random(11);
        int dim = 192;
        SpeakerIndex index = new SpeakerIndex(dim, 4);
        Map<String, float[]> reference = new LinkedHashMap<>();
        for (int i = 0; i < 2000; i++) {
            float[] m = gaussian(r, dim);
            index.put("s" + i, m);
            reference.put("s" + i, m);
        }
        for (int i = 0; i < 2000; i += 3) {
            assertTrue(index.remove("s" + i));
            reference.remove("s" + i);
        }
        assertFalse(index.remove("s0"), "already removed");
        assertFalse(index.remove("never"));
        for (int i = 1; i < 2000; i += 7) {
            if (reference.containsKey("s" + i)) {
                float[] m = gaussian(r, dim);
                index.put("s" + i, m);
                reference.put("s" + i, m);
            }
        }
        index.remove("s1999");
        reference.remove("s1999");
        assertEquals(reference.size(), index.size());
        for (Map.Entry<String, float[]> e : reference.entrySet()) {
            assertArrayEquals(Vectors.normalize(e.getValue()), index.voiceprint(e.getKey()), 1e-7f, e.getKey());
        }
        for (int q = 0; q < 5; q++) {
            float[] probe = gaussian(r, dim);
            assertSameRanking(bruteForce(reference, probe, 20, null), index.topK(probe, 20));
            String excluded = index.topK(probe, 1).get(0).key();
            assertSameRanking(bruteForce(reference, probe, 20, excluded), index.topK(probe, 20, excluded));
        }
    }

    @Test
    void scoreIsTheCosineAndIdentifyAppliesTheThreshold() {
        Random r = new Random(13);
        SpeakerIndex index = new SpeakerIndex(32);
        Map<String, float[]> reference = new LinkedHashMap<>();
        for (int i = 0; i < 20; i++) {
            float[] m = gaussian(r, 32);
            index.put("s" + i, m);
            reference.put("s" + i, m);
        }
        float[] probe = reference.get("s4").clone();
        probe[0] += 0.5f;
        Candidate best = bruteForce(reference, probe, 1, null).get(0);
        assertEquals("s4", best.key());
        assertEquals(best.score(), index.score("s4", probe), SCORE_TOLERANCE);
        assertEquals("s4", index.identify(probe, best.score() - 0.01).orElseThrow().key());
        assertTrue(index.identify(probe, best.score() + 0.01).isEmpty(), "below the threshold nobody is identified");
    }

    @Test
    void wrongSizesAndUnknownKeysFailInOneSentence() {
        SpeakerIndex index = new SpeakerIndex(192);
        ScoringException zeros = assertThrows(ScoringException.class, () -> index.put("a", new float[192]));
        assertEquals("An embedding of only zeros has no direction and cannot be scored.", zeros.getMessage());
        assertEquals(0, index.size(), "a refused model leaves the index unchanged");
        index.put("a", unit(192));
        ScoringException dim = assertThrows(ScoringException.class, () -> index.topK(new float[128], 3));
        assertEquals("The probe has 128 values but this index holds 192-value voiceprints from another model.", dim.getMessage());
        ScoringException unknown = assertThrows(ScoringException.class, () -> index.score("nobody", unit(192)));
        assertEquals("No speaker 'nobody' is in the index.", unknown.getMessage());
        float[] nan = unit(192);
        nan[3] = Float.NaN;
        assertThrows(ScoringException.class, () -> index.topK(nan, 1));
        assertThrows(ScoringException.class, () -> index.topK(unit(192), -1));
    }

    /**
     * putAll over several write blocks: each row normalised as put does (the reference is put's own
     * voiceprint, and the unit vector worked out here), a repeated key replaces, and a row that cannot
     * be normalised is refused in one sentence with every row before it kept.
     */
    @Test
    void putAllEqualsPutRowByRowAcrossBlocks() {
        int dim = 24;
        int n = 2 * SpeakerIndex.WRITE_BLOCK_ROWS + 77;
        Random r = new Random(11);
        List<String> keys = new ArrayList<>();
        float[] rows = new float[n * dim];
        SpeakerIndex one = new SpeakerIndex(dim);
        for (int i = 0; i < n; i++) {
            String key = "k" + (i % (n - 10)); // the last ten replace the first ten
            float[] v = gaussian(r, dim);
            keys.add(key);
            System.arraycopy(v, 0, rows, i * dim, dim);
            one.put(key, v);
        }
        SpeakerIndex bulk = new SpeakerIndex(dim);
        bulk.put("before", unit(dim));
        bulk.putAll(keys, rows);
        assertEquals(n - 10 + 1, bulk.size());
        assertEquals("before", bulk.keys().get(0));
        assertEquals(one.keys(), bulk.keys().subList(1, bulk.size()));
        for (String key : one.keys()) {
            assertArrayEquals(one.voiceprint(key), bulk.voiceprint(key), key);
            int last = keys.lastIndexOf(key);
            double norm = 0;
            for (int j = 0; j < dim; j++) {
                norm += (double) rows[last * dim + j] * rows[last * dim + j];
            }
            for (int j = 0; j < dim; j++) {
                assertEquals(rows[last * dim + j] / Math.sqrt(norm), bulk.voiceprint(key)[j], 1e-6, key + " value " + j);
            }
        }

        int bad = SpeakerIndex.WRITE_BLOCK_ROWS + 40;
        java.util.Arrays.fill(rows, bad * dim, (bad + 1) * dim, 0f);
        List<String> fresh = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            fresh.add("f" + i);
        }
        SpeakerIndex partial = new SpeakerIndex(dim);
        ScoringException refused = assertThrows(ScoringException.class, () -> partial.putAll(fresh, rows));
        assertEquals("Row " + bad + " (f" + bad + "): An embedding of only zeros has no direction and cannot be scored.",
                refused.getMessage());
        assertEquals(fresh.subList(0, bad), partial.keys());
        assertArrayEquals(one.voiceprint("k" + (bad - 1)), partial.voiceprint("f" + (bad - 1)));
        assertThrows(ScoringException.class, () -> partial.putAll(List.of("x"), new float[dim + 1]));
    }

    /** Room reserved for more speakers than came is given back, and the index searches as before. */
    @Test
    void trimmingKeepsEverySpeakerAndTheirScores() {
        int dim = 16;
        Random r = new Random(3);
        SpeakerIndex index = new SpeakerIndex(dim, 1000);
        Map<String, float[]> reference = new LinkedHashMap<>();
        for (int s = 0; s < 20; s++) {
            float[] v = gaussian(r, dim);
            index.put("s" + s, v);
            reference.put("s" + s, v);
        }
        index.trimToSize();
        index.put("s20", gaussian(r, dim)); // and it grows again
        index.remove("s20");
        assertEquals(List.copyOf(reference.keySet()), index.keys());
        float[] probe = gaussian(r, dim);
        assertSameRanking(bruteForce(reference, probe, 20, null), index.topK(probe, 20));
    }

    private static float[] unit(int dim) {
        float[] v = new float[dim];
        v[0] = 1;
        return v;
    }
}
