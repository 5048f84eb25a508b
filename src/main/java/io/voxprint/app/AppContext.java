package io.voxprint.app;

import io.voxprint.app.audit.AuditLog;
import io.voxprint.app.calibrate.Calibrate;
import io.voxprint.app.core.AppConfig;
import io.voxprint.app.core.AudioInput;
import io.voxprint.app.core.CalibrationFile;
import io.voxprint.app.core.Cohort;
import io.voxprint.app.core.DecisionPolicy;
import io.voxprint.app.core.Embedder;
import io.voxprint.app.core.LiveOptions;
import io.voxprint.app.core.ModelService;
import io.voxprint.app.core.Probes;
import io.voxprint.app.core.ScoringOptions;
import io.voxprint.app.core.SpeakerCatalog;
import io.voxprint.app.diarize.Diarize;
import io.voxprint.app.enroll.Enroll;
import io.voxprint.app.evaluate.Evaluate;
import io.voxprint.app.identify.Identify;
import io.voxprint.app.live.LiveScoring;
import io.voxprint.app.inspect.Inspect;
import io.voxprint.app.speakers.ReEnroll;
import io.voxprint.app.speakers.SpeakerArchives;
import io.voxprint.app.speakers.Speakers;
import io.voxprint.app.verify.Verify;
import io.voxprint.store.VoiceprintStore;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * The composition root: opens the store, holds the model service, the embedder, the in-memory
 * speaker catalogue, the calibration files and the options, and builds each use case on them once.
 * The CLI opens one per command, the desktop one per window. Every use case may be slow (model
 * inference, database) and must be called off the UI thread; all are thread-safe (the model has one
 * owning thread and the store serialises its writes).
 */
public final class AppContext implements AutoCloseable {
    private final AppConfig config;
    private final VoiceprintStore store;
    private final ModelService models;
    private final LiveOptions options;
    private final DecisionPolicy policy;
    private final Enroll enroll;
    private final Verify verify;
    private final Identify identify;
    private final Speakers speakers;
    private final SpeakerArchives archives;
    private final ReEnroll reEnroll;
    private final Inspect inspect;
    private final Evaluate evaluate;
    private final Calibrate calibrate;
    private final AuditLog audit;
    private final LiveScoring live;
    private final Diarize diarize;

    private final SpeakerCatalog catalog;

    private AppContext(AppConfig config, VoiceprintStore store, ModelService models, ScoringOptions scoringOptions) {
        this.config = config;
        this.store = store;
        this.models = models;
        this.options = new LiveOptions(scoringOptions);
        Embedder embedder = new Embedder(models, store);
        this.catalog = new SpeakerCatalog(store);
        CalibrationFile calibrations = new CalibrationFile(config.dataDir());
        AudioInput audio = new AudioInput();
        this.policy = new DecisionPolicy(options, calibrations, new Cohort(catalog));
        this.enroll = new Enroll(store, models, embedder, catalog, audio, options);
        Probes probes = new Probes(models, embedder, catalog, audio);
        this.verify = new Verify(store, probes, policy);
        this.identify = new Identify(store, probes, policy);
        this.speakers = new Speakers(store, models, catalog);
        this.archives = new SpeakerArchives(store, models, catalog);
        this.reEnroll = new ReEnroll(store, models, embedder, catalog);
        this.inspect = new Inspect(models, embedder, audio);
        this.evaluate = new Evaluate(models, inspect, calibrations);
        this.calibrate = new Calibrate(store, models, calibrations);
        this.audit = new AuditLog(store);
        this.live = new LiveScoring(models, catalog, audio, policy);
        this.diarize = new Diarize(models, catalog, options, policy);
    }

    /** Opens the database (creating or migrating it); the model is loaded on first use. */
    public static AppContext open(AppConfig config, ScoringOptions options) {
        return open(config, AppConfig::openStore, options);
    }

    /**
     * The same with a store {@code opener} that may ask the user first (the desktop, which unlocks a
     * protected database with a passphrase typed in its own dialog); the model is loaded on first use.
     */
    public static AppContext open(AppConfig config, Function<AppConfig, VoiceprintStore> opener, ScoringOptions options) {
        return new AppContext(config, opener.apply(config), new ModelService(config), options);
    }

    /**
     * For a command that runs the model: its load starts first, on another thread, and overlaps
     * opening the database and what the command does next ({@link ModelService#preload()}).
     */
    public static AppContext openLoadingModel(AppConfig config, ScoringOptions options) {
        return openLoadingModel(config, AppConfig::openStore, options);
    }

    /**
     * The same with a store {@code opener}; should it fail, the model's load started here is closed
     * before its failure goes on.
     */
    public static AppContext openLoadingModel(AppConfig config, Function<AppConfig, VoiceprintStore> opener, ScoringOptions options) {
        ModelService models = new ModelService(config);
        models.preload();
        try {
            return new AppContext(config, opener.apply(config), models, options);
        } catch (RuntimeException | Error e) {
            models.close();
            throw e;
        }
    }

    public AppConfig config() {
        return config;
    }

    public ModelService models() {
        return models;
    }

    public ScoringOptions options() {
        return options.get();
    }

    /** Replaces the scoring options; every use case sees them on its next call. */
    public void setOptions(ScoringOptions next) {
        options.set(next);
    }

    public DecisionPolicy policy() {
        return policy;
    }

    public Path databaseFile() {
        return config.database() == null ? null : config.database().toAbsolutePath().normalize();
    }

    /** Where the speakers are kept, as the user named it: a file, or a server address without its password. */
    public String databaseLocation() {
        return store.location();
    }

    /** Why this desk may not enroll, rename or delete (a verify-only database role), as one sentence; empty when it may. */
    public java.util.Optional<String> whyChangesAreRefused() {
        return store.whyChangesAreRefused();
    }

    /** While the shared database server cannot be reached, the sentence saying so (the desk works from what it has). */
    public java.util.Optional<String> serverProblem() {
        return java.util.Optional.ofNullable(catalog.serverProblem());
    }

    public Enroll enroll() {
        return enroll;
    }

    public Verify verify() {
        return verify;
    }

    public Identify identify() {
        return identify;
    }

    public Speakers speakers() {
        return speakers;
    }

    public SpeakerArchives archives() {
        return archives;
    }

    public ReEnroll reEnroll() {
        return reEnroll;
    }

    public Inspect inspect() {
        return inspect;
    }

    public Evaluate evaluate() {
        return evaluate;
    }

    public Calibrate calibrate() {
        return calibrate;
    }

    /** Provisional scores while a take is being recorded. */
    public LiveScoring live() {
        return live;
    }

    /** Who spoke when in a long recording. */
    public Diarize diarize() {
        return diarize;
    }

    public AuditLog audit() {
        return audit;
    }

    @Override
    public void close() {
        models.close();
        store.close();
    }
}
