package io.voxprint.app.diarize;

import io.voxprint.scoring.Vectors;
import java.util.ArrayList;
import java.util.List;

/**
 * Voices nobody enrolled, numbered in order of first appearance. Online clustering: a stretch joins
 * the voice whose mean embedding is closest when the cosine reaches the settings' clusterCosine,
 * else it becomes a new voice. Online, so a number once given never changes and partial results
 * stay true; the cost is that a voice first heard in a poor stretch may be split in two.
 */
final class UnknownVoices {
    private final double joinCosine;
    private final List<float[]> sums = new ArrayList<>();

    UnknownVoices(double joinCosine) {
        this.joinCosine = joinCosine;
    }

    /** The voice's label, {@code unknown-N}, for a normalised embedding of {@code seconds} of speech. */
    String assign(float[] unit, double seconds) {
        int best = -1;
        double bestCos = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < sums.size(); i++) {
            double c = Vectors.dot(Vectors.normalize(sums.get(i)), unit);
            if (c > bestCos) {
                bestCos = c;
                best = i;
            }
        }
        if (best < 0 || bestCos < joinCosine) {
            sums.add(new float[unit.length]);
            best = sums.size() - 1;
        }
        float[] sum = sums.get(best);
        for (int k = 0; k < sum.length; k++) {
            sum[k] += (float) (unit[k] * seconds);
        }
        return "unknown-" + (best + 1);
    }
}
