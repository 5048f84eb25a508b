package io.voxprint.scoring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A bulk load holds, for each speaker, the mean of their unit embeddings made a unit vector, as
 * worked out here in double precision, and to the last bit what put of Vectors.normalizedMean holds
 * (how an index kept current after an enrollment stores a speaker), over several write blocks.
 */
class SpeakerIndexLoadTest {

    private static final int DIM = 40;

    @Test
    void eachSpeakerHoldsTheNormalisedMeanOfTheirNormalisedEmbeddings() {
        Random r = new Random(7);
        int speakers = 2 * SpeakerIndex.WRITE_BLOCK_ROWS + 33;
        SpeakerIndexLoad load = new SpeakerIndexLoad(DIM, 4 * speakers); // more room than needed: given back
        SpeakerIndex oneByOne = new SpeakerIndex(DIM);
        List<List<float[]>> stored = new ArrayList<>();
        float[] buffer = new float[5 * DIM + 3]; // longer than any speaker's embeddings: the rest must be ignored
        for (int s = 0; s < speakers; s++) {
            int count = 1 + s % 5;
            List<float[]> embeddings = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                float[] v = new float[DIM];
                for (int j = 0; j < DIM; j++) {
                    v[j] = (float) (r.nextGaussian() * (1 + 10 * i)); // lengths that differ, as loudness makes them
                }
                embeddings.add(v);
                System.arraycopy(v, 0, buffer, i * DIM, DIM);
            }
            Arrays.fill(buffer, count * DIM, buffer.length, 1e6f);
            load.add("s" + s, buffer, count, DIM);
            oneByOne.put("s" + s, Vectors.normalizedMean(embeddings));
            stored.add(embeddings);
        }
        SpeakerIndex index = load.finish();
        assertEquals(oneByOne.keys(), index.keys(), "speakers in the order added");
        for (int s = 0; s < speakers; s++) {
            float[] got = index.voiceprint("s" + s);
            assertArrayEquals(oneByOne.voiceprint("s" + s), got, "s" + s);
            double[] want = referenceNormalizedMean(stored.get(s));
            for (int j = 0; j < DIM; j++) {
                assertEquals(want[j], got[j], 1e-6, "s" + s + " value " + j);
            }
        }
        float[] probe = stored.get(100).get(0);
        assertEquals("s100", index.topK(probe, 1).get(0).key());
        assertEquals(oneByOne.topK(probe, 10), index.topK(probe, 10));
    }

    @Test
    void aSpeakerThatCannotBeAVoiceprintIsRefusedInOneSentence() {
        SpeakerIndexLoad load = new SpeakerIndexLoad(DIM, 0);
        float[] one = new float[DIM];
        one[0] = 1;
        load.add("a", one, 1, DIM);
        ScoringException zeros = assertThrows(ScoringException.class, () -> load.add("b", new float[DIM], 1, DIM));
        assertEquals("An embedding of only zeros has no direction and cannot be scored.", zeros.getMessage());
        ScoringException size = assertThrows(ScoringException.class, () -> load.add("c", one, 1, DIM - 1));
        assertEquals("The voiceprint has " + (DIM - 1) + " values but this index holds " + DIM
                + "-value voiceprints from another model.", size.getMessage());
        assertThrows(ScoringException.class, () -> load.add("d", one, 2, DIM));
        assertEquals(List.of("a"), load.finish().keys());
    }

    /** The voiceprint worked out independently of Vectors: unit embeddings averaged, made a unit vector, in double. */
    private static double[] referenceNormalizedMean(List<float[]> embeddings) {
        double[] sum = new double[DIM];
        for (float[] v : embeddings) {
            double n = 0;
            for (float x : v) {
                n += (double) x * x;
            }
            for (int j = 0; j < DIM; j++) {
                sum[j] += v[j] / Math.sqrt(n);
            }
        }
        double n = 0;
        for (double x : sum) {
            n += x * x;
        }
        for (int j = 0; j < DIM; j++) {
            sum[j] /= Math.sqrt(n);
        }
        return sum;
    }
}
