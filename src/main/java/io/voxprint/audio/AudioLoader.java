package io.voxprint.audio;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Any supported audio file in, one mono float32 track at 16 kHz out, prepared as the model's
 * reference code does: {@code torchaudio.load}, mean over channels,
 * {@code torchaudio.functional.resample(x, rate, 16000)}. The container is recognised from its
 * content. Decoding streams: memory grows with the 16 kHz output only.
 *
 * <p>Every failure is an {@link AudioException} whose message is one sentence naming the source.
 * Instances hold no state and may be shared between threads.
 */
public final class AudioLoader {
    public static final int MODEL_SAMPLE_RATE = 16_000;
    public static final int MIN_SAMPLE_RATE = 8_000;
    public static final int MAX_SAMPLE_RATE = 96_000;
    /** Longer recordings are refused: speaker verification needs seconds, and the 16 kHz track of 2 h is 460 MB. */
    public static final Duration DEFAULT_MAX_DURATION = Duration.ofHours(2);

    private static final Logger LOG = LoggerFactory.getLogger(AudioLoader.class);
    private static final int READ_BUFFER = 1 << 16;

    private final Duration maxDuration;

    public AudioLoader() {
        this(DEFAULT_MAX_DURATION);
    }

    public AudioLoader(Duration maxDuration) {
        if (maxDuration.isNegative() || maxDuration.isZero()) {
            throw new IllegalArgumentException("maxDuration must be positive: " + maxDuration);
        }
        this.maxDuration = maxDuration;
    }

    public PreparedAudio load(Path file) {
        return read(file, in -> load(sourceOf(file), in));
    }

    /**
     * Decodes a file block by block into {@code sink} (16 kHz mono, as {@link #load} prepares it)
     * without keeping the samples: memory stays bounded however long the recording is.
     */
    public StreamedAudio stream(Path file, SampleSink sink) {
        Objects.requireNonNull(sink, "sink");
        return read(file, in -> {
            DecodePipeline pipeline = decode(sourceOf(file), in, sink);
            try {
                return pipeline.finishStream();
            } catch (DecodePipeline.DownstreamFailure e) {
                throw e.original();
            }
        });
    }

    private static String sourceOf(Path file) {
        Path name = file.getFileName();
        return name == null ? file.toString() : name.toString();
    }

    private interface Reading<T> {
        T from(InputStream in);
    }

    private <T> T read(Path file, Reading<T> reading) {
        Path name = file.getFileName();
        String source = name == null ? file.toString() : name.toString();
        if (Files.isDirectory(file)) {
            throw new AudioException("The path '" + source + "' is a folder, not an audio file.");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return reading.from(in);
        } catch (NoSuchFileException e) {
            throw new AudioException("The file '" + source + "' does not exist.", e);
        } catch (AccessDeniedException e) {
            throw new AudioException("The file '" + source + "' cannot be opened: permission denied.", e);
        } catch (IOException e) {
            LOG.warn("Reading '{}' failed", file, e);
            throw new AudioException("The file '" + source + "' could not be read (" + describe(e) + ").", e);
        }
    }

    /** Decodes a whole stream; the caller keeps ownership of {@code in} and closes it. */
    public PreparedAudio load(String sourceName, InputStream in) {
        return decode(sourceName, in, null).finish();
    }

    private DecodePipeline decode(String sourceName, InputStream in, SampleSink downstream) {
        Objects.requireNonNull(in, "in");
        String source = sourceName == null ? "audio" : sourceName;
        DecodePipeline pipeline = new DecodePipeline(source, "The file '" + source + "'", maxOutputSamples(),
                describe(maxDuration), downstream);
        try {
            BufferedInputStream buffered = new BufferedInputStream(in, READ_BUFFER);
            switch (ContainerSniffer.sniff(buffered)) {
                case WAV -> WavDecoder.decode(buffered, source, pipeline);
                case FLAC -> FlacDecoder.decode(buffered, source, pipeline);
                case OGG -> VorbisDecoder.decode(buffered, source, pipeline);
                case MPEG -> Mp3Decoder.decode(buffered, source, pipeline);
                case EMPTY -> throw new AudioException("The file '" + source + "' is empty.");
                case UNKNOWN -> throw new AudioException("The file '" + source + "' is not a WAV, FLAC, Ogg Vorbis or MP3 file.");
            }
            return pipeline;
        } catch (DecodePipeline.DownstreamFailure e) {
            throw e.original();
        } catch (AudioException e) {
            LOG.info("Audio refused: {}", e.getMessage(), e.getCause());
            throw e;
        } catch (IOException e) {
            LOG.warn("Reading '{}' failed", source, e);
            throw new AudioException("The file '" + source + "' could not be read (" + describe(e) + ").", e);
        } catch (RuntimeException | StackOverflowError e) {
            LOG.error("Unexpected failure decoding '{}'", source, e);
            throw new AudioException("The file '" + source + "' could not be decoded: it is damaged or laid out in an unexpected way.", e);
        }
    }

    /** Microphone takes and other raw mono samples: sanitised and resampled to 16 kHz like a file. */
    public static PreparedAudio fromSamples(String sourceName, float[] mono, int sampleRate) {
        Objects.requireNonNull(mono, "mono");
        String source = sourceName == null ? "recording" : sourceName;
        DecodePipeline pipeline = new DecodePipeline(source, "The recording '" + source + "'", Long.MAX_VALUE, "any limit");
        pipeline.start(sampleRate, 1, "PCM samples");
        float[] block = new float[8192];
        for (int i = 0; i < mono.length; i += block.length) {
            int n = Math.min(block.length, mono.length - i);
            System.arraycopy(mono, i, block, 0, n);
            pipeline.frames(block, n);
        }
        return pipeline.finish();
    }

    private long maxOutputSamples() {
        long seconds = Math.min(maxDuration.getSeconds(), Long.MAX_VALUE / MODEL_SAMPLE_RATE / 2);
        return Math.min(Integer.MAX_VALUE - 8, seconds * MODEL_SAMPLE_RATE + maxDuration.getNano() / 62_500L);
    }

    private static String describe(Duration d) {
        if (d.toMinutes() >= 60 && d.toMinutesPart() == 0 && d.toSecondsPart() == 0) {
            return d.toHours() + (d.toHours() == 1 ? " hour" : " hours");
        }
        if (d.toSeconds() >= 60 && d.toSecondsPart() == 0) {
            return d.toMinutes() + " minutes";
        }
        return d.toSeconds() == 1 ? "1 second" : d.toSeconds() + " seconds";
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message.replace(".", "").strip();
    }
}
