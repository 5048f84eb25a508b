package io.voxprint.audio.capture;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.Line;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.Mixer;
import javax.sound.sampled.TargetDataLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds capture devices and opens them. The preferred format is 16 kHz mono 16-bit signed
 * little-endian (what the model wants); a device that cannot deliver it is opened in one of its own
 * integer PCM formats instead, and the samples come back at that rate.
 */
public final class Microphone {
    public static final AudioFormat PREFERRED = new AudioFormat(16_000f, 16, 1, true, false);
    private static final Logger LOG = LoggerFactory.getLogger(Microphone.class);
    private static final float[] FALLBACK_RATES = {48_000f, 44_100f, 16_000f, 32_000f, 22_050f, 8_000f};

    private Microphone() {
    }

    /** Mixers offering a {@link TargetDataLine}, in the order the sound system lists them. */
    public static List<InputDevice> inputDevices() {
        List<InputDevice> devices = new ArrayList<>();
        for (Mixer.Info info : AudioSystem.getMixerInfo()) {
            try {
                Mixer mixer = AudioSystem.getMixer(info);
                if (offersCapture(mixer)) {
                    devices.add(new InputDevice(info.getName(), info.getDescription()));
                }
            } catch (RuntimeException e) {
                LOG.warn("Skipping mixer {}", info.getName(), e);
            }
        }
        return devices;
    }

    /**
     * Starts recording on the named device, or on the system's default capture line when the name
     * is null, blank or no longer present.
     */
    public static Recording start(String deviceName, Duration maxLength, CaptureListener listener)
            throws CaptureException {
        TargetDataLine line = openLine(deviceName);
        return Recording.start(line, maxLength, listener);
    }

    static TargetDataLine openLine(String deviceName) throws CaptureException {
        Optional<Mixer> chosen = findMixer(deviceName);
        if (chosen.isEmpty() && inputDevices().isEmpty()) {
            throw new CaptureException(CaptureException.NO_MICROPHONE);
        }
        try {
            return chosen.isPresent() ? openOn(chosen.get()) : openDefault();
        } catch (LineUnavailableException | SecurityException e) {
            LOG.warn("Capture line unavailable", e);
            throw new CaptureException("The microphone is busy or unavailable; close other programs using it and try again.", e);
        }
    }

    private static TargetDataLine openDefault() throws LineUnavailableException, CaptureException {
        try {
            TargetDataLine line = AudioSystem.getTargetDataLine(PREFERRED);
            line.open(PREFERRED);
            return line;
        } catch (IllegalArgumentException | LineUnavailableException preferredRefused) {
            LOG.info("Default capture line refuses {}: {}", PREFERRED, preferredRefused.toString());
        }
        for (InputDevice device : inputDevices()) {
            Optional<Mixer> mixer = findMixer(device.name());
            if (mixer.isPresent()) {
                return openOn(mixer.get());
            }
        }
        throw new CaptureException(CaptureException.NO_MICROPHONE);
    }

    private static TargetDataLine openOn(Mixer mixer) throws LineUnavailableException, CaptureException {
        DataLine.Info preferred = new DataLine.Info(TargetDataLine.class, PREFERRED);
        if (mixer.isLineSupported(preferred)) {
            TargetDataLine line = (TargetDataLine) mixer.getLine(preferred);
            line.open(PREFERRED);
            return line;
        }
        for (Line.Info info : mixer.getTargetLineInfo()) {
            if (info instanceof DataLine.Info dataInfo && TargetDataLine.class.isAssignableFrom(dataInfo.getLineClass())) {
                for (AudioFormat offered : dataInfo.getFormats()) {
                    Optional<AudioFormat> usable = concrete(offered);
                    if (usable.isPresent()) {
                        TargetDataLine line = (TargetDataLine) mixer.getLine(new DataLine.Info(TargetDataLine.class, usable.get()));
                        line.open(usable.get());
                        LOG.info("Capturing in the device's own format {}", usable.get());
                        return line;
                    }
                }
            }
        }
        throw new CaptureException("The microphone offers no sound format Voxprint can read.");
    }

    /** Integer PCM of 8..32 bits; an unspecified rate is filled in with a common one. */
    private static Optional<AudioFormat> concrete(AudioFormat f) {
        boolean pcm = f.getEncoding().equals(AudioFormat.Encoding.PCM_SIGNED)
                || f.getEncoding().equals(AudioFormat.Encoding.PCM_UNSIGNED);
        int bits = f.getSampleSizeInBits();
        int channels = f.getChannels();
        if (!pcm || bits <= 0 || bits % 8 != 0 || bits > 32 || channels <= 0) {
            return Optional.empty();
        }
        float rate = f.getSampleRate();
        if (rate == AudioSystem.NOT_SPECIFIED) {
            rate = FALLBACK_RATES[0];
        }
        return Optional.of(new AudioFormat(f.getEncoding(), rate, bits, channels, bits / 8 * channels, rate, f.isBigEndian()));
    }

    private static Optional<Mixer> findMixer(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        for (Mixer.Info info : AudioSystem.getMixerInfo()) {
            if (info.getName().equals(name)) {
                Mixer mixer = AudioSystem.getMixer(info);
                if (offersCapture(mixer)) {
                    return Optional.of(mixer);
                }
            }
        }
        LOG.info("Input device '{}' is not present; using the default", name);
        return Optional.empty();
    }

    private static boolean offersCapture(Mixer mixer) {
        for (Line.Info info : mixer.getTargetLineInfo()) {
            if (TargetDataLine.class.isAssignableFrom(info.getLineClass())) {
                return true;
            }
        }
        return false;
    }
}
