package io.voxprint.audio;

/** Receives consecutive runs of samples from a streaming stage (resampler, decoder pipeline). */
@FunctionalInterface
public interface SampleSink {
    /** The sink must copy what it keeps: the array is reused by the caller after this returns. */
    void accept(float[] samples, int offset, int length);
}
