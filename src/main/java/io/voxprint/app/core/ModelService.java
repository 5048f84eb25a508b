package io.voxprint.app.core;

import io.voxprint.common.NamedExecutors;
import io.voxprint.model.Ecapa2Model;
import io.voxprint.model.FactStore;
import io.voxprint.model.ModelException;
import io.voxprint.model.ModelInfo;
import io.voxprint.model.hub.DownloadProgress;
import io.voxprint.model.hub.HubDownloader;
import io.voxprint.model.hub.HubFile;
import io.voxprint.model.hub.LocatedModel;
import io.voxprint.model.hub.ModelLocator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds, downloads and holds the one loaded ECAPA2 model. The model is loaded once, on first use or
 * ahead of it ({@link #preload()}), and kept until the service is closed.
 */
public final class ModelService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ModelService.class);

    private final AppConfig config;
    private Path settingsModel;
    private Ecapa2Model model;
    private LocatedModel located;
    /** A load started by {@link #preload()} that {@link #model()} has not collected yet. */
    private FutureTask<Ecapa2Model> loading;
    private LocatedModel loadingFrom;
    private final FactStore facts;

    public ModelService(AppConfig config) {
        this.config = config;
        this.settingsModel = config.settingsModel();
        this.facts = FactStore.forUser(config.env());
    }

    /**
     * Starts loading the model on a background thread, so that what the caller does next (opening
     * the database, decoding audio) overlaps libtorch's start and load. Does nothing when the model
     * is loaded or loading, or cannot be found: {@link #model()} then reports the problem.
     */
    public synchronized void preload() {
        if (model != null || loading != null) {
            return;
        }
        Optional<LocatedModel> where;
        try {
            where = locate();
        } catch (RuntimeException e) {
            LOG.debug("No model to load ahead: {}", e.getMessage());
            return;
        }
        if (where.isEmpty()) {
            return;
        }
        Path file = where.get().file();
        loading = new FutureTask<>(() -> Ecapa2Model.load(file, facts));
        loadingFrom = where.get();
        NamedExecutors.daemonThreads("voxprint-model-load").newThread(loading).start();
    }

    /** Where the model would come from now, without loading it; empty when it must be downloaded. */
    public synchronized Optional<LocatedModel> locate() {
        if (config.explicitModel() != null) {
            requireFile(config.explicitModel());
        }
        return new ModelLocator(config.hubConfig(), config.env())
                .locate(config.explicitModel(), settingsModel, config.revision());
    }

    /** Downloads the model from the Hub into the shared Hugging Face cache (nothing when cached). */
    public HubFile download(DownloadProgress progress) {
        return new HubDownloader(config.hubConfig())
                .download(ModelLocator.REPO_ID, ModelLocator.FILENAMES.get(0), config.revision(), progress);
    }

    /** Uses a local model file from now on (the UI's "choose file"); the next call reloads. */
    public synchronized void useFile(Path file) {
        requireFile(file);
        settingsModel = file;
        closeModel();
    }

    /** Forgets a file chosen earlier and takes the model from the Hugging Face cache; the next call reloads. */
    public synchronized void useHubCache() {
        settingsModel = null;
        closeModel();
    }

    public synchronized boolean isLoaded() {
        return model != null;
    }

    /** The loaded model, loading it first if needed; fails with one sentence when none is available. */
    public synchronized Ecapa2Model model() {
        if (model == null && loading != null) {
            LocatedModel from = loadingFrom; // collecting forgets it
            model = collectLoading();
            located = from;
        }
        if (model == null) {
            LocatedModel where = locate().orElseThrow(() -> new VoxprintException(config.offline()
                    ? "No ECAPA2 model is available offline; pass --model FILE or download it once with 'voxprint model download'."
                    : "No ECAPA2 model is available yet; run 'voxprint model download' or pass --model FILE."));
            LOG.info("Loading model from {} ({})", where.file(), where.source());
            model = Ecapa2Model.load(where.file(), facts);
            located = where;
        }
        return model;
    }

    public synchronized ModelInfo info() {
        return model().info();
    }

    /** Where the loaded model came from (source, revision, commit); loads it if needed. */
    public synchronized LocatedModel source() {
        model();
        return located;
    }

    public String modelSha256() {
        return info().sha256();
    }

    private static void requireFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new VoxprintException("The model file '" + file + "' does not exist.");
        }
    }

    /** Waits for the load {@link #preload()} started; its failure is the caller's, with the same sentence. */
    private Ecapa2Model collectLoading() {
        FutureTask<Ecapa2Model> task = loading;
        loading = null;
        loadingFrom = null;
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VoxprintException("Loading the model was interrupted.");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ModelException m) {
                throw new ModelException(m.getMessage(), m);
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new VoxprintException("The model could not be loaded; the log has the details.", e.getCause());
        }
    }

    private void closeModel() {
        if (loading != null) {
            try {
                collectLoading().close();
            } catch (RuntimeException e) {
                LOG.debug("A model loaded ahead failed and is not needed any more", e);
            }
        }
        if (model != null) {
            model.close();
            model = null;
            located = null;
        }
    }

    @Override
    public synchronized void close() {
        closeModel();
    }
}
