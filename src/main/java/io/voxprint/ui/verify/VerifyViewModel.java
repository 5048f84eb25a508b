package io.voxprint.ui.verify;

import io.voxprint.ui.common.DialogService;
import io.voxprint.ui.common.TaskRunner;
import io.voxprint.ui.common.Tasks;
import io.voxprint.ui.components.ScoreGauge;
import io.voxprint.ui.model.SpeakerSummary;
import io.voxprint.ui.model.Take;
import io.voxprint.ui.model.VerificationOutcome;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** Verify a take against one chosen speaker. */
public final class VerifyViewModel {
    private final ObservableList<SpeakerSummary> speakers = FXCollections.observableArrayList();
    private final ObjectProperty<SpeakerSummary> selected = new SimpleObjectProperty<>(this, "selected");
    private final DoubleProperty score = new SimpleDoubleProperty(this, "score", Double.NaN);
    private final DoubleProperty threshold = new SimpleDoubleProperty(this, "threshold", 0.5);
    private final ObjectProperty<Boolean> accepted = new SimpleObjectProperty<>(this, "accepted");
    private final StringProperty decision = new SimpleStringProperty(this, "decision", ScoreGauge.decisionFor(null));
    private final StringProperty llr = new SimpleStringProperty(this, "llr", "");
    private final StringProperty status = new SimpleStringProperty(this, "status", "");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy", false);
    private final DoubleProperty progress = new SimpleDoubleProperty(this, "progress", 0);
    private final VerifyActions actions;
    private final TaskRunner runner;
    private final DialogService dialogs;

    public VerifyViewModel(VerifyActions actions, TaskRunner runner, DialogService dialogs) {
        this.actions = actions;
        this.runner = runner;
        this.dialogs = dialogs;
    }

    public ObservableList<SpeakerSummary> speakers() {
        return speakers;
    }

    public ObjectProperty<SpeakerSummary> selectedProperty() {
        return selected;
    }

    public DoubleProperty scoreProperty() {
        return score;
    }

    public DoubleProperty thresholdProperty() {
        return threshold;
    }

    /** The application's decision: true accepted, false rejected, null none yet. */
    public ObjectProperty<Boolean> acceptedProperty() {
        return accepted;
    }

    public StringProperty decisionProperty() {
        return decision;
    }

    public StringProperty llrProperty() {
        return llr;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public void refreshSpeakers() {
        Tasks.create(p -> actions.listSpeakers())
                .onSuccess(list -> {
                    String keep = selected.get() == null ? null : selected.get().id();
                    speakers.setAll(list);
                    selected.set(list.stream().filter(s -> s.id().equals(keep)).findFirst().orElse(null));
                    status.set(list.isEmpty() ? "Nobody is enrolled yet: enroll a speaker first." : "");
                })
                .onError(Exception.class, dialogs::showError)
                .runOn(runner);
    }

    public void verify(Take take) {
        SpeakerSummary who = selected.get();
        if (who == null) {
            status.set("Choose the speaker to verify against first.");
            return;
        }
        status.set("Verifying against " + who.name() + "...");
        Tasks.create(p -> actions.verify(who.id(), take, p))
                .onSuccess(this::show)
                .onError(Exception.class, e -> {
                    status.set("");
                    dialogs.showError(e);
                })
                .bindProgress(progress).bindRunning(busy)
                .runOn(runner);
    }

    private void show(VerificationOutcome o) {
        threshold.set(o.threshold());
        accepted.set(o.accepted());
        score.set(o.score());
        decision.set(ScoreGauge.decisionFor(o.accepted()));
        llr.set(llrText(o.llr()));
        status.set("");
    }

    /** The likelihood ratio in words; natural-log LLR. */
    public static String llrText(double llr) {
        if (Double.isNaN(llr)) {
            return "No likelihood ratio: calibrate the threshold on your own voices to see one.";
        }
        double ratio = Math.exp(Math.abs(llr));
        String times = ratio >= 1000 ? "more than 1000" : String.format(Locale.ROOT, "%.1f", ratio);
        return String.format(Locale.ROOT, "Log-likelihood ratio %.2f: the voice is %s times more likely if it is %s.",
                llr, times, llr >= 0 ? "the same speaker than a different one" : "a different speaker than the same one");
    }
}
