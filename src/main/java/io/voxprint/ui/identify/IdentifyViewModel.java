package io.voxprint.ui.identify;

import io.voxprint.ui.common.DialogService;
import io.voxprint.ui.common.TaskRunner;
import io.voxprint.ui.common.Tasks;
import io.voxprint.ui.model.IdentificationOutcome;
import io.voxprint.ui.model.RankedCandidate;
import io.voxprint.ui.model.Take;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** Identify a take among all enrolled speakers. */
public final class IdentifyViewModel {
    private final ObservableList<RankedCandidate> candidates = FXCollections.observableArrayList();
    private final DoubleProperty threshold = new SimpleDoubleProperty(this, "threshold", 0.5);
    private final StringProperty verdict = new SimpleStringProperty(this, "verdict", "Record or import a take to find who is speaking.");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy", false);
    private final DoubleProperty progress = new SimpleDoubleProperty(this, "progress", 0);
    private final IdentifyActions actions;
    private final TaskRunner runner;
    private final DialogService dialogs;

    public IdentifyViewModel(IdentifyActions actions, TaskRunner runner, DialogService dialogs) {
        this.actions = actions;
        this.runner = runner;
        this.dialogs = dialogs;
    }

    public ObservableList<RankedCandidate> candidates() {
        return candidates;
    }

    public DoubleProperty thresholdProperty() {
        return threshold;
    }

    public StringProperty verdictProperty() {
        return verdict;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public void identify(Take take) {
        verdict.set("Comparing with every enrolled speaker...");
        Tasks.create(p -> actions.identify(take, p))
                .onSuccess(this::show)
                .onError(Exception.class, e -> {
                    verdict.set("");
                    dialogs.showError(e);
                })
                .bindProgress(progress).bindRunning(busy)
                .runOn(runner);
    }

    private void show(IdentificationOutcome o) {
        threshold.set(o.threshold());
        candidates.setAll(o.ranked());
        verdict.set(verdictFor(o));
    }

    public static String verdictFor(IdentificationOutcome o) {
        if (o.ranked().isEmpty()) {
            return "Nobody is enrolled yet.";
        }
        RankedCandidate best = o.ranked().get(0);
        return o.decision() != null
                ? String.format(Locale.ROOT, "Most likely %s (score %.3f, at or above the threshold %.3f).", best.name(), best.score(), o.threshold())
                : String.format(Locale.ROOT, "No enrolled speaker: the best, %s, scores %.3f, below the threshold %.3f.",
                        best.name(), best.score(), o.threshold());
    }
}
