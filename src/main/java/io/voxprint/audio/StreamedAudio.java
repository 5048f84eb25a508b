package io.voxprint.audio;

/**
 * What a streamed decode delivered: the 16 kHz mono sample count and what the recording was before
 * preparation (see {@link PreparedAudio} for the fields).
 */
public record StreamedAudio(String source, long samples, int originalSampleRate, int originalChannels,
                            double originalSeconds, String format) {

    public double seconds() {
        return samples / (double) AudioLoader.MODEL_SAMPLE_RATE;
    }
}
