package io.voxprint.ui.wiring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.voxprint.app.AppContext;
import io.voxprint.app.core.AppConfig;
import io.voxprint.app.core.ScoringOptions;
import io.voxprint.store.VoiceprintStore;
import io.voxprint.store.sqlite.SqliteStore;
import io.voxprint.testing.StoreQueries;
import io.voxprint.ui.values.SpeakerSummary;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpeakerListingTest {
    @TempDir
    Path home;

    private static byte[] png(int n) {
        return new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, (byte) n};
    }

    @Test
    void listingSpeakersReadsAllPhotosInOneQuery() throws Exception {
        Path file = home.resolve("voxprint.db");
        try (VoiceprintStore store = SqliteStore.open(file)) {
            for (int i = 0; i < 6; i++) {
                store.speakers().create("Speaker " + i, null, i == 3 ? null : png(i));
            }
        }
        AppConfig config = AppConfig.fromEnvironment(Map.of(), file, null, null, null, true);
        try (StoreQueries queries = StoreQueries.record(); AppContext app = AppContext.open(config, ScoringOptions.defaults())) {
            queries.clear();

            List<SpeakerSummary> listed = Speakers.list(app);

            assertEquals(6, listed.size());
            for (int i = 0; i < 6; i++) {
                assertEquals("Speaker " + i, listed.get(i).name());
                if (i == 3) {
                    assertNull(listed.get(i).photoPng());
                } else {
                    assertArrayEquals(png(i), listed.get(i).photoPng());
                }
            }
            // One query for the list and one for every photo, however many speakers there are.
            assertEquals(2, queries.statements().size(), "queries run to list six speakers: " + queries.statements());
        }
    }
}
