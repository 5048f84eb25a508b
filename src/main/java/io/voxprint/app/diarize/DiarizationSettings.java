package io.voxprint.app.diarize;

/**
 * How the recording is cut for the model. Defaults in {@link #defaults()}; docs/diarization.md says why.
 *
 * @param windowSeconds      coarse windows: each stretch of speech is cut into equal windows of at
 *                           least this length (a stretch shorter than this is one window)
 * @param refineSeconds      length of the two short windows embedded on each side of a change of
 *                           voice found inside a stretch, to place it more precisely
 * @param minWindowSeconds   shorter stretches are embedded with the audio around them up to this length
 * @param changeCosine       two neighbouring windows whose embeddings have a lower cosine are taken as
 *                           different voices even when they point to the same enrolled speaker or none
 * @param clusterCosine      an unknown stretch joins the closest unknown voice when its cosine with
 *                           that voice's mean reaches this, else it starts a new unknown voice
 * @param smoothingMargin    a lone window between two windows of one speaker takes their label when
 *                           its score for that speaker is within this margin of its best score
 */
public record DiarizationSettings(double windowSeconds, double refineSeconds, double minWindowSeconds,
                                  double changeCosine, double clusterCosine, double smoothingMargin) {

    public static DiarizationSettings defaults() {
        return new DiarizationSettings(1.5, 0.75, 1.0, 0.3, 0.4, 0.1);
    }
}
