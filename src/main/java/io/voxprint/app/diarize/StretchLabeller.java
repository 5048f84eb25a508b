package io.voxprint.app.diarize;

import io.voxprint.scoring.Vectors;
import java.util.ArrayList;
import java.util.List;

/**
 * Labels one stretch of speech (from the voice activity detector) with voices, spending model calls
 * where they matter. The model's cost grows with the audio it is given, so:
 * <ol>
 *   <li>coarse: the stretch is cut into equal windows of at least {@code windowSeconds}, end to end
 *       (each moment embedded once, not twice as a half-overlapping sliding window would);</li>
 *   <li>refine: only where two neighbouring windows seem to be different voices (another best
 *       enrolled speaker, or a low cosine between them) are two short windows embedded on either
 *       side of their border, and the change is moved to where they say it is;</li>
 *   <li>smooth: a lone window between two windows of one speaker, scoring almost as well for that
 *       speaker, joins them;</li>
 *   <li>decide: each run of windows of one voice is scored as one (the mean of its window
 *       embeddings, more reliable than any window); below the threshold it is an unknown voice,
 *       clustered with the unknown voices heard before.</li>
 * </ol>
 * Changes of voice at a pause cost nothing: the detector already ends the stretch there.
 */
final class StretchLabeller {
    private static final int RATE = 16_000;

    private final SpeakerEmbedder embedder;
    private final EnrolledVoices voices;
    private final DiarizationSettings settings;
    private final UnknownVoices unknowns;
    private long embeddedSamples;
    private int modelCalls;

    private static final class Window {
        long start;
        long end;
        final float[] unit;
        final EnrolledVoices.Match match;

        Window(long start, long end, float[] unit, EnrolledVoices.Match match) {
            this.start = start;
            this.end = end;
            this.unit = unit;
            this.match = match;
        }
    }

    StretchLabeller(SpeakerEmbedder embedder, EnrolledVoices voices, DiarizationSettings settings) {
        this.embedder = embedder;
        this.voices = voices;
        this.settings = settings;
        this.unknowns = new UnknownVoices(settings.clusterCosine());
    }

    /**
     * The segments of stretch [start, end) (sample positions), in time order. {@code audio} gives
     * the samples of any range around the stretch that is still held.
     */
    List<DiarizedSegment> label(long start, long end, Audio audio) {
        List<Window> windows = coarse(start, end, audio);
        for (int i = 0; i + 1 < windows.size(); i++) {
            if (differ(windows.get(i), windows.get(i + 1))) {
                refine(windows.get(i), windows.get(i + 1), audio);
            }
        }
        smooth(windows);
        return decide(windows);
    }

    /** Samples of [from, to) from the stream, clipped to what is available. */
    interface Audio {
        float[] slice(long from, long to);
    }

    long embeddedSamples() {
        return embeddedSamples;
    }

    int modelCalls() {
        return modelCalls;
    }

    private List<Window> coarse(long start, long end, Audio audio) {
        long length = end - start;
        long window = Math.round(settings.windowSeconds() * RATE);
        int count = (int) Math.max(1, length / window);
        List<Window> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long a = start + length * i / count;
            long b = start + length * (i + 1) / count;
            out.add(embedWindow(a, b, audio));
        }
        return out;
    }

    private Window embedWindow(long a, long b, Audio audio) {
        long min = Math.round(settings.minWindowSeconds() * RATE);
        long from = a;
        long to = b;
        if (to - from < min) {
            long grow = (min - (to - from) + 1) / 2;
            from -= grow;
            to += grow;
        }
        float[] unit = embed(audio.slice(Math.max(0, from), to));
        return new Window(a, b, unit, voices.match(unit));
    }

    private float[] embed(float[] samples) {
        modelCalls++;
        embeddedSamples += samples.length;
        return Vectors.normalize(embedder.embed(samples));
    }

    private boolean accepted(Window w) {
        return voices.accepts(w.match, (w.end - w.start) / (double) RATE);
    }

    private boolean differ(Window x, Window y) {
        if (accepted(x) && accepted(y) && x.match.speaker() != y.match.speaker()) {
            return true;
        }
        return Vectors.dot(x.unit, y.unit) < settings.changeCosine();
    }

    /** Moves the border between x and y to where two short windows either side of it say the change is. */
    private void refine(Window x, Window y, Audio audio) {
        long border = x.end;
        long r = Math.round(settings.refineSeconds() * RATE);
        long before = Math.max(x.start, border - r);
        long after = Math.min(y.end, border + r);
        float[] left = embed(audio.slice(before, border));
        float[] right = embed(audio.slice(border, after));
        boolean leftIsY = Vectors.dot(left, y.unit) > Vectors.dot(left, x.unit);
        boolean rightIsX = Vectors.dot(right, x.unit) > Vectors.dot(right, y.unit);
        if (leftIsY && !rightIsX) {
            border = before;
        } else if (rightIsX && !leftIsY) {
            border = after;
        }
        x.end = border;
        y.start = border;
    }

    private void smooth(List<Window> windows) {
        for (int i = 1; i + 1 < windows.size(); i++) {
            Window prev = windows.get(i - 1);
            Window w = windows.get(i);
            Window next = windows.get(i + 1);
            int around = prev.match.speaker();
            if (around == next.match.speaker() && around != w.match.speaker() && accepted(prev) && accepted(next)
                    && w.match.scores()[around] >= w.match.score() - settings.smoothingMargin()) {
                windows.set(i, new Window(w.start, w.end, w.unit, new EnrolledVoices.Match(around,
                        w.match.scores()[around], w.match.scores())));
            }
        }
    }

    private List<DiarizedSegment> decide(List<Window> windows) {
        List<DiarizedSegment> out = new ArrayList<>();
        int i = 0;
        while (i < windows.size()) {
            int j = i + 1;
            while (j < windows.size() && !differ(windows.get(j - 1), windows.get(j))) {
                j++;
            }
            List<Window> run = windows.subList(i, j);
            float[] sum = new float[run.get(0).unit.length];
            for (Window w : run) {
                double weight = (w.end - w.start) / (double) RATE;
                for (int k = 0; k < sum.length; k++) {
                    sum[k] += (float) (w.unit[k] * weight);
                }
            }
            float[] unit = Vectors.normalize(sum);
            EnrolledVoices.Match match = voices.match(unit);
            long start = run.get(0).start;
            long end = run.get(run.size() - 1).end;
            double seconds = (end - start) / (double) RATE;
            String speaker;
            boolean known = voices.accepts(match, seconds);
            speaker = known ? voices.name(match.speaker()) : unknowns.assign(unit, seconds);
            DiarizedSegment segment = new DiarizedSegment(start / (double) RATE, end / (double) RATE, speaker, known,
                    match.score());
            DiarizedSegment last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && last.speaker().equals(speaker)) {
                out.set(out.size() - 1, new DiarizedSegment(last.start(), segment.end(), speaker, known,
                        Math.max(last.score(), segment.score())));
            } else {
                out.add(segment);
            }
            i = j;
        }
        return out;
    }
}
