package io.voxprint.ui.components;

import java.util.Locale;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.geometry.Pos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;

/**
 * A score on a horizontal scale with the threshold marked, coloured green when accepted and red
 * when rejected, and the decision in words underneath. The decision is the application's (set
 * {@link #decision()}); the gauge never decides itself. Null means "no decision yet".
 */
public final class ScoreGauge extends VBox {
    public static final Color ACCEPT = Color.web("#1e8e4e");
    public static final Color REJECT = Color.web("#c62f2f");

    private final ScoreDecision shown = new ScoreDecision(this);
    private final DoubleProperty score = shown.scoreProperty();
    private final DoubleProperty threshold = shown.thresholdProperty();
    private final ObjectProperty<Boolean> accepted = shown.acceptedProperty();
    private final DoubleProperty minimum = new SimpleDoubleProperty(this, "minimum", -0.2);
    private final DoubleProperty maximum = new SimpleDoubleProperty(this, "maximum", 1.0);
    private final Label decision = new Label();
    private final Label figures = new Label();
    private final Scale scale = new Scale();

    public ScoreGauge() {
        getStyleClass().add("score-gauge");
        setSpacing(6);
        setAlignment(Pos.CENTER_LEFT);
        decision.getStyleClass().add("decision");
        decision.setId("gauge-decision");
        decision.setWrapText(true);
        figures.getStyleClass().add("figures");
        getChildren().addAll(scale, decision, figures);
        score.addListener(o -> refresh());
        threshold.addListener(o -> refresh());
        accepted.addListener(o -> refresh());
        minimum.addListener(o -> refresh());
        maximum.addListener(o -> refresh());
        refresh();
    }

    /** What the gauge shows: the score, the threshold and the application's decision. */
    public ScoreDecision decision() {
        return shown;
    }

    public DoubleProperty minimumProperty() {
        return minimum;
    }

    public DoubleProperty maximumProperty() {
        return maximum;
    }

    public String decisionText() {
        return decision.getText();
    }

    /** The words shown for a decision (null: none yet). */
    public static String decisionFor(Boolean accepted) {
        if (accepted == null) {
            return "No decision yet: record or import a take.";
        }
        return accepted ? "Accepted: the voice matches this speaker."
                : "Rejected: the voice does not match this speaker.";
    }

    private void refresh() {
        double s = score.get();
        Boolean decided = Double.isNaN(s) ? null : accepted.get();
        decision.setText(decisionFor(decided));
        decision.getStyleClass().removeAll("accept", "reject");
        if (decided != null) {
            decision.getStyleClass().add(decided ? "accept" : "reject");
            figures.setText(String.format(Locale.ROOT, "Score %.3f, threshold %.3f", s, threshold.get()));
        } else {
            figures.setText(String.format(Locale.ROOT, "Threshold %.3f", threshold.get()));
        }
        scale.redraw();
    }

    private final class Scale extends CanvasPane {
        Scale() {
            super(420, 54);
            setMinHeight(54);
        }

        /**
         * The left end of the scale: the minimum, or closer to the maximum when score and threshold
         * both sit high up (as with some models), so that their distance stays visible.
         */
        private double low() {
            double lo = minimum.get();
            double s = score.get();
            double closest = Double.isNaN(s) ? threshold.get() : Math.min(s, threshold.get());
            double zoomed = Math.floor((closest - 0.05) * 20) / 20;
            return zoomed > lo + 0.5 ? zoomed : lo;
        }

        private double x(double v, double w) {
            double lo = low();
            double hi = maximum.get();
            double t = (Math.max(lo, Math.min(hi, v)) - lo) / (hi - lo);
            return 8 + t * (w - 16);
        }

        @Override
        protected void draw(GraphicsContext g, double w, double h) {
            double barTop = 10;
            double barH = 16;
            double t = threshold.get();
            double tx = x(t, w);
            g.setFill(REJECT.deriveColor(0, 0.5, 1.25, 0.35));
            g.fillRoundRect(8, barTop, tx - 8, barH, 8, 8);
            g.setFill(ACCEPT.deriveColor(0, 0.5, 1.25, 0.35));
            g.fillRoundRect(tx, barTop, w - 8 - tx, barH, 8, 8);
            g.setStroke(Color.web("#1f2937"));
            g.setLineWidth(2);
            g.strokeLine(tx, barTop - 6, tx, barTop + barH + 6);
            double s = score.get();
            Boolean decided = accepted.get();
            if (!Double.isNaN(s) && decided != null) {
                double sx = x(s, w);
                g.setFill(decided ? ACCEPT : REJECT);
                g.fillOval(sx - 9, barTop - 1, 18, 18);
                g.setStroke(Color.WHITE);
                g.strokeOval(sx - 9, barTop - 1, 18, 18);
            }
            g.setFill(Color.web("#4b5563"));
            g.setFont(Font.font(11));
            g.fillText(String.format(Locale.ROOT, low() == minimum.get() ? "%.1f" : "%.2f", low()), 4, h - 4);
            String hiText = String.format(Locale.ROOT, "%.1f", maximum.get());
            g.fillText(hiText, w - 8 - 6 * hiText.length(), h - 4);
            g.fillText("threshold", Math.max(40, Math.min(w - 90, tx - 24)), h - 4);
        }
    }
}
