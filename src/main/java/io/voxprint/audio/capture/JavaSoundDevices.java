package io.voxprint.audio.capture;

import java.time.Duration;
import java.util.List;

/** {@link SoundDevices} on javax.sound: {@link Microphone} for capture, one {@link AudioPlayer} for playback. */
final class JavaSoundDevices implements SoundDevices {
    private final AudioPlayer player = new AudioPlayer();

    @Override
    public List<InputDevice> inputDevices() {
        return Microphone.inputDevices();
    }

    @Override
    public Recording record(String deviceName, Duration maxLength, CaptureListener listener) throws CaptureException {
        return Microphone.start(deviceName, maxLength, listener);
    }

    @Override
    public void play(CapturedAudio audio) throws PlaybackException {
        player.play(audio);
    }

    @Override
    public void stopPlayback() {
        player.stop();
    }
}
