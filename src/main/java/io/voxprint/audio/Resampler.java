package io.voxprint.audio;

import java.util.Arrays;

/**
 * Band-limited resampling equivalent to {@code torchaudio.functional.resample(x, from, to)} with its
 * defaults (torchaudio 0.13.1): gcd-reduced rates, Hann-windowed sinc, 6 zero crossings, rolloff
 * 0.99, zero padding at both ends, output length {@code ceil(to * n / from)}.
 *
 * <p>An instance is the streaming form: {@link #process} any number of blocks, then {@link #finish}.
 * Every output sample is computed from the same taps in the same order as the whole-signal
 * {@link #resample}, so a stream gives bit-identical output whatever the block sizes. Memory is
 * the kernel plus about one kernel span of input history.
 */
public final class Resampler {
    private static final int OUT_BLOCK = 4096;

    private final int fromRate;
    private final int toRate;
    private final PolyphaseKernel kernel;
    private final int minFirst;
    private final float[] outBlock = new float[OUT_BLOCK];
    private int outFill;

    private float[] buf = new float[8192];
    private long bufStart;
    private int bufLen;
    private long frame;
    private int phase;
    private long produced;
    private boolean finished;

    public Resampler(int fromRate, int toRate) {
        if (fromRate <= 0 || toRate <= 0) {
            throw new IllegalArgumentException("Sample rates must be positive: " + fromRate + " -> " + toRate);
        }
        this.fromRate = fromRate;
        this.toRate = toRate;
        this.kernel = fromRate == toRate ? null : PolyphaseKernel.forRates(fromRate, toRate);
        int min = 0;
        if (kernel != null) {
            for (int f : kernel.first) {
                min = Math.min(min, f);
            }
        }
        this.minFirst = min;
    }

    /** Whole-signal resampling; returns a new array (a copy when the rates are equal, as torchaudio returns its input). */
    public static float[] resample(float[] input, int fromRate, int toRate) {
        Resampler r = new Resampler(fromRate, toRate);
        float[] out = new float[Math.toIntExact(outputLength(input.length, fromRate, toRate))];
        int[] pos = {0};
        SampleSink sink = (s, o, n) -> {
            System.arraycopy(s, o, out, pos[0], n);
            pos[0] += n;
        };
        r.process(input, 0, input.length, sink);
        r.finish(sink);
        return out;
    }

    /** torchaudio's output length {@code ceil(to/g * n / (from/g))}, computed exactly. */
    public static long outputLength(long inputLength, int fromRate, int toRate) {
        if (fromRate == toRate) {
            return inputLength;
        }
        int g = PolyphaseKernel.gcd(fromRate, toRate);
        long orig = fromRate / g;
        long neu = toRate / g;
        return Math.floorDiv(Math.multiplyExact(neu, inputLength) + orig - 1, orig);
    }

    public int fromRate() {
        return fromRate;
    }

    public int toRate() {
        return toRate;
    }

    /** Feeds the next block of input; emits every output sample that the input so far fully determines. */
    public void process(float[] input, int offset, int length, SampleSink sink) {
        if (finished) {
            throw new IllegalStateException("Resampler already finished");
        }
        if (length == 0) {
            return;
        }
        if (kernel == null) {
            sink.accept(input, offset, length);
            produced += length;
            bufStart += length;
            return;
        }
        append(input, offset, length);
        produce(false, 0, sink);
    }

    /** Ends the stream: emits the tail computed with zeros after the last input sample. */
    public void finish(SampleSink sink) {
        if (finished) {
            return;
        }
        finished = true;
        if (kernel == null) {
            return;
        }
        long target = outputLength(bufStart + bufLen, fromRate, toRate);
        produce(true, target, sink);
    }

    /** Output samples emitted so far. */
    public long produced() {
        return produced;
    }

    private void append(float[] input, int offset, int length) {
        long keepFrom = Math.max(bufStart, frame * kernel.origRate + minFirst);
        int drop = (int) Math.min(bufLen, keepFrom - bufStart);
        if (drop > 0) {
            System.arraycopy(buf, drop, buf, 0, bufLen - drop);
            bufLen -= drop;
            bufStart += drop;
        }
        if (bufLen + length > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(bufLen + length, buf.length * 2));
        }
        System.arraycopy(input, offset, buf, bufLen, length);
        bufLen += length;
    }

    private void produce(boolean atEnd, long target, SampleSink sink) {
        final int orig = kernel.origRate;
        final int neu = kernel.newRate;
        final long available = bufStart + bufLen;
        while (true) {
            float[] taps = kernel.taps[phase];
            long start = frame * orig + kernel.first[phase];
            long end = start + taps.length; // exclusive
            if (atEnd ? produced >= target : end > available) {
                break;
            }
            double acc = 0;
            if (start >= bufStart && end <= available) {
                int p = (int) (start - bufStart);
                for (int q = 0; q < taps.length; q++) {
                    acc += (double) taps[q] * buf[p + q];
                }
            } else {
                for (int q = 0; q < taps.length; q++) {
                    long idx = start + q;
                    if (idx >= bufStart && idx < available) {
                        acc += (double) taps[q] * buf[(int) (idx - bufStart)];
                    } else if (idx >= 0 && idx < bufStart) {
                        throw new IllegalStateException("Resampler history lost at " + idx);
                    }
                }
            }
            outBlock[outFill++] = (float) acc;
            produced++;
            if (outFill == OUT_BLOCK) {
                sink.accept(outBlock, 0, outFill);
                outFill = 0;
            }
            if (++phase == neu) {
                phase = 0;
                frame++;
            }
        }
        if (outFill > 0) {
            sink.accept(outBlock, 0, outFill);
            outFill = 0;
        }
    }
}
