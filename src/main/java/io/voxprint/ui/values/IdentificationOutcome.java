package io.voxprint.ui.values;

import java.util.List;

/**
 * Candidates best first (the view shows the first five), the threshold in force, and the decision
 * the application took: the name of the identified speaker, or null when nobody passed.
 */
public record IdentificationOutcome(List<RankedCandidate> ranked, double threshold, String decision) {
    public IdentificationOutcome {
        ranked = List.copyOf(ranked);
    }
}
