package io.voxprint.testing;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.Line;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.Mixer;
import javax.sound.sampled.TargetDataLine;

/**
 * A mixer offering one line in one format: the WAV's capture line (the fake microphone), or a
 * playback line that keeps what it is given (the fake speaker).
 */
final class FakeMixer implements Mixer, LineWithoutControls {
    private static final Mixer.Info INFO = new Mixer.Info(FakeMicrophone.MIXER_NAME, "Voxprint tests",
            "Plays a WAV file as if it were a microphone", "1") { };
    private final Mixer.Info info;
    private final DataLine.Info lineInfo;
    private final boolean playback;
    private final java.util.function.Supplier<Line> lines;

    FakeMixer(AudioFormat format, byte[] pcm, double speed) {
        this(format, pcm, speed, false);
    }

    FakeMixer(AudioFormat format, byte[] pcm, double speed, boolean endsAfterPcm) {
        this.info = INFO;
        this.playback = false;
        this.lineInfo = new DataLine.Info(TargetDataLine.class, format);
        this.lines = () -> new FakeTargetLine(lineInfo, format, pcm, speed, endsAfterPcm);
    }

    /** A playback mixer named {@code info} whose lines are made by {@code lines}. */
    FakeMixer(Mixer.Info info, DataLine.Info sourceLineInfo, java.util.function.Supplier<Line> lines) {
        this.info = info;
        this.playback = true;
        this.lineInfo = sourceLineInfo;
        this.lines = lines;
    }

    @Override
    public Mixer.Info getMixerInfo() {
        return info;
    }

    @Override
    public Line.Info[] getSourceLineInfo() {
        return playback ? new Line.Info[] {lineInfo} : new Line.Info[0];
    }

    @Override
    public Line.Info[] getTargetLineInfo() {
        return playback ? new Line.Info[0] : new Line.Info[] {lineInfo};
    }

    @Override
    public Line.Info[] getSourceLineInfo(Line.Info info) {
        return playback && lineInfo.matches(info) ? new Line.Info[] {lineInfo} : new Line.Info[0];
    }

    @Override
    public Line.Info[] getTargetLineInfo(Line.Info info) {
        return !playback && lineInfo.matches(info) ? new Line.Info[] {lineInfo} : new Line.Info[0];
    }

    @Override
    public boolean isLineSupported(Line.Info info) {
        return lineInfo.matches(info);
    }

    @Override
    public Line getLine(Line.Info info) throws LineUnavailableException {
        if (!isLineSupported(info)) {
            throw new IllegalArgumentException("Line not supported: " + info);
        }
        return lines.get();
    }

    @Override
    public int getMaxLines(Line.Info info) {
        return isLineSupported(info) ? AudioSystemConstants.NOT_SPECIFIED : 0;
    }

    @Override
    public Line[] getSourceLines() {
        return new Line[0];
    }

    @Override
    public Line[] getTargetLines() {
        return new Line[0];
    }

    @Override
    public void synchronize(Line[] lines, boolean maintainSync) {
        throw new IllegalArgumentException("No synchronisation");
    }

    @Override
    public void unsynchronize(Line[] lines) {
    }

    @Override
    public boolean isSynchronizationSupported(Line[] lines, boolean maintainSync) {
        return false;
    }

    @Override
    public Line.Info getLineInfo() {
        return new Line.Info(Mixer.class);
    }

    @Override
    public void open() {
    }

    @Override
    public void close() {
    }

    @Override
    public boolean isOpen() {
        return true;
    }

    static final class AudioSystemConstants {
        static final int NOT_SPECIFIED = javax.sound.sampled.AudioSystem.NOT_SPECIFIED;
    }
}
