package io.voxprint.model.hub;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the ECAPA2 model file without downloading: an explicit {@code --model} file, then {@code VOXPRINT_MODEL},
 * then the file chosen in the settings, then the Hugging Face cache (ecapa2.pt, then the older model.pt).
 * An empty answer means the model needs downloading ({@link #download}).
 */
public final class ModelLocator {
    public static final String REPO_ID = "Jenthe/ECAPA2";
    /** The published names, newest first: the current card uses ecapa2.pt, the first release model.pt. */
    public static final List<String> FILENAMES = List.of("ecapa2.pt", "model.pt");
    public static final String DEFAULT_REVISION = "main";

    private final HubDownloader downloader;
    private final Map<String, String> env;

    public ModelLocator(HubConfig hub, Map<String, String> env) {
        this(new HubDownloader(hub), env);
    }

    public ModelLocator(HubDownloader downloader, Map<String, String> env) {
        this.downloader = downloader;
        this.env = Map.copyOf(env);
    }

    /**
     * @param explicitModel the {@code --model} argument, or null
     * @param settingsModel the file chosen in the settings, or null
     * @param revision      Hub revision for the cache look-up; null means "main"
     * @throws HubException when a file named explicitly (argument, variable or settings) is not a readable file:
     *                      falling back silently would compute embeddings with another model than the one chosen
     */
    public Optional<LocatedModel> locate(Path explicitModel, Path settingsModel, String revision) {
        if (explicitModel != null) {
            return Optional.of(direct(explicitModel, LocatedModel.EXPLICIT, "given with --model"));
        }
        String fromEnv = env.get("VOXPRINT_MODEL");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Optional.of(direct(Path.of(fromEnv.trim()), LocatedModel.ENVIRONMENT, "named by VOXPRINT_MODEL"));
        }
        if (settingsModel != null) {
            return Optional.of(direct(settingsModel, LocatedModel.SETTINGS, "chosen in the settings"));
        }
        String rev = revision == null || revision.isBlank() ? DEFAULT_REVISION : revision;
        for (String name : FILENAMES) {
            Optional<HubFile> hit = downloader.cached(REPO_ID, name, rev);
            if (hit.isPresent()) {
                return Optional.of(new LocatedModel(hit.get().path(), LocatedModel.HUB_CACHE, rev, hit.get().commit()));
            }
        }
        return Optional.empty();
    }

    /**
     * Downloads the model into the Hub cache (or finds it there after asking the Hub for the revision's commit):
     * ecapa2.pt, or model.pt when the revision predates the rename. Show {@link ModelLicense#TEXT} first.
     */
    public LocatedModel download(String revision, DownloadProgress progress) {
        String rev = revision == null || revision.isBlank() ? DEFAULT_REVISION : revision;
        HubException notFound = null;
        for (String name : FILENAMES) {
            try {
                HubFile file = downloader.download(REPO_ID, name, rev, progress);
                return new LocatedModel(file.path(), file.downloaded() ? LocatedModel.HUB_DOWNLOAD : LocatedModel.HUB_CACHE,
                        rev, file.commit());
            } catch (HubException e) {
                if (e.reason() != HubException.Reason.ENTRY_NOT_FOUND) {
                    throw e;
                }
                notFound = notFound == null ? e : notFound;
            }
        }
        throw notFound;
    }

    public HubDownloader downloader() {
        return downloader;
    }

    private static LocatedModel direct(Path file, String source, String how) {
        if (!Files.isRegularFile(file)) {
            throw new HubException(HubException.Reason.LOCAL, "The model file " + how + " does not exist: " + file + ".");
        }
        if (!Files.isReadable(file)) {
            throw new HubException(HubException.Reason.LOCAL, "The model file " + how + " cannot be read: " + file + ".");
        }
        return new LocatedModel(file.toAbsolutePath(), source, null, null);
    }
}
