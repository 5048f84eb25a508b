package io.voxprint.ui.values;

import java.util.Map;

/**
 * The model's view of one take: the 16 kHz mono samples it saw, one vector per feature label
 * (e.g. "embedding" 192, "gfe_1" 2048, "pool" 3072 as mean then variance) in display order, and the
 * embedding used for scoring (placed on the speaker map).
 */
public record FeatureInspection(String takeLabel, float[] samples16k, Map<String, float[]> features, float[] embedding) {
}
