package io.voxprint.app.speakers;

import io.voxprint.app.core.ModelService;
import io.voxprint.app.core.SpeakerCatalog;
import io.voxprint.model.ModelInfo;
import io.voxprint.store.Enrollment;
import io.voxprint.store.Speaker;
import io.voxprint.store.VoiceprintStore;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The enrolled speakers: list (with photos), rename, delete, photos, and their voiceprints for the speaker map. */
public final class Speakers {
    private final VoiceprintStore store;
    private final ModelService models;
    private final SpeakerCatalog catalog;

    public Speakers(VoiceprintStore store, ModelService models, SpeakerCatalog catalog) {
        this.store = store;
        this.models = models;
        this.catalog = catalog;
    }

    /** A speaker as lists show them; {@code photo} is null when there is none. */
    public record Profile(Speaker speaker, byte[] photo) {
    }

    public List<Speaker> list() {
        return store.speakers().list();
    }

    /** Every speaker with their photo: two queries however many speakers there are. */
    public List<Profile> profiles() {
        Map<String, byte[]> photos = store.speakers().photos();
        return store.speakers().list().stream().map(s -> new Profile(s, photos.get(s.name()))).toList();
    }

    public Optional<Profile> profile(String name) {
        return store.speakers().find(name).map(s -> new Profile(s, s.hasPhoto() ? store.speakers().photo(s.name()).orElse(null) : null));
    }

    public void rename(String oldName, String newName) {
        store.speakers().rename(oldName, newName);
        catalog.invalidate();
    }

    public void delete(String name) {
        store.speakers().delete(name);
        catalog.remove(name);
    }

    public List<Enrollment> enrollments(String name) {
        return store.speakers().enrollments(name);
    }

    public Optional<byte[]> photo(String name) {
        return store.speakers().photo(name);
    }

    public void setPhoto(String name, byte[] photo) {
        store.speakers().setPhoto(name, photo);
    }

    /** Normalised voiceprints of the model in use, by name (for the speaker map). */
    public Map<String, float[]> voiceprints() {
        ModelInfo info = models.info();
        return catalog.voiceprints(info.sha256(), info.embeddingDimension());
    }
}
