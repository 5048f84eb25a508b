package io.voxprint.app.diarize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.voxprint.testing.Fixtures;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Excerpts and outline of a 16 kHz 16-bit WAV, checked against its PCM read independently with
 * javax.sound (the decoder's float is the 16-bit value / 32768).
 */
class RecordingExcerptsTest {
    private static final Path WAV = Fixtures.file("fake-mic-speech-16k.wav");
    private final RecordingExcerpts excerpts = new RecordingExcerpts();

    @Test
    void stretchesHoldExactlyTheirSamplesInTheOrderAsked() throws Exception {
        short[] pcm = Fixtures.pcm16(WAV);
        double seconds = pcm.length / 16_000.0;
        List<double[]> asked = List.of(new double[] {1.25, 2.0}, new double[] {0.0, 0.3},
                new double[] {seconds - 0.5, seconds + 3}, new double[] {0.5, 1.6});
        List<float[]> got = excerpts.samples(WAV, asked);
        assertEquals(asked.size(), got.size());
        for (int k = 0; k < asked.size(); k++) {
            int from = (int) Math.round(asked.get(k)[0] * 16_000);
            int to = Math.min(pcm.length, (int) Math.round(asked.get(k)[1] * 16_000));
            assertEquals(to - from, got.get(k).length, "length of stretch " + k);
            for (int i = 0; i < to - from; i++) {
                assertEquals(pcm[from + i] / 32768f, got.get(k)[i], 1e-6f, "stretch " + k + " sample " + i);
            }
        }
        assertEquals(0, excerpts.samples(WAV, seconds + 1, seconds + 2).length, "past the end there is nothing");
    }

    @Test
    void anExcerptEndingEarlyIsTheSameWhateverTheFormat() {
        // Stops decoding after the stretch: the decoders must let the early end through unchanged.
        for (String name : List.of("flac_s16_44100_stereo.flac", "mp3_44100_stereo.mp3", "pcm_s24_48000_stereo.wav")) {
            Path file = Path.of(System.getProperty("voxprint.test.resources", "src/test/resources"), "audio", name);
            float[] whole = new io.voxprint.audio.AudioLoader().load(file).samples();
            int from = whole.length / 4;
            int to = whole.length / 2;
            float[] got = excerpts.samples(file, from / 16_000.0, to / 16_000.0);
            assertEquals(to - from, got.length, name);
            for (int i = 0; i < got.length; i++) {
                assertEquals(whole[from + i], got[i], 1e-6f, name + " sample " + i);
            }
        }
    }

    @Test
    void outlineIsTheLowestAndHighestSampleOfEveryBucket() throws Exception {
        short[] pcm = Fixtures.pcm16(WAV);
        float[] outline = excerpts.outline(WAV, 100);
        int buckets = (pcm.length + 159) / 160;
        assertEquals(2 * buckets, outline.length);
        for (int b = 0; b < buckets; b++) {
            short lo = Short.MAX_VALUE;
            short hi = Short.MIN_VALUE;
            for (int i = b * 160; i < Math.min(pcm.length, (b + 1) * 160); i++) {
                lo = (short) Math.min(lo, pcm[i]);
                hi = (short) Math.max(hi, pcm[i]);
            }
            assertEquals(lo / 32768f, outline[2 * b], 1e-6f, "low of bucket " + b);
            assertEquals(hi / 32768f, outline[2 * b + 1], 1e-6f, "high of bucket " + b);
        }
    }
}
