package io.voxprint.ui.components;

/** A heatmap of a - b for two vectors laid out the same way, blue below zero and red above. */
public final class DifferenceMap extends Heatmap {
    public DifferenceMap() {
        getStyleClass().add("difference-map");
        setDiverging(true);
    }

    public void setGrids(FeatureGrid a, FeatureGrid b) {
        setGrid(FeatureGrid.difference(a, b));
    }
}
