package io.voxprint.ui.enroll;

import io.voxprint.ui.common.DialogService;
import io.voxprint.ui.common.TaskRunner;
import io.voxprint.ui.common.TaskViewModel;
import io.voxprint.ui.common.Tasks;
import io.voxprint.common.UserMessage;
import io.voxprint.ui.values.EnrollmentRequest;
import io.voxprint.ui.values.Take;
import io.voxprint.ui.values.TakeQuality;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** Enrolment form: a name, takes with their quality, an optional photo. */
public final class EnrollViewModel extends TaskViewModel {
    public static final int RECOMMENDED_TAKES = 3;

    /** One take in the checklist with its quality figures as display text. */
    public static final class TakeRow {
        private final Take take;
        private final StringProperty netSpeech = new SimpleStringProperty("Net speech: checking...");
        private final StringProperty clipping = new SimpleStringProperty("Clipping: checking...");
        private final StringProperty snr = new SimpleStringProperty("SNR: checking...");
        private final StringProperty reasons = new SimpleStringProperty("");
        private final BooleanProperty assessing = new SimpleBooleanProperty(true);
        private final BooleanProperty acceptable = new SimpleBooleanProperty(false);
        private final BooleanProperty decoded = new SimpleBooleanProperty(false);

        TakeRow(Take take) {
            this.take = take;
        }

        public Take take() {
            return take;
        }

        public StringProperty netSpeechProperty() {
            return netSpeech;
        }

        public StringProperty clippingProperty() {
            return clipping;
        }

        public StringProperty snrProperty() {
            return snr;
        }

        public StringProperty reasonsProperty() {
            return reasons;
        }

        public BooleanProperty assessingProperty() {
            return assessing;
        }

        public BooleanProperty acceptableProperty() {
            return acceptable;
        }

        /** True once the take was read and measured, whatever its quality. */
        public BooleanProperty decodedProperty() {
            return decoded;
        }

        void show(TakeQuality q) {
            netSpeech.set(String.format(Locale.ROOT, "Net speech: %.1f s", q.netSpeechSeconds()));
            clipping.set(String.format(Locale.ROOT, "Clipping: %.2f %%", 100 * q.clippedFraction()));
            snr.set(String.format(Locale.ROOT, "SNR: %.0f dB", q.snrDb()));
            reasons.set(q.reasons().isEmpty() ? "Good take." : String.join(" ", q.reasons()));
            acceptable.set(q.acceptable());
            decoded.set(true);
            assessing.set(false);
        }

        void fail(String sentence) {
            netSpeech.set("Net speech: -");
            clipping.set("Clipping: -");
            snr.set("SNR: -");
            reasons.set(sentence);
            acceptable.set(false);
            assessing.set(false);
        }
    }

    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final ObservableList<TakeRow> takes = FXCollections.observableArrayList(
            row -> new javafx.beans.Observable[] {row.acceptable, row.assessing, row.decoded});
    private final BooleanProperty useAnyway = new SimpleBooleanProperty(this, "useAnyway", false);
    private final ObjectProperty<byte[]> photo = new SimpleObjectProperty<>(this, "photo");
    private final EnrollActions actions;

    private final StringProperty refusal = new SimpleStringProperty(this, "refusal", "");

    public EnrollViewModel(EnrollActions actions, TaskRunner runner, DialogService dialogs) {
        super(runner, dialogs, "");
        this.actions = actions;
        // asked once: the database role of a desk does not change while it runs
        Tasks.create(p -> actions.whyEnrollingIsRefused())
                .onSuccess(why -> refusal.set(why.orElse("")))
                .onError(Exception.class, e -> refusal.set(""))
                .runOn(runner);
    }

    /** Why enrolling is not offered at this desk, in one sentence; empty when it is. */
    public StringProperty refusalProperty() {
        return refusal;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public ObservableList<TakeRow> takes() {
        return takes;
    }

    public ObjectProperty<byte[]> photoProperty() {
        return photo;
    }

    /** "Use anyway": takes below the quality minimum are enrolled too (the application is told to force them). */
    public BooleanProperty useAnywayProperty() {
        return useAnyway;
    }

    private boolean usable(TakeRow r) {
        return r.acceptable.get() || (useAnyway.get() && r.decoded.get());
    }

    public long usableTakes() {
        return takes.stream().filter(this::usable).count();
    }

    /** True when some take was read but falls below the quality minimum (the "use anyway" choice matters). */
    public BooleanBinding hasWeakTakes() {
        return Bindings.createBooleanBinding(() -> takes.stream().anyMatch(r -> r.decoded.get() && !r.acceptable.get()), takes);
    }

    public BooleanBinding canSave() {
        return Bindings.createBooleanBinding(() -> refusal.get().isEmpty() && !busyProperty().get() && !name.get().isBlank()
                && usableTakes() > 0 && takes.stream().noneMatch(r -> r.assessing.get()), name, takes, busyProperty(), useAnyway, refusal);
    }

    public StringBinding takesSummary() {
        return Bindings.createStringBinding(() -> String.format(Locale.ROOT, "%d usable of %d recommended takes",
                usableTakes(), RECOMMENDED_TAKES), takes, useAnyway);
    }

    public void addTake(Take take) {
        TakeRow row = new TakeRow(take);
        takes.add(row);
        Tasks.create(p -> actions.assessTake(take, p))
                .onSuccess(row::show)
                .onError(Exception.class, e -> row.fail(UserMessage.of(e)))
                .runOn(runner);
    }

    public void removeTake(TakeRow row) {
        takes.remove(row);
    }

    public void save() {
        if (name.get().isBlank()) {
            statusProperty().set("Please enter the speaker's name.");
            return;
        }
        List<Take> usable = takes.stream().filter(this::usable).map(TakeRow::take).toList();
        boolean force = takes.stream().anyMatch(r -> usable(r) && !r.acceptable.get());
        if (usable.isEmpty()) {
            statusProperty().set("Please add at least one usable take.");
            return;
        }
        String who = name.get().strip();
        statusProperty().set("Enrolling " + who + "...");
        track(Tasks.create(p -> actions.enroll(new EnrollmentRequest(who, usable, photo.get(), force), p))
                .onSuccess(s -> {
                    statusProperty().set(String.format(Locale.ROOT, "%s is enrolled with %d %s in all.", s.name(), s.takes(),
                            s.takes() == 1 ? "take" : "takes"));
                    useAnyway.set(false);
                    name.set("");
                    takes.clear();
                    photo.set(null);
                }));
    }
}
