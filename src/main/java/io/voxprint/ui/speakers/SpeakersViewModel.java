package io.voxprint.ui.speakers;

import io.voxprint.ui.common.DialogService;
import io.voxprint.ui.common.FileType;
import io.voxprint.ui.common.TaskRunner;
import io.voxprint.ui.common.TaskViewModel;
import io.voxprint.ui.common.Tasks;
import io.voxprint.ui.values.SpeakerSummary;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The enrolled speakers: list, rename, delete (after confirmation), export, import. */
public final class SpeakersViewModel extends TaskViewModel {
    private final ObservableList<SpeakerSummary> speakers = FXCollections.observableArrayList();
    private final ObjectProperty<SpeakerSummary> selected = new SimpleObjectProperty<>(this, "selected");
    private final StringProperty reEnrollHint = new SimpleStringProperty(this, "reEnrollHint", "");
    private final SpeakersActions actions;

    public SpeakersViewModel(SpeakersActions actions, TaskRunner runner, DialogService dialogs) {
        super(runner, dialogs, "");
        this.actions = actions;
    }

    public ObservableList<SpeakerSummary> speakers() {
        return speakers;
    }

    public ObjectProperty<SpeakerSummary> selectedProperty() {
        return selected;
    }

    /** Empty, or a sentence naming the speakers enrolled with another model. */
    public StringProperty reEnrollHintProperty() {
        return reEnrollHint;
    }

    public void refresh() {
        refresh(null);
    }

    /** Lists the speakers again, then shows {@code done} (what was just done) or else the count. */
    private void refresh(String done) {
        runBusy(Tasks.create(p -> new Listing(actions.listSpeakers(), actions.speakersNeedingReEnrollment()))
                .onSuccess(listing -> {
                    List<SpeakerSummary> list = listing.speakers();
                    speakers.setAll(list);
                    reEnrollHint.set(reEnrollText(listing.reEnroll()));
                    statusProperty().set(done != null ? done
                            : list.isEmpty() ? "Nobody is enrolled yet." : list.size() + (list.size() == 1 ? " speaker." : " speakers."));
                }));
    }

    private record Listing(List<SpeakerSummary> speakers, List<String> reEnroll) {
    }

    static String reEnrollText(List<String> names) {
        if (names.isEmpty()) {
            return "";
        }
        return (names.size() == 1 ? names.get(0) + " was" : String.join(", ", names) + " were")
                + " enrolled with another model; enroll " + (names.size() == 1 ? "this speaker" : "them")
                + " again (Enroll, same name) to be recognised with the model in use.";
    }

    public void rename(String newName) {
        SpeakerSummary s = selected.get();
        if (s == null) {
            return;
        }
        if (newName == null || newName.isBlank()) {
            statusProperty().set("A speaker's name cannot be empty.");
            return;
        }
        String name = newName.strip();
        runBusy(Tasks.run(p -> actions.rename(s.id(), name))
                .onSuccess(v -> {
                    refresh(s.name() + " is now called " + name + ".");
                }));
    }

    /** Asks first; nothing happens unless the user confirms. */
    public void delete() {
        SpeakerSummary s = selected.get();
        if (s == null) {
            return;
        }
        String question = String.format(Locale.ROOT, "Delete %s with %d %s? This cannot be undone.",
                s.name(), s.takes(), s.takes() == 1 ? "take" : "takes");
        if (!dialogs.confirm(question, "Delete")) {
            return;
        }
        runBusy(Tasks.run(p -> actions.delete(s.id()))
                .onSuccess(v -> {
                    // In the window the table's selection drives this property; the refresh clears it there.
                    if (!selected.isBound()) {
                        selected.set(null);
                    }
                    refresh(s.name() + " was deleted.");
                }));
    }

    /** The answers of the export question, the encrypted one first (the default). */
    public static final List<String> EXPORT_CHOICES = List.of("Encrypt with a passphrase", "Plaintext (not encrypted)");

    /**
     * Exports the selected speaker, or everyone when nobody is selected: encrypted with a passphrase
     * unless the user explicitly chooses plaintext, after being told what a plaintext file exposes.
     */
    public void export() {
        List<String> ids = selected.get() != null ? List.of(selected.get().id()) : speakers.stream().map(SpeakerSummary::id).toList();
        if (ids.isEmpty()) {
            statusProperty().set("There is nobody to export.");
            return;
        }
        int choice = dialogs.choose("How should the archive be written? " + actions.plaintextWarning(), EXPORT_CHOICES);
        if (choice == 1) {
            dialogs.chooseFileToSave("Export speakers (plaintext)", "voxprint-speakers.json", List.of(FileType.SPEAKER_ARCHIVE))
                    .ifPresent(file -> runBusy(Tasks.create(p -> actions.exportSpeakersPlaintext(ids, file))
                            .onSuccess(n -> exported(n, file, " (plaintext)"))));
        } else if (choice == 0) {
            dialogs.askPassphrase("New passphrase for the archive", true).ifPresent(passphrase -> {
                Optional<Path> target = dialogs.chooseFileToSave("Export speakers (encrypted)", "voxprint-speakers.json",
                        List.of(FileType.SPEAKER_ARCHIVE));
                if (target.isEmpty()) {
                    Arrays.fill(passphrase, '\0');
                    return;
                }
                Path file = target.get();
                runBusy(Tasks.create(p -> actions.exportSpeakers(ids, file, passphrase))
                        .onSuccess(n -> exported(n, file, ", encrypted"))
                        .andFinally(() -> Arrays.fill(passphrase, '\0')));
            });
        }
    }

    private void exported(int n, Path file, String how) {
        statusProperty().set(n + (n == 1 ? " speaker was" : " speakers were") + " exported to " + file.getFileName() + how + ".");
    }

    /** Imports a plain or an encrypted archive; the passphrase is asked only for an encrypted one. */
    public void importFile() {
        Optional<Path> chosen = dialogs.chooseFileToOpen("Import speakers", List.of(FileType.SPEAKER_ARCHIVE, FileType.ANY));
        if (chosen.isEmpty()) {
            return;
        }
        Path file = chosen.get();
        boolean encrypted;
        try {
            encrypted = actions.isEncryptedArchive(file); // its first bytes only: quick enough for this thread
        } catch (Exception e) {
            dialogs.showError(e);
            return;
        }
        if (!encrypted) {
            importWith(file, null);
        } else {
            dialogs.askPassphrase("Passphrase of the archive " + file.getFileName(), false)
                    .ifPresent(passphrase -> importWith(file, passphrase));
        }
    }

    private void importWith(Path file, char[] passphrase) {
        runBusy(Tasks.create(p -> actions.importSpeakers(file, passphrase))
                .onSuccess(n -> refresh(n + (n == 1 ? " speaker was" : " speakers were") + " imported."))
                .andFinally(() -> {
                    if (passphrase != null) {
                        Arrays.fill(passphrase, '\0');
                    }
                }));
    }
}
