package io.voxprint.ui;

import io.voxprint.app.settings.SettingsStore;
import io.voxprint.testing.Fixtures;
import io.voxprint.ui.common.DialogService;
import io.voxprint.ui.common.Progress;
import io.voxprint.ui.common.SameThreadTaskRunner;
import io.voxprint.ui.enroll.EnrollActions;
import io.voxprint.ui.features.FeaturesActions;
import io.voxprint.ui.identify.IdentifyActions;
import io.voxprint.ui.values.EnrollmentRequest;
import io.voxprint.ui.values.FeatureInspection;
import io.voxprint.ui.values.IdentificationOutcome;
import io.voxprint.ui.values.LabelledEmbedding;
import io.voxprint.ui.values.ModelStatus;
import io.voxprint.ui.values.RankedCandidate;
import io.voxprint.ui.values.SpeakerSummary;
import io.voxprint.ui.values.Take;
import io.voxprint.ui.values.TakeQuality;
import io.voxprint.ui.values.VerificationOutcome;
import io.voxprint.ui.photo.Camera;
import io.voxprint.ui.settings.StoredSettingsActions;
import io.voxprint.ui.shell.MainWindow;
import io.voxprint.ui.shell.ModelSetupActions;
import io.voxprint.ui.verify.VerifyActions;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Made-up answers for the UI tests and screenshots (the real use cases come with the wiring step):
 * three speakers, a fixed verification outcome, seeded random feature vectors of ECAPA2's sizes.
 */
final class DemoActions implements EnrollActions, VerifyActions, IdentifyActions, FeaturesActions, ArchivelessSpeakersActions, ModelSetupActions {
    static final ModelStatus MODEL = new ModelStatus("ECAPA2", "revision a1b2c3d", "forward(audio, label)");
    final List<SpeakerSummary> speakers = new ArrayList<>(List.of(
            new SpeakerSummary("1", "Anna Lindqvist", 3, Instant.parse("2025-01-12T09:30:00Z"), null),
            new SpeakerSummary("2", "Ben Okafor", 4, Instant.parse("2025-02-03T14:05:00Z"), null),
            new SpeakerSummary("3", "Chiara Romano", 3, Instant.parse("2025-03-21T17:45:00Z"), null)));

    static UiActions uiActions(DemoActions demo, Path settingsFile, Camera camera, boolean modelAvailable) {
        return new UiActions(demo, demo, demo, demo, demo, demo, new DemoTimeline(), new StoredSettingsActions(new SettingsStore(settingsFile)), camera,
                () -> modelAvailable ? Optional.of(MODEL) : Optional.empty(), () -> "/home/user/.local/share/voxprint/voxprint.db");
    }

    /**
     * The main window over fresh demo actions and no camera, set on {@code stage} in a scene of the
     * given size with the app's stylesheet and shortcuts, as the application sets it up.
     */
    static MainWindow window(Stage stage, Path settingsFile, boolean modelAvailable, DialogService dialogs, int width, int height) {
        MainWindow window = VoxprintUi.build(uiActions(new DemoActions(), settingsFile, noCamera(), modelAvailable),
                new SameThreadTaskRunner(dialogs), dialogs);
        Scene scene = new Scene(window, width, height);
        scene.getStylesheets().add(VoxprintUi.stylesheet());
        window.installShortcuts(scene);
        stage.setScene(scene);
        return window;
    }

    static Camera noCamera() {
        return new Camera() {
            @Override
            public Optional<String> unavailableReason() {
                return Optional.of("No camera was found; a photo is optional.");
            }

            @Override
            public byte[] takePhoto() {
                throw new IllegalStateException();
            }
        };
    }

    @Override
    public ModelStatus download(Progress progress) {
        progress.update(1);
        return MODEL;
    }

    @Override
    public ModelStatus loadCurrent(Progress progress) {
        return MODEL;
    }

    /** How many warm-ups the window asked for. */
    int warmUps;

    @Override
    public void warmUp(Progress progress) {
        warmUps++;
    }

    @Override
    public ModelStatus useLocalFile(Path file, Progress progress) {
        return new ModelStatus("ECAPA2", "local file", "forward(audio, label)");
    }

    @Override
    public TakeQuality assessTake(Take take, Progress progress) {
        return take instanceof Take.Recorded ? new TakeQuality(8.4, 0.0, 28, true, List.of())
                : new TakeQuality(2.1, 0.012, 9, false, List.of("Only 2.1 s of speech; 5 s or more is better.", "Background noise is high (SNR 9 dB)."));
    }

    @Override
    public SpeakerSummary enroll(EnrollmentRequest request, Progress progress) {
        SpeakerSummary s = new SpeakerSummary(String.valueOf(speakers.size() + 1), request.name(), request.takes().size(), Instant.now(), request.photoPng());
        speakers.add(s);
        return s;
    }

    @Override
    public List<SpeakerSummary> listSpeakers() {
        return List.copyOf(speakers);
    }

    @Override
    public VerificationOutcome verify(String speakerId, Take take, Progress progress) {
        return new VerificationOutcome("Anna Lindqvist", 0.712, 0.5, true, 4.1);
    }

    @Override
    public IdentificationOutcome identify(Take take, Progress progress) {
        return new IdentificationOutcome(List.of(new RankedCandidate("2", "Ben Okafor", 0.684),
                new RankedCandidate("1", "Anna Lindqvist", 0.412), new RankedCandidate("3", "Chiara Romano", 0.287),
                new RankedCandidate("4", "Dmitri Volkov", 0.153), new RankedCandidate("5", "Emma Schultz", 0.091),
                new RankedCandidate("6", "Farid Haddad", 0.044)), 0.5, "Ben Okafor");
    }

    @Override
    public java.util.Optional<io.voxprint.ui.values.ProvisionalScore> provisionalScore(String speakerId, Take.Recorded soFar) {
        return java.util.Optional.of(new io.voxprint.ui.values.ProvisionalScore(0.655, 0.5,
                Math.min(3.0, soFar.audio().durationSeconds())));
    }

    @Override
    public java.util.Optional<io.voxprint.ui.values.ProvisionalRanking> provisionalRanking(Take.Recorded soFar) {
        return java.util.Optional.of(new io.voxprint.ui.values.ProvisionalRanking(List.of(new RankedCandidate("2", "Ben Okafor", 0.641),
                new RankedCandidate("1", "Anna Lindqvist", 0.398)), 0.5, Math.min(3.0, soFar.audio().durationSeconds())));
    }

    @Override
    public FeatureInspection inspect(Take take, Progress progress) throws Exception {
        short[] pcm = Fixtures.pcm16(Fixtures.file("fake-mic-speech-16k.wav"));
        float[] samples = new float[pcm.length];
        for (int i = 0; i < pcm.length; i++) {
            samples[i] = pcm[i] / 32768f;
        }
        Random random = new Random(take.label().hashCode());
        Map<String, float[]> features = new LinkedHashMap<>();
        features.put("gfe_1", vector(random, 2048, 0.8));
        features.put("gfe_2", vector(random, 2048, 1.2));
        features.put("pool", vector(random, 3072, 1.0));
        features.put("embedding", vector(random, 192, 0.3));
        return new FeatureInspection(take.label(), samples, features, features.get("embedding"));
    }

    private static float[] vector(Random r, int n, double scale) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (scale * (r.nextGaussian() + Math.sin(i / 37.0)));
        }
        return v;
    }

    @Override
    public List<LabelledEmbedding> speakerEmbeddings() {
        Random r = new Random(3);
        List<LabelledEmbedding> out = new ArrayList<>();
        for (SpeakerSummary s : speakers) {
            float[] centre = vector(r, 192, 1.0);
            for (int k = 0; k < s.takes(); k++) {
                float[] e = centre.clone();
                for (int i = 0; i < e.length; i++) {
                    e[i] += (float) (0.3 * r.nextGaussian());
                }
                out.add(new LabelledEmbedding(s.name(), e));
            }
        }
        return out;
    }

    @Override
    public void delete(String speakerId) {
        speakers.removeIf(s -> s.id().equals(speakerId));
    }
}
