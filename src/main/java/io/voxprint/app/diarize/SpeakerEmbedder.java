package io.voxprint.app.diarize;

/** The speaker model as diarization sees it: 16 kHz mono samples in, one raw embedding out. */
@FunctionalInterface
public interface SpeakerEmbedder {
    float[] embed(float[] samples16k);
}
