package io.voxprint.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.voxprint.audio.AudioLoader;
import io.voxprint.cli.CliRun;
import io.voxprint.cli.VoxprintCli;
import io.voxprint.fuzz.Contract;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Odd recordings through the command line as a user runs it (fixture model): each is embedded, or
 * refused with exit code 2 or 3 and exactly one line on stderr holding one sentence; stdout holds
 * JSON lines only.
 */
class OddRecordingsTest {
    private static final Path RESOURCES = Path.of(System.getProperty("voxprint.test.resources", "src/test/resources"));
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path home;
    private static float[] speech;

    @BeforeAll
    static void writeRecordings() throws IOException {
        speech = new AudioLoader().load(RESOURCES.resolve("e2e/alice-1.wav")).samples();
        Files.write(home.resolve("zero-length.wav"), new byte[0]);
        Files.write(home.resolve("header-only.wav"), wav(1, 1, 16000, 16, new byte[0]));
        byte[] whole = Files.readAllBytes(RESOURCES.resolve("e2e/alice-1.wav"));
        Files.write(home.resolve("truncated.wav"), Arrays.copyOf(whole, whole.length / 2));
        float[] dc = new float[3 * 16000];
        Arrays.fill(dc, 0.25f);
        Files.write(home.resolve("dc-only.wav"), pcm16(16000, 1, dc));
        float[] loud = new float[speech.length];
        for (int i = 0; i < loud.length; i++) {
            loud[i] = speech[i] * 12;
        }
        Files.write(home.resolve("clipped.wav"), pcm16(16000, 1, loud));
        float[] broken = speech.clone();
        for (int i = 0; i < broken.length; i++) {
            broken[i] = i % 50 == 0 ? Float.NaN : i % 777 == 0 ? Float.POSITIVE_INFINITY : i % 999 == 0 ? Float.NEGATIVE_INFINITY
                    : broken[i];
        }
        Files.write(home.resolve("nan-inf.wav"), float32(16000, broken));
        float[] phone = new float[speech.length / 2];
        for (int i = 0; i < phone.length; i++) {
            phone[i] = (speech[2 * i] + speech[2 * i + 1]) / 2;
        }
        Files.write(home.resolve("telephone-8k.wav"), pcm16(8000, 1, phone));
        float[] eight = new float[speech.length * 6 * 8];
        for (int f = 0; f < speech.length * 6; f++) {
            int i = f / 6;
            float v = i + 1 < speech.length ? speech[i] + (speech[i + 1] - speech[i]) * (f % 6) / 6f : speech[i];
            for (int c = 0; c < 8; c++) {
                eight[f * 8 + c] = v * (c + 1) / 8f;
            }
        }
        Files.write(home.resolve("eight-channels-96k.wav"), pcm16(96000, 8, eight));
    }

    @Test
    void emptyAndHeaderOnlyFilesAreRefusedWithOneSentence() {
        refused("zero-length.wav", "The file 'zero-length.wav' is empty.");
        refused("header-only.wav", "The file 'header-only.wav' contains no audio.");
    }

    @Test
    void dcOnlyIsRefusedAsHavingNoSpeech() {
        refused("dc-only.wav", "The recording 'dc-only.wav' contains no speech (it is silent).");
    }

    @Test
    void truncatedInTheMiddleEmbedsWhatIsThere() {
        JsonNode line = embedded("truncated.wav");
        assertEquals(speech.length / 16000.0 / 2, line.get("seconds").asDouble(), 0.05);
    }

    @Test
    void clippedNanInfTelephoneAndEightChannelAudioAreEmbedded() {
        embedded("clipped.wav");
        embedded("nan-inf.wav");
        assertEquals(8000, embedded("telephone-8k.wav").get("sampleRate").asInt());
        assertEquals(96000, embedded("eight-channels-96k.wav").get("sampleRate").asInt());
    }

    /** Enrolling the clipped take is refused by the quality gate (nothing written), then forced with a warning. */
    @Test
    void clippedTakeIsRefusedForEnrollmentUnlessForced() {
        CliRun refused = cli("enroll", "--name", "Clip", file("clipped.wav"));
        assertEquals(VoxprintCli.ERROR, refused.exitCode, refused.toString());
        assertTrue(refused.out.isEmpty(), refused.toString());
        String sentence = oneErrorLine(refused);
        assertTrue(sentence.startsWith("The recording 'clipped.wav' is not good enough to enroll (")
                && sentence.contains("clipped") && sentence.endsWith("record again, or force it."), sentence);
        assertTrue(!cli("speakers", "list").out.contains("\"Clip\""), "nothing was enrolled");

        CliRun forced = cli("enroll", "--name", "Clip", "--force", file("clipped.wav"));
        assertEquals(VoxprintCli.OK, forced.exitCode, forced.toString());
        assertTrue(forced.err.strip().startsWith("voxprint: warning: clipped.wav: ") && forced.err.strip().lines().count() == 1,
                forced.err);
        assertEquals("Clip", json(forced.out).get("speaker").asText());
    }

    @Test
    void verifyAgainstAnOddProbeGivesOneSentence() {
        cli("enroll", "--name", "Alice", "--force", RESOURCES.resolve("e2e/alice-2.wav").toString());
        CliRun r = cli("verify", "--name", "Alice", file("header-only.wav"));
        assertEquals(VoxprintCli.ERROR, r.exitCode, r.toString());
        assertEquals("The file 'header-only.wav' contains no audio.", oneErrorLine(r));
        CliRun silent = cli("identify", file("dc-only.wav"));
        assertEquals(VoxprintCli.ERROR, silent.exitCode, silent.toString());
        assertEquals("The recording 'dc-only.wav' contains no speech (it is silent).", oneErrorLine(silent));
    }

    private void refused(String name, String sentence) {
        CliRun r = cli("embed", file(name));
        assertEquals(VoxprintCli.PARTIAL, r.exitCode, r.toString());
        assertTrue(r.out.isEmpty(), r.toString());
        assertEquals(sentence, oneErrorLine(r));
    }

    private JsonNode embedded(String name) {
        CliRun r = cli("embed", file(name));
        assertEquals(VoxprintCli.OK, r.exitCode, r.toString());
        assertEquals("", r.err, r.toString());
        JsonNode line = json(r.out);
        assertEquals(192, line.get("embedding").size());
        for (JsonNode v : line.get("embedding")) {
            assertTrue(v.isNumber() && Double.isFinite(v.asDouble()), name + ": " + v);
        }
        return line;
    }

    /** stderr must be one line "voxprint: <one sentence>"; returns the sentence. */
    private static String oneErrorLine(CliRun r) {
        String err = r.err.strip();
        assertEquals(1, err.lines().count(), r.toString());
        assertTrue(err.startsWith("voxprint: "), err);
        String sentence = err.substring("voxprint: ".length());
        Contract.assertOneSentence(sentence);
        return sentence;
    }

    private static JsonNode json(String out) {
        String[] lines = out.strip().split("\n");
        assertEquals(1, lines.length, out);
        try {
            return JSON.readTree(lines[0]);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + out, e);
        }
    }

    private static String file(String name) {
        return home.resolve(name).toString();
    }

    private static CliRun cli(String... command) {
        String[] args = Arrays.copyOf(command, command.length + 2);
        args[command.length] = "--model";
        args[command.length + 1] = CliRun.FIXTURE_MODEL.toString();
        return CliRun.run(CliRun.env(home), args);
    }

    static byte[] pcm16(int rate, int channels, float[] interleaved) {
        ByteBuffer b = ByteBuffer.allocate(interleaved.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : interleaved) {
            b.putShort((short) Math.max(-32768, Math.min(32767, Math.round(v * 32768))));
        }
        return wav(1, channels, rate, 16, b.array());
    }

    static byte[] float32(int rate, float[] mono) {
        ByteBuffer b = ByteBuffer.allocate(mono.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : mono) {
            b.putFloat(v);
        }
        return wav(3, 1, rate, 32, b.array());
    }

    static byte[] wav(int tag, int channels, int rate, int bits, byte[] data) {
        int block = channels * bits / 8;
        ByteBuffer b = ByteBuffer.allocate(44 + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(ForgedFiles.ascii("RIFF")).putInt(36 + data.length).put(ForgedFiles.ascii("WAVE"));
        b.put(ForgedFiles.ascii("fmt ")).putInt(16).putShort((short) tag).putShort((short) channels).putInt(rate)
                .putInt(rate * block).putShort((short) block).putShort((short) bits);
        b.put(ForgedFiles.ascii("data")).putInt(data.length).put(data);
        return b.array();
    }
}
