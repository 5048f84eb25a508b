package io.voxprint.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Sha256Test {

    @Test
    void matchesTheStandardTestVector(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("abc.txt"), "abc", StandardCharsets.US_ASCII);
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Sha256.ofFile(file));
    }

    @Test
    void emptyFile(@TempDir Path dir) throws Exception {
        Path file = Files.createFile(dir.resolve("empty"));
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Sha256.ofFile(file));
    }

    @Test
    void matchesPythonsHashlibOnTheFixtures() {
        assertEquals(Fixtures.model("current").get("sha256").asText(), Sha256.ofFile(Fixtures.CURRENT));
        assertEquals(Fixtures.model("legacy").get("sha256").asText(), Sha256.ofFile(Fixtures.LEGACY));
    }

    @Test
    void missingFileIsAModelException(@TempDir Path dir) {
        ModelException e = assertThrows(ModelException.class, () -> Sha256.ofFile(dir.resolve("nope")));
        assertEquals("The file " + dir.resolve("nope") + " does not exist.", e.getMessage());
    }
}
