package io.voxprint.audio.capture;

import java.time.Duration;
import java.util.List;

/**
 * What a front end asks of the sound system: the capture devices, a recording, playback. The UI
 * sees only this and the values it passes; {@link Microphone}, {@link AudioPlayer} and the
 * javax.sound lines behind them stay inside this package (checked by {@code ArchitectureTest}).
 */
public interface SoundDevices {

    /** Devices offering a capture line, in the order the sound system lists them. */
    List<InputDevice> inputDevices();

    /** Starts recording on the named device (the default one when null, blank or gone). */
    Recording record(String deviceName, Duration maxLength, CaptureListener listener) throws CaptureException;

    /** Plays a take through the default output; blocks until done or {@link #stopPlayback()}. */
    void play(CapturedAudio audio) throws PlaybackException;

    void stopPlayback();

    /** The machine's own devices through javax.sound. */
    static SoundDevices system() {
        return new JavaSoundDevices();
    }
}
