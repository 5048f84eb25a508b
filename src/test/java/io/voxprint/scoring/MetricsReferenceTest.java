package io.voxprint.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Metrics and calibration against tools/reference/metrics_reference.py (numpy/scipy, written
 * separately): seeded Gaussian and cosine-like sets, rounded scores with many ties, tiny sets,
 * perfect and reversed separation.
 */
class MetricsReferenceTest {

    private static final double EXACT = 1e-6;

    record Case(String name, JsonNode json, double[] tar, double[] non) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() throws IOException {
        JsonNode root;
        try (InputStream in = MetricsReferenceTest.class.getResourceAsStream("metrics_reference.json")) {
            root = new ObjectMapper().readTree(in);
        }
        List<Case> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : root.properties()) {
            out.add(new Case(e.getKey(), e.getValue(), doubles(e.getValue().get("tar")), doubles(e.getValue().get("non"))));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eerAndItsThresholdMatchTheReference(Case c) {
        EerResult r = Metrics.eer(c.tar(), c.non());
        assertEquals(c.json().get("eer").asDouble(), r.eer(), EXACT, "EER");
        assertEquals(c.json().get("eer_threshold").asDouble(), r.threshold(), EXACT, "EER threshold");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void minDcfMatchesABruteForceSweep(Case c) {
        assertEquals(c.json().get("min_dcf_p01").asDouble(), Metrics.minDcf(c.tar(), c.non()), EXACT);
        assertEquals(c.json().get("min_dcf_p05").asDouble(), Metrics.minDcf(c.tar(), c.non(), 0.05, 1, 1), EXACT);
        assertEquals(c.json().get("min_dcf_p05_cmiss10").asDouble(), Metrics.minDcf(c.tar(), c.non(), 0.05, 10, 1), EXACT);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void cllrOfGivenLlrsMatches(Case c) {
        double[] t = affine(c.tar());
        double[] n = affine(c.non());
        assertEquals(c.json().get("cllr_affine").asDouble(), Metrics.cllr(t, n), EXACT);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void detCurveHasTheReferenceRocPoints(Case c) {
        List<DetPoint> det = Metrics.det(c.tar(), c.non());
        assertEquals(c.json().get("det_points").asInt(), det.size());
        if (!c.json().has("det_pmiss")) {
            return;
        }
        double[] pm = doubles(c.json().get("det_pmiss"));
        double[] pf = doubles(c.json().get("det_pfa"));
        JsonNode th = c.json().get("det_threshold");
        for (int i = 0; i < det.size(); i++) {
            assertEquals(pm[i], det.get(i).pMiss(), EXACT, "pMiss at " + i);
            assertEquals(pf[i], det.get(i).pFa(), EXACT, "pFa at " + i);
            double expected = th.get(i).isTextual() ? Double.POSITIVE_INFINITY : th.get(i).asDouble();
            assertEquals(expected, det.get(i).threshold(), EXACT, "threshold at " + i);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void thresholdForFalseAcceptRateMatchesABruteForceSearch(Case c) {
        double[] far = doubles(c.json().get("far"));
        double[] expected = doubles(c.json().get("far_threshold"));
        for (int i = 0; i < far.length; i++) {
            double t = Metrics.thresholdForFalseAcceptRate(c.non(), far[i]);
            assertEquals(expected[i], t, EXACT, "far " + far[i]);
            long accepted = java.util.Arrays.stream(c.non()).filter(s -> s >= t).count();
            assertTrue(accepted <= Math.floor(far[i] * c.non().length + 1e-9), "false accepts within the budget");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void calibrationMatchesScipyOrRefusesSeparatedOrUninformativeTrials(Case c) {
        if (!c.json().has("cal_p50")) {
            assertThrows(ScoringException.class, () -> LogisticCalibration.fit(c.tar(), c.non(), 0.5));
            return;
        }
        for (String key : List.of("cal_p50", "cal_p10")) {
            JsonNode ref = c.json().get(key);
            LogisticCalibration cal = LogisticCalibration.fit(c.tar(), c.non(), ref.get("prior").asDouble());
            double a = ref.get("a").asDouble();
            double b = ref.get("b").asDouble();
            for (double s : new double[] {-0.5, 0.0, 0.3, 0.7, 1.0, 2.0}) {
                assertEquals(a * s + b, cal.llr(s), 1e-4 * Math.max(1, Math.abs(a * s + b)), key + " llr at " + s);
            }
            assertEquals(a, cal.a(), 1e-4 * Math.max(1, Math.abs(a)), key + " slope");
            assertEquals(b, cal.b(), 1e-4 * Math.max(1, Math.abs(b)), key + " offset");
            assertEquals(c.json().get("eer_threshold").asDouble(), cal.eerThreshold(), EXACT);
        }
        LogisticCalibration cal = LogisticCalibration.fit(c.tar(), c.non());
        double cllr = Metrics.cllr(java.util.Arrays.stream(c.tar()).map(cal::llr).toArray(),
                java.util.Arrays.stream(c.non()).map(cal::llr).toArray());
        assertEquals(c.json().get("cllr_calibrated").asDouble(), cllr, 1e-6);
    }

    @Test
    void emptyOrNonFiniteTrialsAreRefusedInOneSentence() {
        ScoringException e = assertThrows(ScoringException.class, () -> Metrics.eer(new double[0], new double[] {1}));
        assertEquals("At least one target trial is needed to measure errors.", e.getMessage());
        assertThrows(ScoringException.class, () -> Metrics.minDcf(new double[] {Double.NaN}, new double[] {1}));
        assertThrows(ScoringException.class, () -> Metrics.thresholdForFalseAcceptRate(new double[] {1}, 1.5));
    }

    private static double[] affine(double[] s) {
        return java.util.Arrays.stream(s).map(x -> 4.0 * x - 2.0).toArray();
    }

    private static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asDouble();
        }
        return out;
    }
}
