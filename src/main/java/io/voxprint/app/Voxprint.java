package io.voxprint.app;

import io.voxprint.audio.AudioLoader;
import io.voxprint.audio.PreparedAudio;
import io.voxprint.audio.QualityAnalyzer;
import io.voxprint.audio.QualityReport;
import io.voxprint.model.Ecapa2Model;
import io.voxprint.model.ModelInfo;
import io.voxprint.scoring.AsNorm;
import io.voxprint.scoring.Candidate;
import io.voxprint.scoring.SpeakerIndex;
import io.voxprint.scoring.Vectors;
import io.voxprint.store.AuditEntry;
import io.voxprint.store.ImportResult;
import io.voxprint.store.SpeakerArchive;
import io.voxprint.store.NewEnrollment;
import io.voxprint.store.Speaker;
import io.voxprint.store.VoiceprintStore;
import io.voxprint.store.sealed.ProtectedStores;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The use cases of Voxprint behind one object, shared by the CLI and the desktop UI: enroll,
 * verify, identify, inspect features, manage speakers. Every method may be slow (model inference,
 * database) and must be called off the UI thread. Thread-safe: the model has one owning thread and
 * the store serialises its writes.
 */
public final class Voxprint implements AutoCloseable {
    private final AppConfig config;
    private final VoiceprintStore store;
    private final ModelService models;
    private final Embedder embedder;
    private final SpeakerCatalog catalog;
    private final CalibrationFile calibrations;
    private final AudioLoader audioLoader = new AudioLoader();
    private final QualityAnalyzer qualityAnalyzer = new QualityAnalyzer();
    private volatile ScoringOptions options;

    private Voxprint(AppConfig config, VoiceprintStore store, ScoringOptions options) {
        this.config = config;
        this.store = store;
        this.models = new ModelService(config);
        this.embedder = new Embedder(models, store);
        this.catalog = new SpeakerCatalog(store);
        this.calibrations = new CalibrationFile(config.dataDir());
        this.options = options;
    }

    /** Opens the database (creating or migrating it); the model is loaded on first use. */
    public static Voxprint open(AppConfig config, ScoringOptions options) {
        return new Voxprint(config, ProtectedStores.openSqlite(config.database(), config.env()), options);
    }

    public AppConfig config() {
        return config;
    }

    public ModelService models() {
        return models;
    }

    public ScoringOptions options() {
        return options;
    }

    public void setOptions(ScoringOptions options) {
        this.options = options;
    }

    public Path databaseFile() {
        return config.database().toAbsolutePath().normalize();
    }

    // ---- audio -------------------------------------------------------------------------------

    public PreparedAudio loadAudio(Path file) {
        return audioLoader.load(file);
    }

    public PreparedAudio fromSamples(String source, float[] mono, int sampleRate) {
        return AudioLoader.fromSamples(source, mono, sampleRate);
    }

    public QualityReport quality(PreparedAudio audio) {
        return qualityAnalyzer.analyze(audio.samples());
    }

    // ---- model -------------------------------------------------------------------------------

    public ModelInfo modelInfo() {
        return models.info();
    }

    public float[] embed(PreparedAudio audio) {
        requireSpeech(audio, qualityAnalyzer.analyze(audio.samples()));
        return embedder.embed(audio);
    }

    public FeatureReport features(PreparedAudio audio) {
        requireSpeech(audio, qualityAnalyzer.analyze(audio.samples()));
        Ecapa2Model model = models.model();
        return new FeatureReport(audio, embedder.embed(audio), model.features(audio.samples()));
    }

    // ---- enroll ------------------------------------------------------------------------------

    /**
     * Enrolls every take for the speaker in one transaction (creating the speaker when new). A take
     * whose quality is below the minimum is refused unless {@code force} is set; nothing is written
     * then.
     */
    public EnrollResult enroll(String name, List<PreparedAudio> takes, boolean force, byte[] photo) {
        if (takes.isEmpty()) {
            throw new VoxprintException("Give at least one recording to enroll '" + name + "'.");
        }
        String modelSha = models.modelSha256();
        List<NewEnrollment> rows = new ArrayList<>();
        List<EnrollResult.Take> report = new ArrayList<>();
        for (PreparedAudio take : takes) {
            QualityReport q = qualityAnalyzer.analyze(take.samples());
            requireSpeech(take, q);
            if (!q.usable() && !force) {
                throw new VoxprintException("The recording '" + take.source() + "' is not good enough to enroll ("
                        + String.join("; ", q.problems()) + "); record again, or force it.");
            }
            float[] embedding = embedder.embed(take);
            rows.add(new NewEnrollment(take.source(), take.seconds(), q.netSpeechSeconds(), q.clippingRatio(),
                    q.snrDb(), embedding, modelSha, options.keepAudio() ? take.samples() : null));
            report.add(new EnrollResult.Take(take.source(), q));
        }
        Speaker speaker = store.enroll(name, rows, true, photo);
        catalog.refresh(speaker.name());
        return new EnrollResult(speaker.name(), speaker.enrollmentCount(), report);
    }

    // ---- verify and identify -----------------------------------------------------------------

    public VerifyResult verify(String name, PreparedAudio probe) {
        Speaker speaker = store.speakers().find(name)
                .orElseThrow(() -> new VoxprintException("No speaker named '" + name + "' is enrolled."));
        ModelInfo info = models.info();
        QualityReport q = qualityAnalyzer.analyze(probe.samples());
        requireSpeech(probe, q);
        SpeakerIndex index = catalog.index(info.sha256(), info.embeddingDimension());
        if (!index.contains(speaker.name())) {
            throw new VoxprintException("'" + speaker.name() + "' was enrolled with a different model; re-enroll"
                    + " this speaker with the model in use.");
        }
        float[] model = index.model(speaker.name());
        float[] embedding = embedder.embed(probe);
        double score = index.score(speaker.name(), embedding);
        Double normScore = options.asNorm() ? asNorm(index, speaker.name()).normalize(score, model,
                Vectors.normalize(embedding)) : null;
        Optional<Calibration> calibration = calibrations.read(info.sha256());
        Double llr = calibration.map(c -> c.llr(score)).orElse(null);
        double threshold = threshold(info.sha256());
        boolean accepted = (normScore != null ? normScore : score) >= threshold;
        store.audit().append(AuditEntry.verification(Instant.now(), speaker.name(), accepted,
                normScore != null ? normScore : score, threshold, info.sha256(), probe.source()));
        return new VerifyResult(speaker.name(), score, normScore, llr, threshold, accepted, q.problems());
    }

    public IdentifyResult identify(PreparedAudio probe, int topK) {
        ModelInfo info = models.info();
        QualityReport q = qualityAnalyzer.analyze(probe.samples());
        requireSpeech(probe, q);
        SpeakerIndex index = catalog.index(info.sha256(), info.embeddingDimension());
        if (index.size() == 0) {
            throw new VoxprintException("No speaker is enrolled with the model in use; enroll someone first.");
        }
        float[] embedding = embedder.embed(probe);
        List<Candidate> candidates = index.topK(embedding, Math.max(1, topK));
        // Identification ranks raw cosines, so its threshold is the raw one even with AS-norm on.
        double threshold = rawThreshold(info.sha256());
        String decision = !candidates.isEmpty() && candidates.get(0).score() >= threshold ? candidates.get(0).key() : null;
        store.audit().append(AuditEntry.identification(Instant.now(), decision,
                candidates.isEmpty() ? Double.NaN : candidates.get(0).score(), threshold, info.sha256(), probe.source()));
        return new IdentifyResult(candidates, decision, threshold, q.problems());
    }

    /** The threshold a decision uses now: explicit, else calibrated EER threshold, else the default. */
    public double threshold(String modelSha256) {
        if (options.asNorm()) {
            return options.threshold() != null ? options.threshold() : ScoringOptions.DEFAULT_NORM_THRESHOLD;
        }
        return rawThreshold(modelSha256);
    }

    private double rawThreshold(String modelSha256) {
        if (options.threshold() != null && !options.asNorm()) {
            return options.threshold();
        }
        return calibrations.read(modelSha256).map(Calibration::eerThreshold).orElse(ScoringOptions.DEFAULT_THRESHOLD);
    }

    private AsNorm asNorm(SpeakerIndex index, String excluded) {
        List<float[]> cohort = new ArrayList<>();
        for (String key : index.keys()) {
            if (!key.equals(excluded)) {
                cohort.add(index.model(key));
            }
        }
        if (options.cohortFile() != null) {
            for (float[] row : AsNorm.readCohort(options.cohortFile())) {
                cohort.add(Vectors.normalize(row));
            }
        }
        if (cohort.size() < 2) {
            throw new VoxprintException("AS-norm needs a cohort of at least two other speakers; enroll more"
                    + " speakers, import a cohort file, or turn AS-norm off.");
        }
        return new AsNorm(cohort.toArray(new float[0][]), 100);
    }

    // ---- speakers ----------------------------------------------------------------------------

    public List<Speaker> speakers() {
        return store.speakers().list();
    }

    public void rename(String oldName, String newName) {
        store.speakers().rename(oldName, newName);
        catalog.invalidate();
    }

    public void delete(String name) {
        store.speakers().delete(name);
        catalog.remove(name);
    }

    public List<io.voxprint.store.Enrollment> enrollments(String name) {
        return store.speakers().enrollments(name);
    }

    public Optional<byte[]> photo(String name) {
        return store.speakers().photo(name);
    }

    public void setPhoto(String name, byte[] photo) {
        store.speakers().setPhoto(name, photo);
    }

    /** Speakers that have no embedding of the model in use (enrolled with another model). */
    public List<String> speakersNeedingReEnrollment() {
        return store.embeddings().speakersWithout(models.modelSha256());
    }

    /**
     * Re-embeds a speaker's kept enrollment audio with the model in use, so a speaker enrolled with
     * another model can be verified again without recording. Returns how many recordings were
     * re-embedded; fails with one sentence when the speaker's audio was not kept.
     */
    public int reEnrollFromKeptAudio(String name) {
        Speaker speaker = store.speakers().find(name)
                .orElseThrow(() -> new VoxprintException("No speaker named '" + name + "' is enrolled."));
        List<io.voxprint.store.KeptAudio> kept = store.speakers().keptAudio(speaker.name());
        if (kept.isEmpty()) {
            throw new VoxprintException("The audio of '" + speaker.name() + "' was not kept; enroll this speaker"
                    + " again with new recordings.");
        }
        String modelSha = models.modelSha256();
        for (io.voxprint.store.KeptAudio audio : kept) {
            float[] embedding = embedder.embed(AudioLoader.fromSamples(audio.sourceName(), audio.samples(),
                    io.voxprint.store.KeptAudio.SAMPLE_RATE));
            store.embeddings().put(audio.enrollmentId(), modelSha, embedding);
        }
        catalog.refresh(speaker.name());
        return kept.size();
    }

    public void exportSpeakers(List<String> names, Path jsonFile) {
        SpeakerArchive.export(store, names, jsonFile);
    }

    public ImportResult importSpeakers(Path jsonFile) {
        ImportResult result = SpeakerArchive.importInto(store, jsonFile, models.modelSha256());
        catalog.invalidate();
        return result;
    }

    public void exportNpy(Path npyFile) {
        SpeakerArchive.writeNpy(store, models.modelSha256(), npyFile);
    }

    public List<AuditEntry> auditLog(int limit) {
        return store.audit().latest(limit);
    }

    /** Normalised speaker models of the model in use, by name (for the speaker map). */
    public java.util.Map<String, float[]> speakerModels() {
        ModelInfo info = models.info();
        SpeakerIndex index = catalog.index(info.sha256(), info.embeddingDimension());
        java.util.Map<String, float[]> out = new java.util.LinkedHashMap<>();
        for (String key : index.keys()) {
            out.put(key, index.model(key));
        }
        return out;
    }

    List<io.voxprint.store.SpeakerEmbeddings> embeddingsOfModel(String modelSha256) {
        return store.embeddings().ofModel(modelSha256);
    }

    Embedder embedder() {
        return embedder;
    }

    Optional<Calibration> calibration(String modelSha256) {
        return calibrations.read(modelSha256);
    }

    void saveCalibration(Calibration calibration) {
        calibrations.write(calibration);
    }

    public Optional<Calibration> calibration() {
        return calibrations.read(models.modelSha256());
    }

    private static void requireSpeech(PreparedAudio audio, QualityReport q) {
        if (audio.samples().length == 0) {
            throw new VoxprintException("The recording '" + audio.source() + "' is empty.");
        }
        if (q.netSpeechSeconds() <= 0) {
            throw new VoxprintException("The recording '" + audio.source() + "' contains no speech (it is silent).");
        }
    }

    @Override
    public void close() {
        models.close();
        store.close();
    }
}
