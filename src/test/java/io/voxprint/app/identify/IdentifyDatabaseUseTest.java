package io.voxprint.app.identify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxprint.app.AppContext;
import io.voxprint.app.core.AppConfig;
import io.voxprint.app.core.AudioSource;
import io.voxprint.app.core.ScoringOptions;
import io.voxprint.testing.StoreQueries;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an identification does with the database, measured, and docs/architecture.md saying the
 * same: the speakers are ranked in memory; the database is read for the recording's cached
 * embedding, and written for that cache and the audit row.
 */
class IdentifyDatabaseUseTest {
    private static final Path RESOURCES = Path.of(System.getProperty("voxprint.test.resources", "src/test/resources"));

    @TempDir
    Path home;

    @Test
    void identificationReadsOnlyTheEmbeddingCacheAndWritesTheAuditRow() throws Exception {
        AppConfig config = AppConfig.fromEnvironment(Map.of("HOME", home.toString()), home.resolve("v.db"),
                RESOURCES.resolve("model/ecapa2-fixture.pt"), null, null, true);
        try (StoreQueries queries = StoreQueries.record(); AppContext app = AppContext.open(config, ScoringOptions.defaults())) {
            for (String who : List.of("alice", "bob")) {
                app.enroll().enroll(who, List.of(wav(who + "-1"), wav(who + "-2")), true, null);
            }
            app.identify().identify(wav("alice-3"), 2); // the model and the speaker index are ready now
            queries.clear();

            IdentifyResult r = app.identify().identify(wav("bob-3"), 2);

            assertEquals(2, r.candidates().size());
            List<String> sql = queries.statements().stream().map(s -> s.strip().toLowerCase(Locale.ROOT)).toList();
            assertTrue(sql.stream().anyMatch(s -> s.startsWith("select") && s.contains("embedding_cache")), sql.toString());
            assertTrue(sql.stream().anyMatch(s -> s.startsWith("insert") && s.contains("audit")), sql.toString());
            for (String s : sql) {
                assertTrue(s.contains("embedding_cache") || s.contains("audit"), "identification touched: " + s);
            }
        }
        String doc = Files.readString(Path.of("docs/architecture.md"));
        assertFalse(doc.contains("never reads the database"), "docs/architecture.md claims identification never reads the database");
        assertTrue(doc.contains("embedding\n  cache") || doc.contains("embedding cache"), "the doc names the embedding cache");
        assertTrue(doc.contains("audit\n  row") || doc.contains("audit row"), "the doc names the audit row");
    }

    private static AudioSource wav(String name) {
        return AudioSource.file(RESOURCES.resolve("e2e/" + name + ".wav"));
    }
}
