package io.voxprint.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Against recordings whose speech duration and SNR are known by construction
 * (tools/fixtures/make_reference_audio.py: synthetic speech between 0.5 s pauses, white noise at a
 * set SNR; "speech" there means 20 ms frames of the clean speech within 30 dB of the loudest).
 */
class QualityAnalyzerTest {
    private final AudioLoader loader = new AudioLoader();
    private final QualityAnalyzer analyzer = new QualityAnalyzer();
    private final Map<String, String[]> truth = Fixtures.table("quality.tsv").stream()
            .collect(Collectors.toMap(r -> r[0], r -> r));

    private QualityReport analyze(String file) {
        return analyzer.analyze(loader.load(Fixtures.file(file)).samples());
    }

    @Test
    void cleanSpeechAt20Db() {
        QualityReport r = analyze("quality_speech_snr20.wav");
        double seconds = Double.parseDouble(truth.get("quality_speech_snr20.wav")[1]);
        assertEquals(seconds, r.netSpeechSeconds(), 0.3, "net speech");
        assertEquals(20, r.snrDb(), 2, "SNR estimate");
        assertEquals(0, r.clippingRatio());
        assertTrue(r.usable(), r.problems().toString());
    }

    /** At 5 dB the faint speech frames drown: fewer are found, none invented, SNR still about right. */
    @Test
    void noisySpeechAt5Db() {
        QualityReport r = analyze("quality_speech_snr5.wav");
        double seconds = Double.parseDouble(truth.get("quality_speech_snr5.wav")[1]);
        assertTrue(r.netSpeechSeconds() >= 0.5 * seconds && r.netSpeechSeconds() <= seconds + 0.2,
                "net speech " + r.netSpeechSeconds());
        assertEquals(5, r.snrDb(), 3, "SNR estimate");
    }

    @Test
    void tooLittleSpeech() {
        QualityReport r = analyze("quality_short_speech.wav");
        assertEquals(Double.parseDouble(truth.get("quality_short_speech.wav")[1]), r.netSpeechSeconds(), 0.1);
        assertEquals(List.of("only 0.6 s of speech; at least 1.0 s is needed"), r.problems());
        assertFalse(r.usable());
        assertTrue(new QualityAnalyzer(0.5).analyze(loader.load(Fixtures.file("quality_short_speech.wav")).samples()).usable());
    }

    @Test
    void clipping() {
        QualityReport r = analyze("quality_clipped_4pct.wav");
        assertEquals(0.04, r.clippingRatio(), 0.002);
        assertTrue(r.problems().contains("4% of samples clipped"), r.problems().toString());
    }

    @Test
    void silence() {
        QualityReport r = analyzer.analyze(new float[32000]);
        assertEquals(List.of("silent recording"), r.problems());
        assertEquals(0, r.netSpeechSeconds());
        assertEquals(2.0, r.seconds());
        assertEquals(List.of("empty recording"), analyzer.analyze(new float[0]).problems());
    }

    /** Tone bursts between digital silence: speech time is exact, SNR hits its ceiling. */
    @Test
    void burstsBetweenDigitalSilence() {
        float[] x = new float[16000 * 3];
        for (int i = 8000; i < 8000 + 19200; i++) {
            x[i] = (float) (0.3 * Math.sin(2 * Math.PI * 440 * i / 16000.0));
        }
        QualityReport r = analyzer.analyze(x);
        assertEquals(1.2, r.netSpeechSeconds(), 1e-9);
        assertEquals(60, r.snrDb());
        assertTrue(r.usable());
    }
}
