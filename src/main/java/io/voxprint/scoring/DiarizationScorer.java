package io.voxprint.scoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Diarization error rate as NIST's md-eval defines it, computed exactly on the time line (no frame
 * grid): the recording is cut at every segment and collar boundary, and on each piece
 * <ul>
 *   <li>missed speech = max(0, reference speakers - hypothesis speakers),</li>
 *   <li>false alarm = max(0, hypothesis speakers - reference speakers),</li>
 *   <li>confusion = min(reference, hypothesis speakers) - speakers correctly labelled,</li>
 * </ul>
 * each times the piece's length; DER = (missed + false alarm + confusion) / scored reference speaker
 * time. Hypothesis labels are mapped one-to-one to reference labels so that the total time they
 * share on the scored pieces is the largest possible (Hungarian algorithm); unmapped hypothesis
 * labels are all confusion where they meet reference speech. Nothing within {@code collar} seconds
 * of a reference segment's start or end is scored; with {@code skipOverlap} neither is any moment
 * where two or more reference speakers talk. Segments of one label are first merged into their union.
 */
public final class DiarizationScorer {
    private final double collar;
    private final boolean skipOverlap;

    public DiarizationScorer(double collar, boolean skipOverlap) {
        if (!(collar >= 0) || Double.isInfinite(collar)) {
            throw new ScoringException("The collar must be a number of seconds, 0 or more (got " + collar + ").");
        }
        this.collar = collar;
        this.skipOverlap = skipOverlap;
    }

    /** The error of one recording's hypothesis against its reference. */
    public DiarizationError score(List<SpeakerSegment> reference, List<SpeakerSegment> hypothesis) {
        List<List<double[]>> ref = new ArrayList<>(byLabel(reference).values());
        List<List<double[]>> hyp = new ArrayList<>(byLabel(hypothesis).values());
        List<double[]> collars = merge(collarZones(ref));

        TreeSet<Double> cuts = new TreeSet<>();
        for (List<List<double[]>> side : List.of(ref, hyp, List.of(collars))) {
            for (List<double[]> spans : side) {
                for (double[] s : spans) {
                    cuts.add(s[0]);
                    cuts.add(s[1]);
                }
            }
        }
        Cursor[] refCursors = cursors(ref);
        Cursor[] hypCursors = cursors(hyp);
        Cursor collarCursor = new Cursor(collars);
        double[][] shared = new double[ref.size()][hyp.size()];
        double missed = 0;
        double falseAlarm = 0;
        double matchable = 0;
        double scored = 0;
        boolean[] refActive = new boolean[ref.size()];
        boolean[] hypActive = new boolean[hyp.size()];
        Double previous = null;
        for (double cut : cuts) {
            if (previous != null && cut > previous) {
                double length = cut - previous;
                double middle = previous + length / 2;
                int nRef = activeAt(refCursors, middle, refActive);
                int nHyp = activeAt(hypCursors, middle, hypActive);
                boolean counted = !collarCursor.covers(middle) && !(skipOverlap && nRef > 1);
                if (counted) {
                    scored += nRef * length;
                    missed += Math.max(0, nRef - nHyp) * length;
                    falseAlarm += Math.max(0, nHyp - nRef) * length;
                    matchable += Math.min(nRef, nHyp) * length;
                    for (int r = 0; r < refActive.length; r++) {
                        if (refActive[r]) {
                            for (int h = 0; h < hypActive.length; h++) {
                                if (hypActive[h]) {
                                    shared[r][h] += length;
                                }
                            }
                        }
                    }
                }
            }
            previous = cut;
        }
        int[] mapping = Hungarian.maximize(shared, hyp.size());
        double correct = 0;
        for (int r = 0; r < mapping.length; r++) {
            if (mapping[r] >= 0) {
                correct += shared[r][mapping[r]];
            }
        }
        return new DiarizationError(missed, falseAlarm, Math.max(0, matchable - correct), scored);
    }

    /** md-eval over several recordings: the figures of each file (with its own mapping) added up. */
    public DiarizationError score(Map<String, List<SpeakerSegment>> reference, Map<String, List<SpeakerSegment>> hypothesis) {
        DiarizationError total = new DiarizationError(0, 0, 0, 0);
        TreeSet<String> files = new TreeSet<>(reference.keySet());
        files.addAll(hypothesis.keySet());
        for (String file : files) {
            total = total.plus(score(reference.getOrDefault(file, List.of()), hypothesis.getOrDefault(file, List.of())));
        }
        return total;
    }

    private List<double[]> collarZones(List<List<double[]>> ref) {
        List<double[]> zones = new ArrayList<>();
        if (collar == 0) {
            return zones;
        }
        for (List<double[]> spans : ref) {
            for (double[] s : spans) {
                for (double edge : s) {
                    zones.add(new double[] {Math.max(0, edge - collar), edge + collar});
                }
            }
        }
        return zones;
    }

    private static Map<String, List<double[]>> byLabel(List<SpeakerSegment> segments) {
        Map<String, List<double[]>> raw = new LinkedHashMap<>();
        for (SpeakerSegment s : segments) {
            if (s.end() > s.start()) {
                raw.computeIfAbsent(s.speaker(), k -> new ArrayList<>()).add(new double[] {s.start(), s.end()});
            }
        }
        Map<String, List<double[]>> merged = new LinkedHashMap<>();
        raw.forEach((label, spans) -> merged.put(label, merge(spans)));
        return merged;
    }

    private static List<double[]> merge(List<double[]> spans) {
        List<double[]> sorted = new ArrayList<>(spans);
        sorted.sort(Comparator.comparingDouble(s -> s[0]));
        List<double[]> out = new ArrayList<>();
        for (double[] s : sorted) {
            double[] last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && s[0] <= last[1]) {
                last[1] = Math.max(last[1], s[1]);
            } else {
                out.add(new double[] {s[0], s[1]});
            }
        }
        return out;
    }

    private static Cursor[] cursors(List<List<double[]>> labels) {
        Cursor[] out = new Cursor[labels.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = new Cursor(labels.get(i));
        }
        return out;
    }

    private static int activeAt(Cursor[] cursors, double time, boolean[] active) {
        int n = 0;
        for (int i = 0; i < cursors.length; i++) {
            active[i] = cursors[i].covers(time);
            if (active[i]) {
                n++;
            }
        }
        return n;
    }

    /** Walks one label's sorted, disjoint spans forward in time. */
    private static final class Cursor {
        private final List<double[]> spans;
        private int next;

        Cursor(List<double[]> spans) {
            this.spans = spans;
        }

        boolean covers(double time) {
            while (next < spans.size() && spans.get(next)[1] <= time) {
                next++;
            }
            return next < spans.size() && spans.get(next)[0] < time;
        }
    }
}
