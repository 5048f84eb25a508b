package io.voxprint.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxprint.app.settings.Settings;
import io.voxprint.app.settings.SettingsStore;
import io.voxprint.audio.capture.CapturedAudio;
import io.voxprint.ui.common.HeldTaskRunner;
import io.voxprint.ui.common.Progress;
import io.voxprint.ui.common.SameThreadTaskRunner;
import io.voxprint.ui.enroll.EnrollActions;
import io.voxprint.ui.enroll.EnrollViewModel;
import io.voxprint.ui.identify.IdentifyActions;
import io.voxprint.ui.identify.IdentifyViewModel;
import io.voxprint.ui.values.EnrollmentRequest;
import io.voxprint.ui.values.IdentificationOutcome;
import io.voxprint.ui.values.ProvisionalRanking;
import io.voxprint.ui.values.ProvisionalScore;
import io.voxprint.ui.values.RankedCandidate;
import io.voxprint.ui.values.SpeakerSummary;
import io.voxprint.ui.values.Take;
import io.voxprint.ui.values.TakeQuality;
import io.voxprint.ui.values.VerificationOutcome;
import io.voxprint.ui.settings.InstructionSetViewModel;
import io.voxprint.ui.settings.SettingsActions;
import io.voxprint.ui.settings.SettingsViewModel;
import io.voxprint.ui.settings.StoredSettingsActions;
import io.voxprint.ui.speakers.SpeakersActions;
import io.voxprint.ui.speakers.SpeakersViewModel;
import io.voxprint.ui.verify.VerifyActions;
import io.voxprint.ui.verify.VerifyViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** View models driven on one thread, without the JavaFX toolkit. */
class ViewModelsTest {
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private final SameThreadTaskRunner runner = new SameThreadTaskRunner(dialogs);
    private static final Take GOOD = new Take.Recorded(new CapturedAudio(new float[16_000], 16_000f));
    private static final Take NOISY = new Take.Imported(Path.of("noisy.wav"));

    @Test
    void enrolmentShowsQualityPerTakeAndSavesOnlyUsableTakes() {
        List<EnrollmentRequest> saved = new ArrayList<>();
        EnrollActions actions = new EnrollActions() {
            @Override
            public TakeQuality assessTake(Take take, Progress p) {
                return take == GOOD ? new TakeQuality(8.44, 0.0, 31.2, true, List.of())
                        : new TakeQuality(1.0, 0.031, 6.0, false, List.of("Too little speech.", "Too noisy."));
            }

            @Override
            public SpeakerSummary enroll(EnrollmentRequest r, Progress p) {
                saved.add(r);
                return new SpeakerSummary("id-1", r.name(), r.takes().size(), Instant.EPOCH, null);
            }
        };
        EnrollViewModel vm = new EnrollViewModel(actions, runner, dialogs);
        vm.addTake(GOOD);
        vm.addTake(NOISY);
        assertEquals("Net speech: 8.4 s", vm.takes().get(0).netSpeechProperty().get());
        assertEquals("SNR: 31 dB", vm.takes().get(0).snrProperty().get());
        assertEquals("Clipping: 3.10 %", vm.takes().get(1).clippingProperty().get());
        assertEquals("Too little speech. Too noisy.", vm.takes().get(1).reasonsProperty().get());
        assertEquals("1 usable of 3 recommended takes", vm.takesSummary().get());
        assertFalse(vm.canSave().get(), "no name yet");
        vm.nameProperty().set("  Anna ");
        assertTrue(vm.canSave().get());
        vm.save();
        assertEquals(1, saved.size());
        assertEquals("Anna", saved.get(0).name());
        assertEquals(List.of(GOOD), saved.get(0).takes());
        assertEquals("Anna is enrolled with 1 take in all.", vm.statusProperty().get());
        assertFalse(saved.get(0).force(), "only good takes: nothing to force");
        assertTrue(vm.takes().isEmpty());

        vm.addTake(NOISY);
        vm.nameProperty().set("Ben");
        assertTrue(vm.hasWeakTakes().get());
        assertFalse(vm.canSave().get(), "a weak take alone is refused");
        vm.useAnywayProperty().set(true);
        assertEquals("1 usable of 3 recommended takes", vm.takesSummary().get());
        assertTrue(vm.canSave().get());
        vm.save();
        assertEquals(List.of(NOISY), saved.get(1).takes());
        assertTrue(saved.get(1).force(), "\"use anyway\" asks the application to force the weak take");
        assertFalse(vm.useAnywayProperty().get(), "the choice is per enrollment");
    }

    @Test
    void aFailedAssessmentShowsItsSentenceOnTheTake() {
        EnrollActions failing = new EnrollActions() {
            @Override
            public TakeQuality assessTake(Take take, Progress p) throws Exception {
                throw new io.voxprint.audio.AudioException("The file noisy.wav is not an audio file Voxprint can read.");
            }

            @Override
            public SpeakerSummary enroll(EnrollmentRequest r, Progress p) {
                throw new AssertionError();
            }
        };
        EnrollViewModel vm = new EnrollViewModel(failing, runner, dialogs);
        vm.addTake(NOISY);
        assertEquals("The file noisy.wav is not an audio file Voxprint can read.", vm.takes().get(0).reasonsProperty().get());
        assertFalse(vm.takes().get(0).acceptableProperty().get());
    }

    @Test
    void verificationShowsDecisionAndLikelihoodRatio() {
        SpeakerSummary anna = new SpeakerSummary("a", "Anna", 3, Instant.EPOCH, null);
        VerifyActions actions = new VerifyActions() {
            @Override
            public List<SpeakerSummary> listSpeakers() {
                return List.of(anna);
            }

            @Override
            public VerificationOutcome verify(String id, Take take, Progress p) {
                return new VerificationOutcome("Anna", 0.21, 0.35, false, -Math.log(20));
            }

            @Override
            public Optional<ProvisionalScore> provisionalScore(String id, Take.Recorded soFar) {
                throw new AssertionError("not recording");
            }
        };
        VerifyViewModel vm = new VerifyViewModel(actions, runner, dialogs);
        vm.verify(GOOD);
        assertEquals("Choose the speaker to verify against first.", vm.statusProperty().get());
        vm.refreshSpeakers();
        vm.selectedProperty().set(vm.speakers().get(0));
        vm.verify(GOOD);
        assertEquals(0.21, vm.decision().scoreProperty().get());
        assertEquals(0.35, vm.decision().thresholdProperty().get());
        assertEquals("Rejected: the voice does not match this speaker.", vm.decisionProperty().get());
        assertEquals("Log-likelihood ratio -3.00: the voice is 20.0 times more likely if it is a different speaker than the same one.",
                vm.llrProperty().get());
    }

    @Test
    void identificationNamesTheBestCandidateOnlyAboveTheThreshold() {
        IdentifyViewModel vm = new IdentifyViewModel(new IdentifyActions() {
            @Override
            public IdentificationOutcome identify(Take take, Progress p) {
                return new IdentificationOutcome(List.of(new RankedCandidate("b", "Ben", 0.62), new RankedCandidate("a", "Anna", 0.2)),
                        0.5, "b");
            }

            @Override
            public Optional<ProvisionalRanking> provisionalRanking(Take.Recorded soFar) {
                throw new AssertionError("not recording");
            }
        }, runner, dialogs);
        vm.identify(GOOD);
        assertEquals(2, vm.candidates().size());
        assertEquals("Most likely Ben (score 0.620, at or above the threshold 0.500).", vm.verdictProperty().get());
        assertEquals("No enrolled speaker: the best, Ben, scores 0.300, below the threshold 0.500.",
                IdentifyViewModel.verdictFor(new IdentificationOutcome(List.of(new RankedCandidate("b", "Ben", 0.3)), 0.5, null)));
    }

    @Test
    void provisionalScoresRunOneAtATimeOnTheNewestTakeAndAreDiscardedOnceTheTakeIsComplete() {
        List<Double> asked = new ArrayList<>();
        HeldTaskRunner held = new HeldTaskRunner();
        VerifyViewModel vm = annaChosen(held, soFar -> {
            asked.add(soFar.audio().durationSeconds());
            return Optional.of(new ProvisionalScore(0.6 + asked.size() / 100.0, 0.5, Math.min(3, soFar.audio().durationSeconds())));
        });
        vm.recordingStarted();
        assertEquals("Provisional score: listening...", vm.provisionalTextProperty().get());
        vm.scoreSoFar(seconds(1));
        vm.scoreSoFar(seconds(2));
        vm.scoreSoFar(seconds(3));
        assertEquals(1, held.waiting(), "one call at a time: the later requests wait");
        held.runAll();
        assertEquals(List.of(1.0), asked);
        assertEquals("Provisional score 0.610 on the last 1.0 s (at or above the threshold 0.500). The decision follows when"
                + " the recording stops.", vm.provisionalTextProperty().get());
        assertEquals(1, held.waiting(), "the newest request starts as soon as the call before it ends, without a new offer");
        held.runAll();
        assertEquals(List.of(1.0, 3.0), asked, "the request it replaced never runs");
        assertEquals(0, held.waiting());
        assertTrue(Double.isNaN(vm.decision().scoreProperty().get()), "the gauge waits for the decision");
        vm.scoreSoFar(seconds(4));
        vm.scoreSoFar(seconds(5));
        Take whole = seconds(6);
        vm.verify(whole);
        assertEquals("", vm.provisionalTextProperty().get(), "the complete take replaces the provisional score");
        held.runAll();
        assertEquals(List.of(1.0, 3.0), asked, "neither the request in flight at the stop nor the one waiting was run");
        assertEquals(0, held.waiting());
        assertEquals(0.71, vm.decision().scoreProperty().get());
        assertEquals("", vm.provisionalTextProperty().get());
        assertNull(vm.provisionalProperty().get());
    }

    @Test
    void cancellingAVerificationReturnsToIdleAtOnceAndDropsItsResult() {
        HeldTaskRunner held = new HeldTaskRunner();
        VerifyViewModel vm = annaChosen(held, soFar -> Optional.empty());
        vm.verify(GOOD);
        assertTrue(vm.busyProperty().get());
        assertTrue(vm.cancellableProperty().get());
        vm.cancel();
        assertFalse(vm.busyProperty().get(), "idle at once");
        assertEquals("Cancelled.", vm.statusProperty().get());
        held.runAll();
        assertTrue(Double.isNaN(vm.decision().scoreProperty().get()), "the late result is discarded");
    }

    @Test
    void provisionalRankingIsMarkedAndMakesWayForTheAnswer() {
        HeldTaskRunner held = new HeldTaskRunner();
        IdentifyViewModel vm = new IdentifyViewModel(new IdentifyActions() {
            @Override
            public IdentificationOutcome identify(Take take, Progress p) {
                return new IdentificationOutcome(List.of(new RankedCandidate("b", "Ben", 0.62)), 0.5, "b");
            }

            @Override
            public Optional<ProvisionalRanking> provisionalRanking(Take.Recorded soFar) {
                return Optional.of(new ProvisionalRanking(List.of(new RankedCandidate("b", "Ben", 0.58),
                        new RankedCandidate("a", "Anna", 0.31)), 0.5, 3.0));
            }
        }, held, dialogs);
        vm.recordingStarted();
        vm.rankSoFar(seconds(3));
        held.runAll();
        assertEquals("Provisional ranking on the last 3.0 s: Ben 0.580, Anna 0.310 (threshold 0.500). The answer follows when"
                + " the recording stops.", vm.provisionalTextProperty().get());
        assertTrue(vm.candidates().isEmpty(), "the bars wait for the answer");
        vm.identify(seconds(4));
        held.runAll();
        assertEquals("", vm.provisionalTextProperty().get());
        assertEquals("Most likely Ben (score 0.620, at or above the threshold 0.500).", vm.verdictProperty().get());
    }

    /**
     * A verify view model with Anna, the only enrolled speaker, chosen; a take verifies as Anna at
     * 0.71 against 0.5, and a take so far scores as {@code provisional} says.
     */
    private VerifyViewModel annaChosen(HeldTaskRunner held, Function<Take.Recorded, Optional<ProvisionalScore>> provisional) {
        SpeakerSummary anna = new SpeakerSummary("a", "Anna", 3, Instant.EPOCH, null);
        VerifyViewModel vm = new VerifyViewModel(new VerifyActions() {
            @Override
            public List<SpeakerSummary> listSpeakers() {
                return List.of(anna);
            }

            @Override
            public VerificationOutcome verify(String id, Take take, Progress p) {
                return new VerificationOutcome("Anna", 0.71, 0.5, true, Double.NaN);
            }

            @Override
            public Optional<ProvisionalScore> provisionalScore(String id, Take.Recorded soFar) {
                return provisional.apply(soFar);
            }
        }, held, dialogs);
        vm.refreshSpeakers();
        held.runAll();
        vm.selectedProperty().set(vm.speakers().get(0));
        return vm;
    }

    private static Take.Recorded seconds(double s) {
        return new Take.Recorded(new CapturedAudio(new float[(int) (s * 16_000)], 16_000f));
    }

    @Test
    void deletingAsksFirstAndDoesNothingWhenTheUserSaysNo() {
        List<String> deleted = new ArrayList<>();
        SpeakerSummary anna = new SpeakerSummary("a", "Anna", 3, Instant.EPOCH, null);
        SpeakersActions actions = new ArchivelessSpeakersActions() {
            @Override
            public List<SpeakerSummary> listSpeakers() {
                return deleted.isEmpty() ? List.of(anna) : List.of();
            }

            @Override
            public void delete(String id) {
                deleted.add(id);
            }
        };
        SpeakersViewModel vm = new SpeakersViewModel(actions, runner, dialogs);
        vm.refresh();
        vm.selectedProperty().set(anna);
        dialogs.confirmAnswers.add(false);
        vm.delete();
        assertTrue(deleted.isEmpty());
        assertEquals(List.of("Delete Anna with 3 takes? This cannot be undone."), dialogs.questions);
        dialogs.confirmAnswers.add(true);
        vm.delete();
        assertEquals(List.of("a"), deleted);
        assertNull(vm.selectedProperty().get());
        assertEquals("Anna was deleted.", vm.statusProperty().get());
    }

    @Test
    void timingTheModelShowsEachStepThenTheVerdictTheSentenceOrWhatIsStillInUse(@TempDir Path dir) {
        String[] verdict = {"AVX2 is the fastest here (a call: widest 2.20 s, AVX2 1.76 s); Voxprint uses it from the next start."};
        SettingsActions actions = new SettingsActions() {
            @Override
            public SettingsStore.Loaded load() {
                return new SettingsStore(dir.resolve("settings.json")).load();
            }

            @Override
            public void save(Settings settings) {
                throw new AssertionError("not saved here");
            }

            @Override
            public String instructionSetInUse() {
                return "The model runs under oneDNN's widest instruction set (oneDNN's own choice; not timed on this processor yet).";
            }

            @Override
            public String tuneInstructionSet(Progress progress) {
                progress.message("Timing the model under ALL (1 of 2)...");
                progress.update(0.5);
                if (verdict[0] == null) {
                    throw new io.voxprint.model.ModelException("Timing the model under ALL failed; the log has the details.");
                }
                return verdict[0];
            }
        };
        HeldTaskRunner held = new HeldTaskRunner();
        InstructionSetViewModel vm = new InstructionSetViewModel(actions, held, dialogs);
        vm.refresh();
        assertEquals(actions.instructionSetInUse(), vm.statusProperty().get());
        vm.tune();
        assertEquals("Timing the model on this processor...", vm.statusProperty().get());
        assertTrue(vm.busyProperty().get() && vm.cancellableProperty().get());
        held.runAll();
        assertEquals(verdict[0], vm.statusProperty().get());
        assertFalse(vm.busyProperty().get());

        verdict[0] = null;
        vm.tune();
        held.runAll();
        assertEquals("Timing the model under ALL failed; the log has the details.", vm.statusProperty().get());
        assertEquals(List.of("Timing the model under ALL failed; the log has the details."), dialogs.errors);

        vm.tune();
        vm.cancel();
        assertEquals("Cancelled. " + actions.instructionSetInUse(), vm.statusProperty().get());
        assertFalse(vm.cancellableProperty().get());
    }

    @Test
    void settingsFormRoundTripsThroughTheFileAndRejectsABadThreshold(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("settings.json");
        SettingsViewModel vm = new SettingsViewModel(new StoredSettingsActions(new SettingsStore(file)), runner, dialogs);
        vm.load();
        assertEquals(Settings.defaults(), vm.toSettings());
        assertTrue(vm.automaticThresholdProperty().get(), "no threshold in the file means automatic");
        vm.automaticThresholdProperty().set(false);
        vm.thresholdProperty().set(0.61);
        vm.asNormProperty().set(true);
        vm.inputDeviceProperty().set("Voxprint test microphone");
        assertTrue(vm.save());
        SettingsViewModel other = new SettingsViewModel(new StoredSettingsActions(new SettingsStore(file)), runner, dialogs);
        other.load();
        assertEquals(new Settings("", "main", 0.61, true, "Voxprint test microphone", false, ""), other.toSettings());

        other.thresholdProperty().set(12);
        assertFalse(other.save());
        assertEquals("The threshold must lie between -10 and 10, not 12.000.", other.statusProperty().get(),
                "AS-norm scores are in standard deviations");
        other.asNormProperty().set(false);
        other.thresholdProperty().set(1.5);
        assertFalse(other.save());
        assertEquals("The threshold must lie between -1 and 1, not 1.500.", other.statusProperty().get());
        assertTrue(Files.readString(file).contains("0.61"), "the file keeps the last good settings");

        other.thresholdProperty().set(0.61);
        other.dataFolderProperty().set("postgresql://desk@dbhost:port/voxprint");
        assertFalse(other.save(), "a malformed database address is refused when saved, not at the next start");
        assertEquals("The database address 'postgresql://desk@dbhost:port/voxprint' cannot be used: its port 'port' is not "
                + "a number from 1 to 65535.", other.statusProperty().get());
        assertFalse(Files.readString(file).contains("dbhost"), "the file keeps the last good settings");

        Files.writeString(file, "not json");
        other.load();
        assertEquals(List.of("The settings file " + file + " could not be read, so default settings are used."), dialogs.warnings);
    }
}
