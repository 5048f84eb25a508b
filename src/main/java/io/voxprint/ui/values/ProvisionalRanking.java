package io.voxprint.ui.values;

import java.util.List;

/**
 * Candidates best first, computed while the take is still being recorded, on its last
 * {@code seconds}; the exact ranking on the whole take follows when the recording stops.
 */
public record ProvisionalRanking(List<RankedCandidate> ranked, double threshold, double seconds) {
    public ProvisionalRanking {
        ranked = List.copyOf(ranked);
    }
}
