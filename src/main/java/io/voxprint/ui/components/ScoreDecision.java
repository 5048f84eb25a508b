package io.voxprint.ui.components;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * A score with the threshold it was held against and the application's decision: what a
 * verification view model holds and a {@link ScoreGauge} shows. The score is NaN and the decision
 * null until there is one.
 */
public final class ScoreDecision {
    private final DoubleProperty score;
    private final DoubleProperty threshold;
    private final ObjectProperty<Boolean> accepted;

    public ScoreDecision(Object bean) {
        score = new SimpleDoubleProperty(bean, "score", Double.NaN);
        threshold = new SimpleDoubleProperty(bean, "threshold", 0.5);
        accepted = new SimpleObjectProperty<>(bean, "accepted");
    }

    public DoubleProperty scoreProperty() {
        return score;
    }

    public DoubleProperty thresholdProperty() {
        return threshold;
    }

    /** The decision: true accepted, false rejected, null none yet. */
    public ObjectProperty<Boolean> acceptedProperty() {
        return accepted;
    }

    /** Sets a decided score; the score comes last, so that whoever waits for it sees the rest already set. */
    public void set(double score, double threshold, boolean accepted) {
        this.threshold.set(threshold);
        this.accepted.set(accepted);
        this.score.set(score);
    }

    /** Follows {@code source} from now on. */
    public void bind(ScoreDecision source) {
        score.bind(source.score);
        threshold.bind(source.threshold);
        accepted.bind(source.accepted);
    }
}
