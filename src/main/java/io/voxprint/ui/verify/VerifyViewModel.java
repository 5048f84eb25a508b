package io.voxprint.ui.verify;

import io.voxprint.ui.common.DialogService;
import io.voxprint.ui.common.LatestOnly;
import io.voxprint.ui.common.TaskRunner;
import io.voxprint.ui.common.TaskViewModel;
import io.voxprint.ui.common.Tasks;
import io.voxprint.ui.components.ScoreGauge;
import io.voxprint.ui.values.ProvisionalScore;
import io.voxprint.ui.values.SpeakerSummary;
import io.voxprint.ui.values.Take;
import io.voxprint.ui.values.VerificationOutcome;
import java.util.Locale;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** Verify a take against one chosen speaker. */
public final class VerifyViewModel extends TaskViewModel {
    private final ObservableList<SpeakerSummary> speakers = FXCollections.observableArrayList();
    private final ObjectProperty<SpeakerSummary> selected = new SimpleObjectProperty<>(this, "selected");
    private final DoubleProperty score = new SimpleDoubleProperty(this, "score", Double.NaN);
    private final DoubleProperty threshold = new SimpleDoubleProperty(this, "threshold", 0.5);
    private final ObjectProperty<Boolean> accepted = new SimpleObjectProperty<>(this, "accepted");
    private final StringProperty decision = new SimpleStringProperty(this, "decision", ScoreGauge.decisionFor(null));
    private final StringProperty llr = new SimpleStringProperty(this, "llr", "");
    private final ObjectProperty<ProvisionalScore> provisional = new SimpleObjectProperty<>(this, "provisional");
    private final StringProperty provisionalText = new SimpleStringProperty(this, "provisionalText", "");
    private final LatestOnly live;
    private final VerifyActions actions;

    public VerifyViewModel(VerifyActions actions, TaskRunner runner, DialogService dialogs) {
        super(runner, dialogs, "");
        this.live = new LatestOnly(runner);
        this.actions = actions;
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

    /** The latest provisional score while recording; null when there is none. */
    public ObjectProperty<ProvisionalScore> provisionalProperty() {
        return provisional;
    }

    /** The provisional score in words, marked as such; empty when there is none. */
    public StringProperty provisionalTextProperty() {
        return provisionalText;
    }

    /** A recording started: provisional scores follow as the take grows. */
    public void recordingStarted() {
        live.discard();
        provisional.set(null);
        provisionalText.set(selected.get() == null ? "Choose the speaker to verify against to see a provisional score."
                : "Provisional score: listening...");
    }

    /**
     * Scores the recording so far, provisionally; dropped while the previous provisional score is
     * still being computed, and discarded once the take is complete.
     */
    public void scoreSoFar(Take.Recorded soFar) {
        SpeakerSummary who = selected.get();
        if (who == null) {
            return;
        }
        live.offer(p -> actions.provisionalScore(who.id(), soFar), result -> result.ifPresent(this::showProvisional));
    }

    private void showProvisional(ProvisionalScore p) {
        provisional.set(p);
        provisionalText.set(provisionalText(p));
    }

    public static String provisionalText(ProvisionalScore p) {
        return String.format(Locale.ROOT, "Provisional score %.3f on the last %.1f s (%s the threshold %.3f)."
                + " The decision follows when the recording stops.", p.score(), p.seconds(),
                p.score() >= p.threshold() ? "at or above" : "below", p.threshold());
    }

    public void refreshSpeakers() {
        Tasks.create(p -> actions.listSpeakers())
                .onSuccess(list -> {
                    String keep = selected.get() == null ? null : selected.get().id();
                    speakers.setAll(list);
                    selected.set(list.stream().filter(s -> s.id().equals(keep)).findFirst().orElse(null));
                    statusProperty().set(list.isEmpty() ? "Nobody is enrolled yet: enroll a speaker first." : "");
                })
                .onError(Exception.class, dialogs::showError)
                .runOn(runner);
    }

    public void verify(Take take) {
        live.discard();
        provisional.set(null);
        provisionalText.set("");
        SpeakerSummary who = selected.get();
        if (who == null) {
            statusProperty().set("Choose the speaker to verify against first.");
            return;
        }
        statusProperty().set("Verifying against " + who.name() + "...");
        track(Tasks.create(p -> actions.verify(who.id(), take, p)).onSuccess(this::show));
    }

    private void show(VerificationOutcome o) {
        threshold.set(o.threshold());
        accepted.set(o.accepted());
        score.set(o.score());
        decision.set(ScoreGauge.decisionFor(o.accepted()));
        llr.set(llrText(o.llr()));
        statusProperty().set("");
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
