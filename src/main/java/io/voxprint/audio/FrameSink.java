package io.voxprint.audio;

/** What a decoder pushes: one stream description, then interleaved frames scaled to [-1, 1]. */
interface FrameSink {
    /** Called once, before any frames. */
    void start(int sampleRate, int channels, String format);

    /**
     * {@code frameCount} frames of {@code channels} interleaved samples. The array is reused
     * afterwards; samples need not be finite (float WAV) and are sanitised by the sink.
     */
    void frames(float[] interleaved, int frameCount);
}
