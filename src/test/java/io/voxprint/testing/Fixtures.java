package io.voxprint.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/** Reads committed fixtures independently of the code under test. */
public final class Fixtures {
    private Fixtures() {
    }

    public static Path file(String name) {
        return Path.of(System.getProperty("voxprint.test.resources", "src/test/resources"), "fixtures", name);
    }

    public static double[][] csv(String name) throws IOException {
        List<String> lines = Files.readAllLines(file(name));
        return lines.stream().filter(l -> !l.isBlank())
                .map(l -> java.util.Arrays.stream(l.split(",")).mapToDouble(Double::parseDouble).toArray())
                .toArray(double[][]::new);
    }

    /** The 16-bit samples of a mono 16-bit little-endian WAV, as integers. */
    public static short[] pcm16(Path wav) throws IOException, UnsupportedAudioFileException {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
            byte[] b = in.readAllBytes();
            short[] s = new short[b.length / 2];
            for (int i = 0; i < s.length; i++) {
                s[i] = (short) ((b[2 * i] & 0xFF) | (b[2 * i + 1] << 8));
            }
            return s;
        }
    }
}
