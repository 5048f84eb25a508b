package io.voxprint.app.enroll;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxprint.app.AppContext;
import io.voxprint.app.core.AppConfig;
import io.voxprint.app.core.AudioSource;
import io.voxprint.app.core.ScoringOptions;
import io.voxprint.app.core.VoxprintException;
import io.voxprint.audio.AudioLoader;
import io.voxprint.common.UserMessage;
import io.voxprint.model.Ecapa2Model;
import io.voxprint.model.FactStore;
import io.voxprint.store.StoredEmbedding;
import io.voxprint.store.VoiceprintStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several takes go through the file pipeline and store what a plain loop over them computes, in order. */
class EnrollPipelineTest {
    private static final Path RESOURCES = Path.of(System.getProperty("voxprint.test.resources", "src/test/resources"));
    private static final Path MODEL = RESOURCES.resolve("model/ecapa2-fixture.pt");

    @TempDir
    Path home;

    private AppConfig config() {
        return AppConfig.fromEnvironment(Map.of("HOME", home.toString()), home.resolve("v.db"), MODEL, null, null, true);
    }

    private static Path take(String name) {
        return RESOURCES.resolve("e2e").resolve(name);
    }

    @Test
    void storesThePlainLoopsEmbeddingsInTheOrderGivenAndReportsEachTake() {
        List<Path> takes = List.of(take("alice-1.wav"), take("fmt-44k1-mono-s24.flac"), take("alice-2.wav"),
                take("fmt-48k-stereo-s16.wav"), take("alice-3.wav"));
        List<Long> reported = new ArrayList<>();
        try (AppContext app = AppContext.open(config(), ScoringOptions.defaults())) {
            EnrollResult r = app.enroll().enroll("alice", takes.stream().map(AudioSource::file).toList(), true, null,
                    (done, total, file) -> reported.add(done * 100 + total));
            assertEquals(takes.size(), r.enrollments());
            assertEquals(takes.stream().map(t -> t.getFileName().toString()).toList(), r.takes().stream().map(EnrollResult.Take::source).toList());
        }
        assertEquals(List.of(105L, 205L, 305L, 405L, 505L), reported);

        List<float[]> plain = new ArrayList<>();
        try (Ecapa2Model model = Ecapa2Model.load(MODEL, FactStore.in(home.resolve("other-facts")))) {
            for (Path t : takes) {
                plain.add(model.embed(new AudioLoader().load(t).samples()));
            }
        }
        try (VoiceprintStore store = config().openStore()) {
            List<StoredEmbedding> stored = store.embeddings().allOfSpeaker("alice");
            assertEquals(takes.size(), stored.size());
            for (int i = 0; i < takes.size(); i++) {
                assertArrayEquals(plain.get(i), stored.get(i).vector(), 1e-6f, takes.get(i).toString());
            }
        }
    }

    @Test
    void theFirstBadTakeInOrderStopsTheEnrollmentWithItsSentenceAndNothingIsWritten() throws IOException {
        Path garbage = Files.writeString(home.resolve("garbage.wav"), "not audio at all");
        String expected;
        try {
            new AudioLoader().load(garbage);
            throw new AssertionError("the garbage file decoded");
        } catch (RuntimeException e) {
            expected = UserMessage.of(e);
        }
        try (AppContext app = AppContext.open(config(), ScoringOptions.defaults())) {
            List<AudioSource> takes = List.of(AudioSource.file(take("bob-1.wav")), AudioSource.file(take("bob-2.wav")),
                    AudioSource.file(garbage), AudioSource.file(home.resolve("missing.wav")));
            RuntimeException e = assertThrows(RuntimeException.class, () -> app.enroll().enroll("bob", takes, true, null));
            assertEquals(expected, UserMessage.of(e));
        }
        try (VoiceprintStore store = config().openStore()) {
            assertTrue(store.speakers().find("bob").isEmpty(), "all or nothing");
        }
    }
}
