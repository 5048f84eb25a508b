package io.voxprint.app.core;

import java.nio.file.Path;

/**
 * Where a use case's audio comes from: a file to decode, or samples already in memory (a take
 * recorded in the desktop app). Use cases decode inside, so a front end never decodes and hands
 * the result back down.
 */
public sealed interface AudioSource {

    /** How the recording is named in messages, the audit log and enrollment rows. */
    String name();

    static AudioSource file(Path file) {
        return new File(file);
    }

    static AudioSource samples(String name, float[] mono, int sampleRate) {
        return new Samples(name, mono, sampleRate);
    }

    /** An audio file in any supported format (WAV, FLAC, Ogg Vorbis, MP3). */
    record File(Path path) implements AudioSource {
        @Override
        public String name() {
            return path.toString();
        }
    }

    /** Mono samples in [-1, 1] at any rate; resampled to the model's rate when decoded. */
    record Samples(String name, float[] mono, int sampleRate) implements AudioSource {
    }
}
