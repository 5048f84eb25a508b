package io.voxprint.app.speakers;

import io.voxprint.app.core.ModelService;
import io.voxprint.app.core.SpeakerCatalog;
import io.voxprint.store.ImportResult;
import io.voxprint.store.SpeakerArchive;
import io.voxprint.store.VoiceprintStore;
import java.nio.file.Path;
import java.util.List;

/** Speakers to and from JSON archives, and the model's embeddings as a NumPy file. */
public final class SpeakerArchives {
    private final VoiceprintStore store;
    private final ModelService models;
    private final SpeakerCatalog catalog;

    public SpeakerArchives(VoiceprintStore store, ModelService models, SpeakerCatalog catalog) {
        this.store = store;
        this.models = models;
        this.catalog = catalog;
    }

    /** Writes the named speakers (all when none is named) to a JSON archive. */
    public void export(List<String> names, Path jsonFile) {
        SpeakerArchive.export(store, names, jsonFile);
    }

    public ImportResult importFrom(Path jsonFile) {
        ImportResult result = SpeakerArchive.importInto(store, jsonFile, models.modelSha256());
        catalog.invalidate();
        return result;
    }

    public void exportNpy(Path npyFile) {
        SpeakerArchive.writeNpy(store, models.modelSha256(), npyFile);
    }
}
