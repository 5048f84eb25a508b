package io.voxprint.app.diarize;

import io.voxprint.audio.SpeechDetector;
import io.voxprint.scoring.Vectors;
import java.util.ArrayList;
import java.util.List;

/**
 * The plain dense variant the engine is measured against: 1.5 s windows every 0.75 s over the whole
 * recording, each given the enrolled speaker with the highest cosine (no threshold, no unknown
 * voices, no smoothing); each moment takes the label of the window whose centre is nearest. It
 * reports speech only where the same voice activity detector as {@link Diarizer} finds it, so the
 * two differ in how they label speech, not in what they call speech. It holds the whole recording
 * in memory: it is a yardstick, not a way to run an hour.
 */
public final class DenseBaseline {
    public static final double WINDOW_SECONDS = 1.5;
    public static final double HOP_SECONDS = 0.75;
    private static final int RATE = 16_000;

    private final SpeakerEmbedder embedder;
    private final EnrolledVoices voices;

    public DenseBaseline(SpeakerEmbedder embedder, EnrolledVoices voices) {
        this.embedder = embedder;
        this.voices = voices;
    }

    public Diarization run(String source, float[] samples16k) {
        if (voices.size() == 0) {
            throw new IllegalArgumentException("The dense variant needs at least one enrolled speaker.");
        }
        int window = (int) (WINDOW_SECONDS * RATE);
        int hop = (int) (HOP_SECONDS * RATE);
        List<Integer> labels = new ArrayList<>();
        List<Double> scores = new ArrayList<>();
        int calls = 0;
        long embedded = 0;
        for (int start = 0; start == 0 || start + window <= samples16k.length; start += hop) {
            int end = Math.min(samples16k.length, start + window);
            float[] piece = java.util.Arrays.copyOfRange(samples16k, start, end);
            EnrolledVoices.Match m = voices.match(Vectors.normalize(embedder.embed(piece)));
            calls++;
            embedded += piece.length;
            labels.add(m.speaker());
            scores.add(m.score());
        }
        List<long[]> speech = new ArrayList<>();
        SpeechDetector detector = new SpeechDetector((a, b) -> speech.add(new long[] {a, b}));
        detector.accept(samples16k, 0, samples16k.length);
        detector.finish();
        List<DiarizedSegment> out = new ArrayList<>();
        for (long[] stretch : speech) {
            // the window whose centre is nearest to a moment t is round((t - window/2) / hop)
            long t = stretch[0];
            while (t < stretch[1]) {
                int k = nearest(t, window, hop, labels.size());
                long cellEnd = Math.min(stretch[1], cellEnd(k, window, hop, labels.size()));
                String name = voices.name(labels.get(k));
                DiarizedSegment s = new DiarizedSegment(t / (double) RATE, cellEnd / (double) RATE, name, true, scores.get(k));
                DiarizedSegment last = out.isEmpty() ? null : out.get(out.size() - 1);
                if (last != null && last.speaker().equals(name) && Math.abs(last.end() - s.start()) < 1e-9) {
                    out.set(out.size() - 1, new DiarizedSegment(last.start(), s.end(), name, true, Math.max(last.score(), s.score())));
                } else {
                    out.add(s);
                }
                t = cellEnd;
            }
        }
        return new Diarization(source, samples16k.length / (double) RATE, List.copyOf(out), calls, embedded / (double) RATE);
    }

    private static int nearest(long t, int window, int hop, int count) {
        long k = Math.round((t - window / 2.0) / hop);
        return (int) Math.max(0, Math.min(count - 1, k));
    }

    /** Where window k stops being the nearest: halfway to the next window's centre. */
    private static long cellEnd(int k, int window, int hop, int count) {
        return k == count - 1 ? Long.MAX_VALUE : (long) Math.ceil(window / 2.0 + k * (double) hop + hop / 2.0);
    }
}
