package io.voxprint.ui.model;

import java.util.List;

/** Candidates best first (the view shows the first five) and the threshold in force. */
public record IdentificationOutcome(List<RankedCandidate> ranked, double threshold) {
    public IdentificationOutcome {
        ranked = List.copyOf(ranked);
    }
}
