package io.voxprint.app.diarize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The scores a stretch of a recording gets against each enrolled speaker, with AS-norm on, against
 * the formula written out here in doubles: 0.5 * ((s - mu_e) / sd_e + (s - mu_t) / sd_t), where mu
 * and sd (population) are over the highest cohort cosines of each side and the cohort is every
 * other enrolled speaker plus the cohort file's rows.
 */
class EnrolledVoicesTest {

    @Test
    void asNormScoresFollowTheFormulaWithTheClaimedSpeakerOutOfTheCohort() {
        Random random = new Random(12);
        int dim = 16;
        Map<String, float[]> models = new LinkedHashMap<>();
        for (String name : List.of("ann", "ben", "cat", "dan", "eve")) {
            models.put(name, gaussian(random, dim));
        }
        List<float[]> extra = new ArrayList<>();
        for (int i = 0; i < 150; i++) { // with the other four speakers more than the 100 kept: the top-N choice matters
            extra.add(gaussian(random, dim));
        }
        float[] probe = unit(gaussian(random, dim));

        EnrolledVoices voices = EnrolledVoices.asNorm(models, extra, 3.0);
        EnrolledVoices.Match match = voices.match(probe);

        List<String> names = new ArrayList<>(models.keySet());
        for (int i = 0; i < names.size(); i++) {
            List<double[]> cohort = new ArrayList<>();
            for (String other : names) {
                if (!other.equals(names.get(i))) {
                    cohort.add(unitD(models.get(other)));
                }
            }
            extra.forEach(v -> cohort.add(unitD(v)));
            double[] model = unitD(models.get(names.get(i)));
            double[] p = unitD(probe);
            double raw = dot(model, p);
            double[] e = topStats(cohort, model, 100);
            double[] t = topStats(cohort, p, 100);
            double expected = 0.5 * ((raw - e[0]) / e[1] + (raw - t[0]) / t[1]);
            assertEquals(expected, match.scores()[i], 1e-5, names.get(i));
        }
        double[] s = match.scores();
        int argmax = 0;
        for (int i = 1; i < s.length; i++) {
            argmax = s[i] > s[argmax] ? i : argmax;
        }
        assertEquals(argmax, match.speaker(), "the best speaker is the one with the highest normalised score");
    }

    /** Mean and population standard deviation of the n highest cosines of v with the cohort. */
    private static double[] topStats(List<double[]> cohort, double[] v, int n) {
        double[] scores = cohort.stream().mapToDouble(c -> dot(c, v)).sorted().toArray();
        double[] top = Arrays.copyOfRange(scores, Math.max(0, scores.length - n), scores.length);
        double mean = Arrays.stream(top).average().orElseThrow();
        double var = Arrays.stream(top).map(x -> (x - mean) * (x - mean)).sum() / top.length;
        return new double[] {mean, Math.sqrt(var)};
    }

    private static float[] gaussian(Random r, int dim) {
        float[] v = new float[dim];
        for (int i = 0; i < dim; i++) {
            v[i] = (float) r.nextGaussian();
        }
        return v;
    }

    private static float[] unit(float[] v) {
        double[] d = unitD(v);
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) d[i];
        }
        return out;
    }

    private static double[] unitD(float[] v) {
        double n = 0;
        for (float x : v) {
            n += (double) x * x;
        }
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] / Math.sqrt(n);
        }
        return out;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
