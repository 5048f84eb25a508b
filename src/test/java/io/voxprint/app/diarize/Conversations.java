package io.voxprint.app.diarize;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The test conversations of tools/fixtures/make_conversations.py and the trained LibriSpeech speaker
 * model of ../shared/models/make_libri_speaker_model.py, both built once into target/diarize/ by
 * their Python scripts (deterministic; nothing large is committed).
 */
public final class Conversations {
    public static final Path ROOT = Path.of(System.getProperty("voxprint.test.resources", "src/test/resources"))
            .toAbsolutePath().getParent().getParent().getParent();
    public static final Path SHARED = ROOT.getParent().resolve("shared");
    public static final Path OUT = ROOT.resolve("target/diarize");
    public static final Path DIR = OUT.resolve("conversations");
    public static final Path MODEL = OUT.resolve("libri.pt");

    public record Conversation(Path wav, Path rttm, String condition, List<String> speakers, double seconds) {
        public String name() {
            return wav.getFileName().toString().replace(".wav", "");
        }
    }

    private Conversations() {
    }

    public static synchronized void build() throws IOException, InterruptedException {
        Files.createDirectories(OUT);
        if (!Files.exists(MODEL)) {
            python(SHARED.resolve("models/make_libri_speaker_model.py").toString(), "--train-dir",
                    SHARED.resolve("speech/librispeech/train-clean-100").toString(), "--out", MODEL.toString());
        }
        if (!Files.exists(DIR.resolve("conversations.tsv"))) {
            python(ROOT.resolve("tools/fixtures/make_conversations.py").toString(), DIR.toString(), "--speech",
                    SHARED.resolve("speech/librispeech/test-other").toString());
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
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(OUT.resolve("python.log").toFile()).start();
        int code = p.waitFor();
        if (code != 0) {
            throw new IOException("python failed (" + code + "): " + command + "; see " + OUT.resolve("python.log"));
        }
    }
}
