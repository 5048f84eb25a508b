package io.voxprint.audio.capture;

/**
 * Mono samples in [-1, 1] at the rate the device delivered; resampling to 16 kHz is the decoding
 * part's job ({@code AudioLoader.fromSamples}).
 */
public record CapturedAudio(float[] samples, float sampleRate) {
    public double durationSeconds() {
        return samples.length / (double) sampleRate;
    }
}
