package io.voxprint.ui.verify;

import io.voxprint.ui.common.DialogService;
import io.voxprint.ui.common.ProvisionalResult;
import io.voxprint.ui.common.TaskRunner;
import io.voxprint.ui.common.TaskViewModel;
import io.voxprint.ui.common.Tasks;
import io.voxprint.ui.components.ScoreDecision;
import io.voxprint.ui.components.ScoreGauge;
import io.voxprint.ui.values.ProvisionalScore;
import io.voxprint.ui.values.SpeakerSummary;
import io.voxprint.ui.values.Take;
import io.voxprint.ui.values.VerificationOutcome;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** Verify a take against one chosen speaker. */
public final class VerifyViewModel extends TaskViewModel {
    private final ObservableList<SpeakerSummary> speakers = FXCollections.observableArrayList();
    private final ObjectProperty<SpeakerSummary> selected = new SimpleObjectProperty<>(this, "selected");
    private final ScoreDecision decided = new ScoreDecision(this);
    private final StringProperty decision = new SimpleStringProperty(this, "decision", ScoreGauge.decisionFor(null));
    private final StringProperty llr = new SimpleStringProperty(this, "llr", "");
    private final ProvisionalResult<ProvisionalScore> provisional;
    private final VerifyActions actions;

    public VerifyViewModel(VerifyActions actions, TaskRunner runner, DialogService dialogs) {
        super(runner, dialogs, "");
        this.provisional = new ProvisionalResult<>(this, runner, VerifyViewModel::provisionalText);
        this.actions = actions;
    }

    public ObservableList<SpeakerSummary> speakers() {
        return speakers;
    }

    public ObjectProperty<SpeakerSummary> selectedProperty() {
        return selected;
    }

    /** The application's decision on the last take: score, threshold, and accepted (null: none yet). */
    public ScoreDecision decision() {
        return decided;
    }

    public StringProperty decisionProperty() {
        return decision;
    }

    public StringProperty llrProperty() {
        return llr;
    }

    /** The latest provisional score while recording; null when there is none. */
    public ObjectProperty<ProvisionalScore> provisionalProperty() {
        return provisional.valueProperty();
    }

    /** The provisional score in words, marked as such; empty when there is none. */
    public StringProperty provisionalTextProperty() {
        return provisional.textProperty();
    }

    /** A recording started: provisional scores follow as the take grows. */
    public void recordingStarted() {
        provisional.reset(selected.get() == null ? "Choose the speaker to verify against to see a provisional score."
                : "Provisional score: listening...");
    }

    /**
     * Scores the recording so far, provisionally; while the previous provisional score is still
     * being computed it waits (the newest request only), and it is discarded once the take is complete.
     */
    public void scoreSoFar(Take.Recorded soFar) {
        SpeakerSummary who = selected.get();
        if (who == null) {
            return;
        }
        provisional.offer(p -> actions.provisionalScore(who.id(), soFar));
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
        provisional.reset("");
        SpeakerSummary who = selected.get();
        if (who == null) {
            statusProperty().set("Choose the speaker to verify against first.");
            return;
        }
        statusProperty().set("Verifying against " + who.name() + "...");
        track(Tasks.create(p -> actions.verify(who.id(), take, p)).onSuccess(this::show));
    }

    private void show(VerificationOutcome o) {
        decided.set(o.score(), o.threshold(), o.accepted());
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
