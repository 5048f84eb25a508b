package io.voxprint.ui.model;

import java.util.Map;

/**
 * The model's view of one take: the 16 kHz mono samples it saw and one vector per feature label
 * (e.g. "embedding" 192, "gfe_1" 2048, "pool" 3072 as mean then variance), in display order.
 */
public record FeatureInspection(String takeLabel, float[] samples16k, Map<String, float[]> features) {
}
