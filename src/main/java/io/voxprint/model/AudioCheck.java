package io.voxprint.model;

import java.util.Locale;

/** Refuses audio the model cannot give a meaningful answer for, before it reaches native code. */
final class AudioCheck {
    static final int SAMPLE_RATE = 16_000;

    private AudioCheck() {
    }

    static void check(float[] audio, int minSamples) {
        if (audio == null) {
            throw new ModelException("No audio was given to the model.");
        }
        if (audio.length < minSamples) {
            throw new ModelException(String.format(Locale.ROOT,
                    "The audio is %.3f s long, shorter than the %.3f s the model needs.",
                    seconds(audio.length), seconds(minSamples)));
        }
        boolean sound = false;
        for (float sample : audio) {
            if (!Float.isFinite(sample)) {
                throw new ModelException("The audio contains samples that are not finite numbers.");
            }
            sound |= sample != 0f;
        }
        if (!sound) {
            throw new ModelException("The audio is silent: every sample is zero.");
        }
    }

    static double seconds(int samples) {
        return samples / (double) SAMPLE_RATE;
    }
}
