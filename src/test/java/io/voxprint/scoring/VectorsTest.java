package io.voxprint.scoring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Vector kernels against straightforward double-precision formulas and hand-worked values. */
class VectorsTest {

    @Test
    void dotMatchesDoublePrecisionForEveryLengthAroundTheUnrolling() {
        Random r = new Random(1);
        for (int len = 0; len <= 40; len++) {
            float[] a = new float[len];
            float[] b = new float[len];
            double expected = 0;
            for (int j = 0; j < len; j++) {
                a[j] = (float) r.nextGaussian();
                b[j] = (float) r.nextGaussian();
                expected += (double) a[j] * b[j];
            }
            assertEquals(expected, Vectors.dot(a, b), 1e-5, "length " + len);
        }
    }

    @Test
    void handWorkedValues() {
        assertEquals(32f, Vectors.dot(new float[] {1, 2, 3}, new float[] {4, 5, 6}));
        assertArrayEquals(new float[] {0.6f, 0.8f}, Vectors.normalize(new float[] {3, 4}), 1e-7f);
        assertEquals(5.0, Vectors.norm(new float[] {3, 4}), 0);
        assertEquals(0f, Vectors.cosine(new float[] {1, 0}, new float[] {0, 7}), 0);
        assertEquals(-1f, Vectors.cosine(new float[] {2, 2}, new float[] {-1, -1}), 1e-7f);
        assertArrayEquals(new float[] {2, 3}, Vectors.mean(List.of(new float[] {1, 2}, new float[] {3, 4})), 0f);
    }

    @Test
    void normalizedMeanWeighsEveryRecordingEquallyWhateverItsLength() {
        // (10, 0) and (0, 1): normalised first they are (1, 0) and (0, 1), so the mean is the diagonal
        float[] mean = Vectors.normalizedMean(List.of(new float[] {10, 0}, new float[] {0, 1}));
        float h = (float) Math.sqrt(0.5);
        assertArrayEquals(new float[] {h, h}, mean, 1e-7f);
        assertEquals(1.0, Vectors.norm(mean), 1e-7);
    }

    @Test
    void impossibleInputsFailInOneSentence() {
        assertEquals("Two embeddings of different sizes (2 and 3 values) cannot be compared; they come from different models.",
                assertThrows(ScoringException.class, () -> Vectors.dot(new float[2], new float[3])).getMessage());
        assertThrows(ScoringException.class, () -> Vectors.normalize(new float[4]));
        assertThrows(ScoringException.class, () -> Vectors.normalizedMean(List.of()));
        assertThrows(ScoringException.class, () -> Vectors.normalizedMean(List.of(new float[] {1, 0}, new float[] {-1, 0})));
        assertThrows(ScoringException.class, () -> Vectors.mean(List.of(new float[] {1}, new float[] {1, 2})));
    }
}
