package io.voxprint.app.diarize;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The test conversations of tools/fixtures/make_conversations.py and the trained LibriSpeech speaker
 * model of ../shared/models/make_libri_speaker_model.py, built by their Python scripts (deterministic;
 * nothing large is committed). Building them takes minutes, so they are kept in the temporary folder
 * under the SHA-256 of both scripts and built again only when a script changes, as the test
 * PostgreSQL cluster's initdb result is; made aside and renamed into place, so parallel builds never
 * see half of them. What tests write about them goes to target/diarize/.
 */
public final class Conversations {
    public static final Path ROOT = Path.of(System.getProperty("voxprint.test.resources", "src/test/resources"))
            .toAbsolutePath().getParent().getParent().getParent();
    public static final Path SHARED = ROOT.getParent().resolve("shared");
    public static final Path OUT = ROOT.resolve("target/diarize");
    private static final Path MODEL_SCRIPT = SHARED.resolve("models/make_libri_speaker_model.py");
    private static final Path CONVERSATIONS_SCRIPT = ROOT.resolve("tools/fixtures/make_conversations.py");
    private static final Path BUILT = Path.of(System.getProperty("java.io.tmpdir"))
            .resolve("voxprint-diarize-" + sha256(MODEL_SCRIPT, CONVERSATIONS_SCRIPT).substring(0, 16));
    public static final Path DIR = BUILT.resolve("conversations");
    public static final Path MODEL = BUILT.resolve("libri.pt");

    public record Conversation(Path wav, Path rttm, String condition, List<String> speakers, double seconds) {
        public String name() {
            return wav.getFileName().toString().replace(".wav", "");
        }
    }

    private Conversations() {
    }

    public static synchronized void build() throws IOException, InterruptedException {
        Files.createDirectories(OUT);
        if (Files.exists(DIR.resolve("conversations.tsv"))) {
            return;
        }
        Path fresh = Files.createTempDirectory(BUILT.getParent(), "voxprint-diarize-building-");
        try {
            python(MODEL_SCRIPT.toString(), "--train-dir",
                    SHARED.resolve("speech/librispeech/train-clean-100").toString(), "--out", fresh.resolve("libri.pt").toString());
            python(CONVERSATIONS_SCRIPT.toString(), fresh.resolve("conversations").toString(), "--speech",
                    SHARED.resolve("speech/librispeech/test-other").toString());
            Files.move(fresh, BUILT, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (!Files.exists(DIR.resolve("conversations.tsv"))) {
                throw e;
            }
            // another build was faster: use its result
        } finally {
            deleteTree(fresh);
        }
    }

    public static List<Conversation> all() throws IOException {
        List<Conversation> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(DIR.resolve("conversations.tsv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t");
            Path wav = DIR.resolve(f[0]);
            out.add(new Conversation(wav, DIR.resolve(f[0].replace(".wav", ".rttm")), f[1], List.of(f[2].split(",")),
                    Double.parseDouble(f[3])));
        }
        return out;
    }

    /** Enrollment takes of the speakers somebody enrolled, by speaker. */
    public static Map<String, List<Path>> enrollment() throws IOException {
        return takes("yes");
    }

    /** Utterances of the voice nobody enrolled that the conversations do not use, by speaker. */
    public static Map<String, List<Path>> notEnrolled() throws IOException {
        return takes("no");
    }

    private static Map<String, List<Path>> takes(String enrolled) throws IOException {
        Map<String, List<Path>> out = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(DIR.resolve("enrollment.tsv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t");
            if (f[1].equals(enrolled)) {
                out.computeIfAbsent(f[0], k -> new ArrayList<>()).add(Path.of(f[2]));
            }
        }
        return out;
    }

    private static void python(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("/usr/bin/python3"));
        command.addAll(List.of(args));
        Path log = OUT.resolve("python.log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        int code = p.waitFor();
        if (code != 0) {
            throw new IOException("python failed (" + code + "): " + command + "; see " + log);
        }
    }

    private static String sha256(Path... files) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Path f : files) {
                md.update(Files.readAllBytes(f));
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            all.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
