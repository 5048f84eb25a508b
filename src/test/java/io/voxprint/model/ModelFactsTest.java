package io.voxprint.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a load learns is kept per file contents: a known file is not probed again, new contents are,
 * and a damaged record is ignored and rewritten. Probing is observed through {@link ModelInfo#probeCalls()},
 * the model calls a load made; the facts are compared with the Python reference.
 */
class ModelFactsTest {
    @TempDir
    Path dir;

    private FactStore facts() {
        return FactStore.in(dir.resolve("cache"));
    }

    private Path copy(Path fixture) throws IOException {
        Path file = dir.resolve("ecapa2.pt");
        Files.copy(fixture, file, StandardCopyOption.REPLACE_EXISTING);
        return file;
    }

    private static ModelInfo load(Path file, FactStore facts) {
        try (Ecapa2Model model = Ecapa2Model.load(file, facts)) {
            return model.info();
        }
    }

    private static List<String> labels(ModelInfo info) {
        return info.features().stream().map(FeatureSpec::label).toList();
    }

    @Test
    void aKnownFileIsLoadedWithoutAnyModelCallAndGivesTheSameFactsAndEmbeddings() throws IOException {
        Path file = copy(Fixtures.CURRENT);
        float[] wave = Fixtures.wave("wave-3s-speech");
        float[] first;
        ModelInfo probed;
        try (Ecapa2Model model = Ecapa2Model.load(file, facts())) {
            probed = model.info();
            first = model.embed(wave);
        }
        assertTrue(probed.probeCalls() > 0, "a new file is probed");
        // the probe's facts are right (the reference is Python's plain search)
        var reference = Fixtures.model("current");
        assertEquals(reference.get("minSamples").asInt() / 16000.0, probed.minSeconds(), 1e-12);
        assertEquals(List.of("gfe_1", "gfe_2", "pool", "attention", "embedding"), labels(probed));

        try (Ecapa2Model model = Ecapa2Model.load(file, facts())) {
            ModelInfo known = model.info();
            assertEquals(0, known.probeCalls(), "a known file costs no model call");
            assertFalse(known.probed());
            assertEquals(probed.sha256(), known.sha256());
            assertEquals(reference.get("sha256").asText(), known.sha256());
            assertEquals(probed.sizeBytes(), known.sizeBytes());
            assertEquals(probed.modelInterface(), known.modelInterface());
            assertEquals(probed.embeddingDimension(), known.embeddingDimension());
            assertEquals(probed.minSeconds(), known.minSeconds());
            assertEquals(labels(probed), labels(known));
            for (int i = 0; i < probed.features().size(); i++) {
                assertArrayEquals(probed.features().get(i).shape(), known.features().get(i).shape());
            }
            assertArrayEquals(first, model.embed(wave));
            // the remembered minimum is enforced as the probed one was
            int min = reference.get("minSamples").asInt();
            assertThrows(ModelException.class, () -> model.embed(java.util.Arrays.copyOf(wave, min - 1)));
            assertEquals(192, model.embed(java.util.Arrays.copyOf(wave, min)).length);
        }
    }

    @Test
    void newContentsAtTheSamePathAreProbedAgain() throws IOException {
        Path file = copy(Fixtures.CURRENT);
        FileTime modified = Files.getLastModifiedTime(file);
        assertEquals(ModelInterface.CURRENT, load(file, facts()).modelInterface());

        Files.copy(Fixtures.LEGACY, file, StandardCopyOption.REPLACE_EXISTING);
        Files.setLastModifiedTime(file, modified); // even with the old time the size gives the change away
        ModelInfo changed = load(file, facts());
        assertTrue(changed.probed());
        assertEquals(ModelInterface.LEGACY, changed.modelInterface());
        assertEquals(Fixtures.model("legacy").get("sha256").asText(), changed.sha256());
        assertEquals(List.of("lfe1", "lfe2", "lfe3", "lfe4", "gfe1", "gfe2", "gfe3", "pool", "embedding"),
                labels(changed));

        // and going back to the first contents needs no probe: those facts are still known
        Files.copy(Fixtures.CURRENT, file, StandardCopyOption.REPLACE_EXISTING);
        ModelInfo back = load(file, facts());
        assertEquals(ModelInterface.CURRENT, back.modelInterface());
        assertEquals(0, back.probeCalls());
    }

    @Test
    void theDigestIsTakenFromItsRecordOnlyWhileSizeAndTimeAreUnchanged() throws IOException {
        Path file = copy(Fixtures.CURRENT);
        FactStore facts = facts();
        load(file, facts);
        String legacySha = Fixtures.model("legacy").get("sha256").asText();
        load(Fixtures.LEGACY, facts); // facts of the legacy contents are now known too

        // a record that claims other contents for this path, size and time is believed: no hashing
        Path record = facts.digestRecord(file);
        ObjectNode node = (ObjectNode) new ObjectMapper().readTree(record.toFile());
        node.put("sha256", legacySha);
        Files.writeString(record, node.toString());
        assertEquals(legacySha, load(file, facts).sha256());

        // once the time changes, the file is hashed again
        Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() - 60_000));
        ModelInfo rehashed = load(file, facts);
        assertEquals(Fixtures.model("current").get("sha256").asText(), rehashed.sha256());
        assertEquals(ModelInterface.CURRENT, rehashed.modelInterface());
    }

    @Test
    void aDamagedRecordIsIgnoredAndRewritten() throws IOException {
        Path file = copy(Fixtures.CURRENT);
        FactStore facts = facts();
        ModelInfo probed = load(file, facts);
        Path record = facts.factsRecord(probed.sha256());
        assertTrue(Files.isRegularFile(record));

        for (String damage : List.of("{\"format\": 1, \"sha256\": \"", "not json at all",
                Files.readString(record).replace("\"embeddingDimension\" : 192", "\"embeddingDimension\" : -3"),
                Files.readString(record).replace("\"CURRENT\"", "\"NEWER\""))) {
            Files.writeString(record, damage);
            ModelInfo reprobed = load(file, facts);
            assertTrue(reprobed.probed(), () -> "probed again after damage: " + damage);
            assertEquals(probed.modelInterface(), reprobed.modelInterface());
            assertEquals(probed.embeddingDimension(), reprobed.embeddingDimension());
            assertEquals(probed.minSeconds(), reprobed.minSeconds());
            assertEquals(labels(probed), labels(reprobed));
            assertEquals(0, load(file, facts).probeCalls(), "the rewritten record serves the next load");
        }
    }

    @Test
    void aFileWithNeitherInterfaceIsRefusedEveryTimeAndNothingIsRemembered() throws IOException {
        Path file = copy(Fixtures.NOT_ECAPA2);
        FactStore facts = facts();
        for (int i = 0; i < 2; i++) {
            ModelException e = assertThrows(ModelException.class, () -> Ecapa2Model.load(file, facts));
            assertTrue(e.getMessage().contains("offers neither ECAPA2 interface"), e.getMessage());
        }
        try (var records = Files.list(facts.dir())) {
            assertTrue(records.noneMatch(p -> p.getFileName().toString().startsWith("facts-")));
        }
    }
}
