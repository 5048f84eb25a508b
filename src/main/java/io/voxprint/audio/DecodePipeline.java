package io.voxprint.audio;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decoder output to model input, block by block: sanitise, mean over channels, resample to 16 kHz,
 * accumulate. Only the 16 kHz mono result grows with the input; everything else is one block.
 *
 * <p>Sample policy: values beyond [-1, 1] (float WAV, lossy decoders) are clipped, as libsox does
 * for torchaudio. NaN has no meaning as a sample: it becomes 0 and the count is logged (torchaudio
 * 0.13.1 would turn it into -1, full-scale, which is an artefact of its int32 conversion).
 */
final class DecodePipeline implements FrameSink {
    private static final Logger LOG = LoggerFactory.getLogger(DecodePipeline.class);

    private final String subject;
    private final long maxOutputSamples;
    private final String limitText;
    private final FloatAccumulator accumulated;
    private final SampleSink output;
    private long outputSamples;
    private Resampler resampler;
    private int sampleRate;
    private int channels;
    private String format;
    private long inputFrames;
    private long nanSamples;
    private float[] mono = new float[0];

    private final String source;

    /** {@code subject} opens every message, e.g. "The file 'a.wav'" or "The recording 'take 1'". */
    DecodePipeline(String source, String subject, long maxOutputSamples, String limitText) {
        this(source, subject, maxOutputSamples, limitText, null);
    }

    /** With a {@code downstream} sink the 16 kHz output is handed on block by block and not kept. */
    DecodePipeline(String source, String subject, long maxOutputSamples, String limitText, SampleSink downstream) {
        this.accumulated = downstream == null ? new FloatAccumulator() : null;
        SampleSink target = downstream == null ? accumulated : downstream;
        this.output = (samples, offset, length) -> {
            outputSamples += length;
            try {
                target.accept(samples, offset, length);
            } catch (RuntimeException e) {
                throw new DownstreamFailure(e);
            }
        };
        this.source = source;
        this.subject = subject;
        this.maxOutputSamples = maxOutputSamples;
        this.limitText = limitText;
    }

    @Override
    public void start(int rate, int channelCount, String formatName) {
        if (resampler != null) {
            throw new IllegalStateException("start called twice");
        }
        if (rate < AudioLoader.MIN_SAMPLE_RATE || rate > AudioLoader.MAX_SAMPLE_RATE) {
            throw new AudioException(subject + " has a sample rate of " + rate + " Hz; Voxprint reads "
                    + AudioLoader.MIN_SAMPLE_RATE + " to " + AudioLoader.MAX_SAMPLE_RATE + " Hz.");
        }
        if (channelCount < 1) {
            throw new AudioException(subject + " declares no audio channels.");
        }
        this.sampleRate = rate;
        this.channels = channelCount;
        this.format = formatName;
        this.resampler = new Resampler(rate, AudioLoader.MODEL_SAMPLE_RATE);
    }

    @Override
    public void frames(float[] interleaved, int frameCount) {
        if (mono.length < frameCount) {
            mono = new float[Math.max(frameCount, 1024)];
        }
        int p = 0;
        for (int i = 0; i < frameCount; i++) {
            double sum = 0;
            for (int c = 0; c < channels; c++) {
                float v = interleaved[p++];
                if (Float.isNaN(v)) {
                    nanSamples++;
                    v = 0f;
                } else if (v > 1f) {
                    v = 1f;
                } else if (v < -1f) {
                    v = -1f;
                }
                sum += v;
            }
            mono[i] = (float) (sum / channels);
        }
        inputFrames += frameCount;
        resampler.process(mono, 0, frameCount, output);
        if (outputSamples > maxOutputSamples) {
            throw new AudioException(subject + " is longer than " + limitText + ", the most Voxprint reads from one recording.");
        }
    }

    PreparedAudio finish() {
        finishStream();
        return new PreparedAudio(source, accumulated.toArray(), sampleRate, channels,
                (double) inputFrames / sampleRate, format);
    }

    /** Flushes the resampler into the downstream sink; what was decoded, without the samples. */
    StreamedAudio finishStream() {
        if (resampler == null || inputFrames == 0) {
            throw new AudioException(subject + " contains no audio.");
        }
        resampler.finish(output);
        if (nanSamples > 0) {
            LOG.warn("'{}': {} NaN samples replaced by silence", source, nanSamples);
        }
        return new StreamedAudio(source, outputSamples, sampleRate, channels, (double) inputFrames / sampleRate, format);
    }

    /** A failure of the downstream sink (a cancelled job, a model error): not a decoding problem. */
    static final class DownstreamFailure extends RuntimeException {
        DownstreamFailure(RuntimeException cause) {
            super(cause);
        }

        RuntimeException original() {
            return (RuntimeException) getCause();
        }
    }
}
