package io.voxprint.ui.identify;

import io.voxprint.ui.common.DialogService;
import io.voxprint.ui.common.TaskRunner;
import io.voxprint.ui.common.TaskViewModel;
import io.voxprint.ui.common.Tasks;
import io.voxprint.ui.values.IdentificationOutcome;
import io.voxprint.ui.values.RankedCandidate;
import io.voxprint.ui.values.Take;
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
public final class IdentifyViewModel extends TaskViewModel {
    private final ObservableList<RankedCandidate> candidates = FXCollections.observableArrayList();
    private final DoubleProperty threshold = new SimpleDoubleProperty(this, "threshold", 0.5);
    private final IdentifyActions actions;

    public IdentifyViewModel(IdentifyActions actions, TaskRunner runner, DialogService dialogs) {
        super(runner, dialogs, "Record or import a take to find who is speaking.");
        this.actions = actions;
    }

    public ObservableList<RankedCandidate> candidates() {
        return candidates;
    }

    public DoubleProperty thresholdProperty() {
        return threshold;
    }

    /** The status line is the verdict: what the application decided, in words. */
    public StringProperty verdictProperty() {
        return statusProperty();
    }

    public void identify(Take take) {
        statusProperty().set("Comparing with every enrolled speaker...");
        track(Tasks.create(p -> actions.identify(take, p)).onSuccess(this::show));
    }

    private void show(IdentificationOutcome o) {
        threshold.set(o.threshold());
        candidates.setAll(o.ranked());
        statusProperty().set(verdictFor(o));
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
