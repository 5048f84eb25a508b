package io.voxprint.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fixture against torchaudio 0.13.1's {@code load -> mean(0) -> resample(sr, 16000)} output,
 * written by tools/fixtures/make_reference_audio.py.
 */
class DecoderReferenceTest {
    private final AudioLoader loader = new AudioLoader();

    static Stream<Arguments> fixtures(boolean lossy) {
        List<Arguments> args = new ArrayList<>();
        for (String[] row : Fixtures.table("manifest.tsv")) {
            boolean isLossy = row[4].equals("MP3") || row[4].equals("Ogg Vorbis");
            if (isLossy == lossy) {
                args.add(Arguments.of(row[0], Integer.parseInt(row[1]), Integer.parseInt(row[2]),
                        Long.parseLong(row[3]), row[4]));
            }
        }
        return args.stream();
    }

    static Stream<Arguments> lossless() {
        return fixtures(false);
    }

    static Stream<Arguments> lossy() {
        return fixtures(true);
    }

    /** PCM, float, G.711 and FLAC decode to exactly what torchaudio gives, then resample within 1e-4. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("lossless")
    void losslessMatchesTorchaudio(String file, int rate, int channels, long frames, String format) {
        PreparedAudio audio = loader.load(Fixtures.file(file));
        float[] expected = Fixtures.readF32(file + ".ref.f32");
        assertEquals(rate, audio.originalSampleRate());
        assertEquals(channels, audio.originalChannels());
        assertEquals(format, audio.format());
        assertEquals((double) frames / rate, audio.originalSeconds(), 1e-9);
        assertEquals(expected.length, audio.samples().length, "16 kHz length");
        double err = Fixtures.maxAbsDiff(audio.samples(), expected);
        System.out.printf("%s: max abs error %.3g%n", file, err);
        assertTrue(err < 1e-4, file + ": max abs error " + err);
    }

    /**
     * Lossy files: two conforming decoders may legitimately differ. The bound used is twice the
     * ISO/IEC 11172-4 "full accuracy" limit for an MPEG audio decoder against the reference
     * (RMS difference below 2^-15/sqrt(12) of full scale, peak below 2^-14), i.e. what two compliant
     * decoders may differ by; the same bound is applied to Vorbis (jorbis is a port of libvorbis,
     * behind torchaudio). Measured: jorbis vs libvorbis ~3e-5 peak, jlayer vs libmad ~1e-6 peak,
     * both with zero delay between them, so the check also asserts exact alignment.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("lossy")
    void lossyMatchesTorchaudioWithinDecoderTolerance(String file, int rate, int channels, long frames, String format) {
        PreparedAudio audio = loader.load(Fixtures.file(file));
        float[] expected = Fixtures.readF32(file + ".ref.f32");
        float[] actual = audio.samples();
        assertEquals(rate, audio.originalSampleRate());
        assertEquals(channels, audio.originalChannels());
        assertEquals(format, audio.format());
        assertEquals(0, SignalCompare.bestLag(actual, expected, 1200), "no delay between the decoders");
        if (file.contains("_id3")) {
            // libsox cuts an MP3 to the length in its ID3 TLEN frame; Voxprint decodes every frame.
            assertTrue(actual.length > expected.length);
        } else {
            assertEquals(expected.length, actual.length, "16 kHz length");
        }
        // The resampler's last few outputs depend on where the signal ends; compare before them.
        int n = Math.min(actual.length, expected.length) - (file.contains("_id3") ? 32 : 0);
        double rms = SignalCompare.rmsDiff(actual, expected, n);
        double peak = Fixtures.maxAbsDiff(Arrays.copyOf(actual, n), Arrays.copyOf(expected, n));
        System.out.printf("%s: rms %.3g, peak %.3g%n", file, rms, peak);
        assertTrue(rms < 2 * Math.pow(2, -15) / Math.sqrt(12), file + ": RMS difference " + rms);
        assertTrue(peak < 2 * Math.pow(2, -14), file + ": peak difference " + peak);
    }
}
