package io.voxprint.ui.components;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FeatureGridTest {

    @Test
    void meanAndVarianceOfAChannelShareAColumn() {
        float[] v = new float[12];
        for (int i = 0; i < v.length; i++) {
            v[i] = i;
        }
        FeatureGrid g = FeatureGrid.meanAndVariance(v, 4);
        // mean 0..5 in rows 0-1, an empty row, variance 6..11 in rows 3-4
        assertEquals(5, g.rows());
        assertEquals(1.0, g.values()[0][1]);
        assertEquals(7.0, g.values()[3][1], "channel 1's variance under its mean");
        assertTrue(Double.isNaN(g.values()[2][0]));
        assertTrue(Double.isNaN(g.values()[1][2]), "half of 6 leaves two cells empty");
        assertEquals(-1, g.elementIndex()[1][2]);
        assertEquals("row 3, column 1, element 7 (variance): 7.0000", Heatmap.describe(g, 3, 1));
    }

    @Test
    void columnCountsGiveLandscapeGridsForEcapa2Sizes() {
        assertEquals(64, FeatureGrid.columnsFor(2048));
        assertEquals(32, FeatureGrid.reshape(new float[2048], 64).rows());
        assertEquals(32, FeatureGrid.columnsFor(192));
        assertEquals(64, FeatureGrid.columnsFor(1536));
        assertEquals(2 * 24 + 1, FeatureLayouts.gridFor("pool", new float[3072]).rows());
    }

    @Test
    void differenceIsElementWise() {
        FeatureGrid a = FeatureGrid.reshape(new float[] {1, 2, 3}, 2);
        FeatureGrid b = FeatureGrid.reshape(new float[] {0.5f, 4, 3}, 2);
        FeatureGrid d = FeatureGrid.difference(a, b);
        assertEquals(0.5, d.values()[0][0]);
        assertEquals(-2.0, d.values()[0][1]);
        assertEquals(0.0, d.values()[1][0]);
        assertTrue(Double.isNaN(d.values()[1][1]));
    }
}
