package io.voxprint.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxprint.testing.Fixtures;
import org.junit.jupiter.api.Test;

class LogMelSpectrogramTest {

    @Test
    void matchesTorchaudioOnTheFirstSecondOfSpeech() throws Exception {
        short[] pcm = Fixtures.pcm16(Fixtures.file("fake-mic-speech-16k.wav"));
        float[] x = new float[16_000];
        for (int i = 0; i < x.length; i++) {
            x[i] = pcm[i] / 32768f;
        }
        double[][] reference = Fixtures.csv("reference-logmel-first-second.csv");

        float[][] mel = new LogMelSpectrogram().compute(x);

        assertEquals(reference.length, mel.length, "frames");
        double worst = 0;
        for (int t = 0; t < mel.length; t++) {
            assertEquals(80, mel[t].length);
            for (int b = 0; b < 80; b++) {
                worst = Math.max(worst, Math.abs(mel[t][b] - reference[t][b]));
            }
        }
        assertTrue(worst < 1e-3, "largest difference from torchaudio in log units: " + worst);
    }

    @Test
    void aToneLightsUpTheBandHoldingItsFrequency() {
        float[] tone = new float[8000];
        for (int i = 0; i < tone.length; i++) {
            tone[i] = (float) (0.5 * Math.sin(2 * Math.PI * 1000 * i / 16_000.0));
        }
        float[][] mel = new LogMelSpectrogram().compute(tone);
        int loudest = 0;
        for (int b = 1; b < 80; b++) {
            if (mel[10][b] > mel[10][loudest]) {
                loudest = b;
            }
        }
        // 1000 Hz is 1000 mel on the HTK scale; 80 bands over 0..2840 mel put it in band 27 (centres 35 mel apart).
        double melOf1k = 2595 * Math.log10(1 + 1000 / 700.0);
        int expected = (int) Math.round(melOf1k / (2595 * Math.log10(1 + 8000 / 700.0)) * 81) - 1;
        assertEquals(expected, loudest, 1);
    }

    @Test
    void inputShorterThanOneFrameGivesNoFrames() {
        assertEquals(0, new LogMelSpectrogram().compute(new float[511]).length);
        assertEquals(1, new LogMelSpectrogram().compute(new float[512]).length);
    }
}
