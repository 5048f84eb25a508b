package io.voxprint.app.diarize;

import io.voxprint.audio.AudioLoader;
import io.voxprint.audio.SampleSink;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a timeline needs of a long recording besides who spoke when: the samples of a few stretches
 * (to play a segment, to enroll a voice from its segments) and a coarse min/max outline to draw.
 * Both stream the file, so memory follows the stretches asked for, not the recording's length;
 * excerpts stop decoding after the last stretch.
 */
public final class RecordingExcerpts {
    private static final int RATE = AudioLoader.MODEL_SAMPLE_RATE;
    private final AudioLoader loader = new AudioLoader();

    /** The 16 kHz samples of [start, end) seconds, clipped to the recording. */
    public float[] samples(Path file, double start, double end) {
        return samples(file, List.of(new double[] {start, end})).get(0);
    }

    /** The 16 kHz samples of each {start, end} stretch (seconds), in the order given, in one pass. */
    public List<float[]> samples(Path file, List<double[]> stretches) {
        int n = stretches.size();
        long[] from = new long[n];
        long[] to = new long[n];
        float[][] out = new float[n][];
        int[] filled = new int[n];
        for (int i = 0; i < n; i++) {
            from[i] = Math.max(0, Math.round(stretches.get(i)[0] * RATE));
            to[i] = Math.max(from[i], Math.round(stretches.get(i)[1] * RATE));
            out[i] = new float[(int) (to[i] - from[i])];
        }
        long[] position = {0};
        long last = Arrays.stream(to).max().orElse(0);
        try {
            stream(file, last, position, (samples, offset, length) -> {
                long blockStart = position[0];
                long blockEnd = blockStart + length;
                for (int i = 0; i < n; i++) {
                    long a = Math.max(from[i], blockStart);
                    long b = Math.min(to[i], blockEnd);
                    if (a < b) {
                        System.arraycopy(samples, offset + (int) (a - blockStart), out[i], (int) (a - from[i]), (int) (b - a));
                        filled[i] = (int) Math.max(filled[i], b - from[i]);
                    }
                }
            });
        } catch (Enough done) {
            // Every stretch is complete: the rest of the recording is not decoded.
        }
        List<float[]> result = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            result.add(filled[i] == out[i].length ? out[i] : Arrays.copyOf(out[i], filled[i]));
        }
        return result;
    }

    /** Streams {@code file} into {@code sink}, counting samples in {@code position}, until {@code until}. */
    private void stream(Path file, long until, long[] position, SampleSink sink) {
        loader.stream(file, (samples, offset, length) -> {
            sink.accept(samples, offset, length);
            position[0] += length;
            if (position[0] >= until) {
                throw new Enough();
            }
        });
    }

    /** Ends a stream early; never leaves this class. */
    private static final class Enough extends RuntimeException {
        Enough() {
            super(null, null, false, false);
        }
    }

    /**
     * The recording's outline: for each 1/{@code bucketsPerSecond} s, its lowest then its highest
     * sample, interleaved ({@code 2 * bucketsPerSecond} values per second).
     */
    public float[] outline(Path file, int bucketsPerSecond) {
        int perBucket = Math.max(1, RATE / bucketsPerSecond);
        float[][] acc = {new float[1 << 12]};
        int[] count = {0};
        int[] inBucket = {0};
        float[] lohi = {Float.MAX_VALUE, -Float.MAX_VALUE};
        Runnable close = () -> {
            if (count[0] + 2 > acc[0].length) {
                acc[0] = Arrays.copyOf(acc[0], acc[0].length * 2);
            }
            acc[0][count[0]++] = lohi[0];
            acc[0][count[0]++] = lohi[1];
            lohi[0] = Float.MAX_VALUE;
            lohi[1] = -Float.MAX_VALUE;
            inBucket[0] = 0;
        };
        loader.stream(file, (samples, offset, length) -> {
            for (int i = offset; i < offset + length; i++) {
                lohi[0] = Math.min(lohi[0], samples[i]);
                lohi[1] = Math.max(lohi[1], samples[i]);
                if (++inBucket[0] == perBucket) {
                    close.run();
                }
            }
        });
        if (inBucket[0] > 0) {
            close.run();
        }
        return Arrays.copyOf(acc[0], count[0]);
    }
}
