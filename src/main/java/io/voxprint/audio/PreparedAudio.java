package io.voxprint.audio;

import io.voxprint.common.Sha256;
import java.util.Objects;

/**
 * One recording ready for the model: mono float32 at 16 kHz, plus what it was before preparation.
 *
 * @param source             the name shown to the user (a file name, or a label such as "microphone")
 * @param samples            mono samples at {@link AudioLoader#MODEL_SAMPLE_RATE}, within [-1, 1]
 * @param originalSampleRate the decoded stream's rate in Hz
 * @param originalChannels   the decoded stream's channel count
 * @param originalSeconds    decoded frames / original rate
 * @param format             e.g. "WAV PCM 16-bit", "FLAC", "Ogg Vorbis", "MP3"
 */
public record PreparedAudio(String source, float[] samples, int originalSampleRate, int originalChannels,
                            double originalSeconds, String format) {

    public PreparedAudio {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(samples, "samples");
        Objects.requireNonNull(format, "format");
    }

    public double seconds() {
        return samples.length / (double) AudioLoader.MODEL_SAMPLE_RATE;
    }

    /** SHA-256 (lower-case hex) of the samples as float32 little-endian bytes: the embedding cache key. */
    public String samplesSha256() {
        return Sha256.ofFloats(samples);
    }

    @Override
    public String toString() {
        return "PreparedAudio[" + source + ", " + format + ", " + originalSampleRate + " Hz x " + originalChannels
                + ", " + samples.length + " samples at 16 kHz]";
    }
}
