package io.voxprint.app.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voxprint.app.AppContext;
import io.voxprint.model.hub.LocatedModel;
import io.voxprint.testing.PythonReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelServiceTest {
    @TempDir
    Path dir;

    private AppConfig config(Path explicitModel, Path settingsModel) {
        return AppConfig.fromEnvironment(Map.of("HOME", dir.toString(), "HF_HUB_OFFLINE", "1"), dir.resolve("v.db"),
                explicitModel, settingsModel, null, true);
    }

    @Test
    void aModelLoadedAheadSaysWhereItCameFrom() throws Exception {
        Path copy = Files.copy(PythonReference.FIXTURE_MODEL, dir.resolve("chosen.pt"));
        try (ModelService models = new ModelService(config(null, copy))) {
            models.preload();
            LocatedModel where = models.source();

            assertThat(where).isNotNull();
            assertThat(where.file()).isEqualTo(copy);
            assertThat(where.source()).isEqualTo(LocatedModel.SETTINGS);
            assertThat(models.info().file()).isEqualTo(copy);
        }
    }

    @Test
    void aStoreOpenerAnswersWhileTheModelLoadsAndItsRefusalComesThrough() {
        AppConfig config = config(PythonReference.FIXTURE_MODEL, null);
        try (AppContext app = AppContext.openLoadingModel(config, AppConfig::openStore, ScoringOptions.defaults())) {
            assertThat(app.models().source().source()).isEqualTo(LocatedModel.EXPLICIT);
            assertThat(app.models().info().file()).isEqualTo(PythonReference.FIXTURE_MODEL);
        }
        IllegalStateException locked = new IllegalStateException("The database stays locked.");
        assertThatThrownBy(() -> AppContext.openLoadingModel(config, c -> {
            throw locked;
        }, ScoringOptions.defaults())).isSameAs(locked);
    }
}
