package io.voxprint.ui.components;

import io.voxprint.ui.values.MapPoint;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.ScatterChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Tooltip;

/** Enrolment embeddings projected on their first two principal components, one colour per speaker. */
public final class SpeakerMapView extends ScatterChart<Number, Number> {
    public SpeakerMapView() {
        super(new NumberAxis(), new NumberAxis());
        getStyleClass().add("speaker-map");
        setAnimated(false);
        setLegendVisible(true);
        setPrefSize(560, 400);
    }

    public void setPoints(List<MapPoint> points, double[] variances) {
        double total = variances.length < 2 ? 0 : variances[0] + variances[1];
        getXAxis().setLabel(axisLabel(1, variances.length > 0 ? variances[0] : 0, total));
        getYAxis().setLabel(axisLabel(2, variances.length > 1 ? variances[1] : 0, total));
        Map<String, XYChart.Series<Number, Number>> bySpeaker = new LinkedHashMap<>();
        for (MapPoint p : points) {
            XYChart.Series<Number, Number> series = bySpeaker.computeIfAbsent(p.speaker(), name -> {
                XYChart.Series<Number, Number> s = new XYChart.Series<>();
                s.setName(name);
                return s;
            });
            series.getData().add(new XYChart.Data<>(p.x(), p.y(), p.speaker()));
        }
        getData().setAll(bySpeaker.values());
        for (XYChart.Series<Number, Number> s : getData()) {
            for (XYChart.Data<Number, Number> d : s.getData()) {
                if (d.getNode() != null) {
                    Tooltip.install(d.getNode(), new Tooltip(String.format(Locale.ROOT, "%s (%.3f, %.3f)",
                            d.getExtraValue(), d.getXValue().doubleValue(), d.getYValue().doubleValue())));
                }
            }
        }
    }

    private static String axisLabel(int component, double variance, double shownTotal) {
        return shownTotal > 0
                ? String.format(Locale.ROOT, "PC %d (%.0f %% of the variance shown)", component, 100 * variance / shownTotal)
                : "PC " + component;
    }
}
