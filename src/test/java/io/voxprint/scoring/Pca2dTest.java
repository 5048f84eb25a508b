package io.voxprint.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.voxprint.testing.Fixtures;
import org.junit.jupiter.api.Test;

class Pca2dTest {

    @Test
    void agreesWithNumpySvd() throws Exception {
        double[][] data = Fixtures.csv("pca-input.csv");
        double[][] components = Fixtures.csv("pca-components.csv");
        double[][] projections = Fixtures.csv("pca-projections.csv");
        double[] variances = Fixtures.csv("pca-variances.csv")[0];

        Pca2d.Projection p = Pca2d.fit(data);

        for (int c = 0; c < 2; c++) {
            assertEquals(variances[c], p.variances()[c], 1e-9 * variances[c], "variance " + c);
            for (int j = 0; j < components[c].length; j++) {
                assertEquals(components[c][j], p.components()[c][j], 1e-7, "component " + c + " entry " + j);
            }
        }
        for (int i = 0; i < data.length; i++) {
            assertEquals(projections[i][0], p.points()[i][0], 1e-6, "x of point " + i);
            assertEquals(projections[i][1], p.points()[i][1], 1e-6, "y of point " + i);
        }
    }

    @Test
    void refusesFewerThanTwoVectors() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Pca2d.fit(new double[][] {{1, 2}}));
        assertEquals("A map needs at least two vectors, got 1.", e.getMessage());
    }
}
