package io.voxprint.app.speakers;

import io.voxprint.app.core.ModelService;
import io.voxprint.app.core.SpeakerCatalog;
import io.voxprint.crypto.Argon2id;
import io.voxprint.store.ArchivePassphrase;
import io.voxprint.store.ClashPolicy;
import io.voxprint.store.ImportResult;
import io.voxprint.store.SpeakerArchive;
import io.voxprint.store.VoiceprintStore;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * Speakers to and from archives, and the model's embeddings as a NumPy file. An archive is encrypted
 * with a passphrase unless the caller explicitly asks for plaintext; both front ends then show
 * {@link #PLAINTEXT_ARCHIVE} or {@link #PLAINTEXT_NPY} so the user knows what the file exposes.
 */
public final class SpeakerArchives {
    /** What a plaintext archive exposes, in one sentence. */
    public static final String PLAINTEXT_ARCHIVE = "A plaintext archive exposes every exported speaker's name, notes,"
            + " photo and voiceprints to anyone who can read the file.";
    /** What a NumPy export exposes, in one sentence. */
    public static final String PLAINTEXT_NPY = "A .npy export exposes every enrolled speaker's voiceprints, with their"
            + " names beside them in the labels file, to anyone who can read the files.";

    private final VoiceprintStore store;
    private final ModelService models;
    private final SpeakerCatalog catalog;
    private final Supplier<Argon2id> keyParameters;

    public SpeakerArchives(VoiceprintStore store, ModelService models, SpeakerCatalog catalog) {
        this(store, models, catalog, Argon2id::withFreshSalt);
    }

    /** With other Argon2id parameters for new archives (tests use cheaper ones). */
    public SpeakerArchives(VoiceprintStore store, ModelService models, SpeakerCatalog catalog, Supplier<Argon2id> keyParameters) {
        this.store = store;
        this.models = models;
        this.catalog = catalog;
        this.keyParameters = keyParameters;
    }

    /** Writes the named speakers (all when none is named) to an archive encrypted with {@code passphrase}. */
    public void export(List<String> names, Path file, char[] passphrase) {
        SpeakerArchive.exportSealed(store, names, file, passphrase, keyParameters.get());
    }

    /** Writes the named speakers (all when none is named) to a plaintext JSON archive: see {@link #PLAINTEXT_ARCHIVE}. */
    public void exportPlaintext(List<String> names, Path jsonFile) {
        SpeakerArchive.export(store, names, jsonFile);
    }

    /** Whether the archive is encrypted (then importing it needs its passphrase). */
    public boolean isEncrypted(Path file) {
        return SpeakerArchive.isSealed(file);
    }

    /** Imports an archive, plain or encrypted; {@code passphrase} is asked only for an encrypted one. */
    public ImportResult importFrom(Path file, ArchivePassphrase passphrase) {
        ImportResult result = SpeakerArchive.importInto(store, file, models.modelSha256(), ClashPolicy.REFUSE, passphrase);
        catalog.invalidate();
        return result;
    }

    /** The model's embeddings as a plaintext NumPy matrix: see {@link #PLAINTEXT_NPY}. */
    public void exportNpy(Path npyFile) {
        SpeakerArchive.writeNpy(store, models.modelSha256(), npyFile);
    }
}
