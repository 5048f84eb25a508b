package io.voxprint.app.inspect;

import io.voxprint.audio.PreparedAudio;
import io.voxprint.model.FeatureMap;
import java.util.List;

/** Everything the features view shows for one recording: the audio, its embedding and every feature map. */
public record FeatureReport(PreparedAudio audio, float[] embedding, List<FeatureMap> features) {
}
