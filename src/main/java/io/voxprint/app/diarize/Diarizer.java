package io.voxprint.app.diarize;

import io.voxprint.audio.AudioLoader;
import io.voxprint.audio.SpeechDetector;
import io.voxprint.audio.StreamedAudio;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Who spoke when in one recording: decoded as a stream, voice activity found as it goes, each
 * stretch of speech labelled ({@link StretchLabeller}) as soon as it is complete and handed to the
 * listener. Memory holds the audio of the stretch in progress (at most
 * {@link SpeechDetector#MAX_STRETCH_SECONDS} plus a block of the detector), never the whole recording.
 *
 * <p>One label per moment: where two people speak at once, the stretch goes to the voice that
 * dominates it, and the other speaker's words in the overlap are missed.
 */
public final class Diarizer {
    private static final int RATE = AudioLoader.MODEL_SAMPLE_RATE;
    /** Audio kept before a stretch, for a short stretch's window grown to the minimum length. */
    private static final long CONTEXT = RATE;

    private final SpeakerEmbedder embedder;
    private final EnrolledVoices voices;
    private final DiarizationSettings settings;
    private final AudioLoader loader = new AudioLoader();

    public Diarizer(SpeakerEmbedder embedder, EnrolledVoices voices, DiarizationSettings settings) {
        this.embedder = embedder;
        this.voices = voices;
        this.settings = settings;
    }

    /**
     * Runs over a file. {@code cancelled} is asked before every model call; when it says yes the run
     * stops with a {@link CancellationException} (the segments delivered so far stay valid).
     */
    public Diarization run(Path file, DiarizationListener listener, BooleanSupplier cancelled) {
        Run run = new Run(listener, cancelled, -1);
        StreamedAudio audio = loader.stream(file, run::accept);
        run.finish();
        return run.result(audio.source(), audio.seconds());
    }

    /** Runs over samples already in memory (16 kHz mono), e.g. a recording just made. */
    public Diarization run(String source, float[] samples16k, DiarizationListener listener, BooleanSupplier cancelled) {
        Run run = new Run(listener, cancelled, samples16k.length / (double) RATE);
        int block = 8 * 1024;
        for (int i = 0; i < samples16k.length; i += block) {
            run.accept(samples16k, i, Math.min(block, samples16k.length - i));
        }
        run.finish();
        return run.result(source, samples16k.length / (double) RATE);
    }

    private final class Run {
        private final DiarizationListener listener;
        private final BooleanSupplier cancelled;
        private final double total;
        private final SampleBuffer buffer = new SampleBuffer();
        private final SpeechDetector detector = new SpeechDetector(this::stretch);
        private final StretchLabeller labeller;
        private final List<DiarizedSegment> segments = new ArrayList<>();
        private long lastProgress;

        Run(DiarizationListener listener, BooleanSupplier cancelled, double total) {
            this.listener = listener;
            this.cancelled = cancelled;
            this.total = total;
            this.labeller = new StretchLabeller(samples -> {
                if (cancelled.getAsBoolean() || Thread.currentThread().isInterrupted()) {
                    throw new CancellationException("Diarization was cancelled.");
                }
                return embedder.embed(samples);
            }, voices, settings);
        }

        void accept(float[] samples, int offset, int length) {
            buffer.accept(samples, offset, length);
            detector.accept(samples, offset, length);
            buffer.dropBefore(detector.earliestOpenSample() - CONTEXT);
            if (buffer.end() - lastProgress >= RATE) {
                lastProgress = buffer.end();
                listener.progress(buffer.end() / (double) RATE, total);
            }
        }

        void finish() {
            detector.finish();
            listener.progress(buffer.end() / (double) RATE, buffer.end() / (double) RATE);
        }

        private void stretch(long start, long end) {
            for (DiarizedSegment s : labeller.label(start, end, buffer::slice)) {
                segments.add(s);
                listener.segment(s);
            }
        }

        Diarization result(String source, double seconds) {
            return new Diarization(source, seconds, List.copyOf(segments), labeller.modelCalls(),
                    labeller.embeddedSamples() / (double) RATE);
        }
    }
}
