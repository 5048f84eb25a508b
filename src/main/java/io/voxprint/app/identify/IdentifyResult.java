package io.voxprint.app.identify;

import io.voxprint.scoring.Candidate;
import java.util.List;

/** Ranked candidates and the open-set decision: the best speaker if it passes the threshold, else null. */
public record IdentifyResult(List<Candidate> candidates, String decision, double threshold, List<String> warnings) {
}
