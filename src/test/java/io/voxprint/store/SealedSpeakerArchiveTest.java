package io.voxprint.store;

import static io.voxprint.store.Fixtures.DIM;
import static io.voxprint.store.Fixtures.MODEL_A;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxprint.crypto.Argon2id;
import io.voxprint.crypto.CryptoException;
import io.voxprint.store.StoreEngine.TestDatabase;
import io.voxprint.store.StoreEngines.EngineTest;
import io.voxprint.store.sealed.PlaintextFinder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;

/**
 * Archives sealed with a passphrase: nothing of the speakers readable in the file, a bit-exact round
 * trip with the passphrase, and a wrong passphrase or a damaged file importing nothing.
 */
class SealedSpeakerArchiveTest {
    /** Cheap Argon2id parameters: what is tested is the sealing, not the cost. */
    private static final Argon2id CHEAP = new Argon2id(new byte[16], 256, 1, 1);
    private static final String PASSPHRASE = "correct horse battery";

    @TempDir
    Path dir;
    TestDatabase source;
    byte[] photo;

    private void aStoreToExportFrom(StoreEngine engine) {
        photo = Fixtures.png(0x445566);
        source = SpeakerArchiveTest.aliceAndBob(engine, photo);
    }

    private Path sealedArchive() {
        Path file = dir.resolve("speakers.vxa");
        try (VoiceprintStore store = source.open()) {
            SpeakerArchive.exportSealed(store, List.of(), file, PASSPHRASE.toCharArray(), CHEAP);
        }
        return file;
    }

    private static List<String> plaintextIn(byte[] file, byte[] photo) {
        PlaintextFinder finder = new PlaintextFinder(file);
        List<String> found = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            found.addAll(finder.findFloats("Alice's take " + t, Fixtures.vector("Alice", t, DIM)));
        }
        for (int t = 0; t < 2; t++) {
            found.addAll(finder.findFloats("Bob's take " + t, Fixtures.vector("Bob", t, DIM)));
        }
        found.addAll(finder.findBytes("the photo", photo));
        String archiveText = new String(file, StandardCharsets.ISO_8859_1);
        for (int t = 0; t < 3; t++) {
            if (archiveText.contains(Base64.getEncoder().encodeToString(Floats.toBytes(Fixtures.vector("Alice", t, DIM))))) {
                found.add("Alice's take " + t + " as the archive's base64");
            }
        }
        String text = new String(file, StandardCharsets.ISO_8859_1);
        for (String word : List.of("Alice", "second voice", Base64.getEncoder().encodeToString(photo).substring(0, 24))) {
            if (text.contains(word)) {
                found.add("'" + word + "'");
            }
        }
        return found;
    }

    @EngineTest
    void aSealedArchiveHoldsNothingReadableAndRoundTripsBitForBit(StoreEngine engine) throws Exception {
        aStoreToExportFrom(engine);
        Path plain = dir.resolve("plain.json");
        SpeakerArchiveTest.exportFrom(source, List.of(), plain);
        // the finder finds what a plaintext archive exposes, so its silence below means something
        assertFalse(plaintextIn(Files.readAllBytes(plain), photo).isEmpty());

        Path sealed = sealedArchive();
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(sealed)));
        assertEquals(List.of(), plaintextIn(Files.readAllBytes(sealed), photo));
        assertTrue(SpeakerArchive.isSealed(sealed));
        assertFalse(SpeakerArchive.isSealed(plain));

        try (VoiceprintStore target = engine.newDatabase().open()) {
            AtomicInteger asked = new AtomicInteger();
            ImportResult result = SpeakerArchive.importInto(target, sealed, MODEL_A, ClashPolicy.REFUSE, archive -> {
                asked.incrementAndGet();
                return PASSPHRASE.toCharArray();
            });
            assertEquals(1, asked.get());
            assertEquals(new ImportResult(List.of("Alice", "Bob"), Map.of(), 5), result);
            List<SpeakerEmbeddings> embeddings = target.embeddings().ofModel(MODEL_A);
            for (int t = 0; t < 3; t++) {
                assertArrayEquals(Floats.toBytes(Fixtures.vector("Alice", t, DIM)), Floats.toBytes(embeddings.get(0).embeddings().get(t)));
            }
            for (int t = 0; t < 2; t++) {
                assertArrayEquals(Floats.toBytes(Fixtures.vector("Bob", t, DIM)), Floats.toBytes(embeddings.get(1).embeddings().get(t)));
            }
            assertArrayEquals(photo, target.speakers().photo("Alice").orElseThrow());
            assertEquals("second voice", target.speakers().find("bob").orElseThrow().notes());
        }
    }

    @EngineTest
    void aPlainArchiveStillImportsWithoutAskingForAPassphrase(StoreEngine engine) {
        aStoreToExportFrom(engine);
        Path plain = dir.resolve("old.json");
        SpeakerArchiveTest.exportFrom(source, List.of("Bob"), plain);
        try (VoiceprintStore target = engine.newDatabase().open()) {
            ImportResult result = SpeakerArchive.importInto(target, plain, MODEL_A, ClashPolicy.REFUSE, archive -> {
                throw new AssertionError("a plain archive asked for a passphrase");
            });
            assertEquals(List.of("Bob"), result.speakers());
        }
    }

    @EngineTest
    void aWrongPassphraseOrADamagedArchiveImportsNothing(StoreEngine engine) throws Exception {
        aStoreToExportFrom(engine);
        Path sealed = sealedArchive();
        byte[] bytes = Files.readAllBytes(sealed);
        byte[] flipped = bytes.clone();
        flipped[bytes.length / 2] ^= 0x01;
        Path damaged = Files.write(dir.resolve("damaged.vxa"), flipped);
        Path truncated = Files.write(dir.resolve("truncated.vxa"), java.util.Arrays.copyOf(bytes, bytes.length - 40));

        TestDatabase target = engine.newDatabase();
        try (VoiceprintStore store = target.open()) {
            store.enroll("Carol", Fixtures.takes("Carol", 1, MODEL_A, 0), true, null);
        }
        String before = target.dump();
        try (VoiceprintStore store = target.open()) {
            CryptoException wrong = refused(CryptoException.Kind.WRONG_KEY, () -> SpeakerArchive.importInto(store, sealed,
                    MODEL_A, ClashPolicy.REFUSE, archive -> "not the passphrase".toCharArray()));
            assertEquals("The passphrase does not open '" + sealed + "'; nothing was read from it.", wrong.getMessage());
            for (Path bad : List.of(damaged, truncated)) {
                CryptoException e = refused(CryptoException.Kind.DAMAGED_KEY_RECORD, () -> SpeakerArchive.importInto(store,
                        bad, MODEL_A, ClashPolicy.REFUSE, archive -> PASSPHRASE.toCharArray()));
                assertEquals("The file '" + bad + "' is damaged (its checksum does not match); nothing was read from it.",
                        e.getMessage());
            }
            CryptoException none = refused(CryptoException.Kind.NO_PASSPHRASE,
                    () -> SpeakerArchive.importInto(store, sealed, MODEL_A));
            assertEquals("The archive '" + sealed + "' is encrypted, and no passphrase was given for it; nothing was imported.",
                    none.getMessage());
        }
        assertEquals(before, target.dump());
    }

    private static CryptoException refused(CryptoException.Kind kind, org.junit.jupiter.api.function.Executable action) {
        CryptoException e = assertThrows(CryptoException.class, action);
        assertEquals(kind, e.kind(), e.getMessage());
        StoreAssertions.assertOneSentence(e.getMessage());
        return e;
    }
}
