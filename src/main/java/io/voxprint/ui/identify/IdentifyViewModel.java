package io.voxprint.ui.identify;

import io.voxprint.ui.common.DialogService;
import io.voxprint.ui.common.ProvisionalResult;
import io.voxprint.ui.common.TaskRunner;
import io.voxprint.ui.common.TaskViewModel;
import io.voxprint.ui.common.Tasks;
import io.voxprint.ui.values.IdentificationOutcome;
import io.voxprint.ui.values.ProvisionalRanking;
import io.voxprint.ui.values.RankedCandidate;
import io.voxprint.ui.values.Take;
import java.util.Locale;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** Identify a take among all enrolled speakers. */
public final class IdentifyViewModel extends TaskViewModel {
    private final ObservableList<RankedCandidate> candidates = FXCollections.observableArrayList();
    private final DoubleProperty threshold = new SimpleDoubleProperty(this, "threshold", 0.5);
    private final ProvisionalResult<ProvisionalRanking> provisional;
    private final IdentifyActions actions;

    public IdentifyViewModel(IdentifyActions actions, TaskRunner runner, DialogService dialogs) {
        super(runner, dialogs, "Record or import a take to find who is speaking.");
        this.provisional = new ProvisionalResult<>(this, runner, IdentifyViewModel::provisionalText);
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

    /** The latest provisional ranking while recording; null when there is none. */
    public ObjectProperty<ProvisionalRanking> provisionalProperty() {
        return provisional.valueProperty();
    }

    /** The provisional ranking in words, marked as such; empty when there is none. */
    public StringProperty provisionalTextProperty() {
        return provisional.textProperty();
    }

    /** A recording started: provisional rankings follow as the take grows. */
    public void recordingStarted() {
        provisional.reset("Provisional ranking: listening...");
    }

    /**
     * Ranks the speakers on the recording so far, provisionally; while the previous provisional
     * ranking is still being computed it waits (the newest request only), and it is discarded once the
     * take is complete.
     */
    public void rankSoFar(Take.Recorded soFar) {
        provisional.offer(p -> actions.provisionalRanking(soFar));
    }

    public static String provisionalText(ProvisionalRanking r) {
        if (r.ranked().isEmpty()) {
            return "Provisional ranking: nobody is enrolled yet.";
        }
        String names = r.ranked().stream().limit(3)
                .map(c -> String.format(Locale.ROOT, "%s %.3f", c.name(), c.score()))
                .collect(java.util.stream.Collectors.joining(", "));
        return String.format(Locale.ROOT, "Provisional ranking on the last %.1f s: %s (threshold %.3f)."
                + " The answer follows when the recording stops.", r.seconds(), names, r.threshold());
    }

    public void identify(Take take) {
        provisional.reset("");
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
