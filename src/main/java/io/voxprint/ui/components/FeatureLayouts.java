package io.voxprint.ui.components;

import java.util.Locale;

/**
 * Which grid a feature label gets: pooled statistics ("pool", "attention", anything named with
 * "stat") as mean over variance, everything else reshaped row by row. See {@link FeatureGrid}.
 */
public final class FeatureLayouts {
    private FeatureLayouts() {
    }

    public static boolean isMeanAndVariance(String label) {
        String l = label.toLowerCase(Locale.ROOT);
        return l.contains("pool") || l.contains("attention") || l.contains("stat");
    }

    public static FeatureGrid gridFor(String label, float[] vector) {
        if (isMeanAndVariance(label) && vector.length % 2 == 0) {
            return FeatureGrid.meanAndVariance(vector, FeatureGrid.columnsFor(vector.length / 2));
        }
        return FeatureGrid.reshape(vector, FeatureGrid.columnsFor(vector.length));
    }
}
