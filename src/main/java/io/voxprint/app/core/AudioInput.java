package io.voxprint.app.core;

import io.voxprint.audio.AudioLoader;
import io.voxprint.audio.PreparedAudio;
import io.voxprint.audio.QualityAnalyzer;
import io.voxprint.audio.QualityReport;

/** Decodes an {@link AudioSource} to the model's 16 kHz mono and measures it; the gate every use case passes. */
public final class AudioInput {
    private final AudioLoader loader = new AudioLoader();
    private final QualityAnalyzer analyzer = new QualityAnalyzer();

    public PreparedAudio decode(AudioSource source) {
        if (source instanceof AudioSource.Samples s) {
            return AudioLoader.fromSamples(s.name(), s.mono(), s.sampleRate());
        }
        return loader.load(((AudioSource.File) source).path());
    }

    public QualityReport quality(PreparedAudio audio) {
        return analyzer.analyze(audio.samples());
    }

    /** The recording's quality, after refusing an empty or silent one with one sentence. */
    public QualityReport requireSpeech(PreparedAudio audio) {
        if (audio.samples().length == 0) {
            throw new VoxprintException("The recording '" + audio.source() + "' is empty.");
        }
        QualityReport q = quality(audio);
        if (q.netSpeechSeconds() <= 0) {
            throw new VoxprintException("The recording '" + audio.source() + "' contains no speech (it is silent).");
        }
        return q;
    }
}
