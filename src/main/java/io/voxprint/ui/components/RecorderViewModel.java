package io.voxprint.ui.components;

import io.voxprint.audio.capture.SoundDevices;
import io.voxprint.audio.capture.CaptureException;
import io.voxprint.audio.capture.CaptureListener;
import io.voxprint.audio.capture.CapturedAudio;
import io.voxprint.audio.capture.InputDevice;
import io.voxprint.audio.capture.Level;
import io.voxprint.audio.capture.Recording;
import io.voxprint.ui.common.TaskRunner;
import io.voxprint.ui.common.Tasks;
import io.voxprint.common.UserMessage;
import io.voxprint.ui.values.Take;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The recorder's state and what it does: input devices, recording with its length and level, the
 * last take, playback. Every take, recorded or imported, goes to {@link #setOnTake}; while recording,
 * the audio so far goes to {@link #setOnPartialTake} once per {@link #PARTIAL_EVERY_SECONDS} of sound.
 * Capture callbacks reach the properties through {@code uiThread} (the FX thread in the window).
 */
public final class RecorderViewModel {
    /** How much new sound is recorded between two partial takes. */
    public static final double PARTIAL_EVERY_SECONDS = 1.0;
    private static final Logger LOG = LoggerFactory.getLogger(RecorderViewModel.class);

    private final ObservableList<InputDevice> devices = FXCollections.observableArrayList();
    private final ObjectProperty<InputDevice> device = new SimpleObjectProperty<>(this, "device");
    private final ReadOnlyBooleanWrapper recording = new ReadOnlyBooleanWrapper(this, "recording", false);
    private final ReadOnlyDoubleWrapper seconds = new ReadOnlyDoubleWrapper(this, "seconds", 0);
    private final ReadOnlyObjectWrapper<Level> level = new ReadOnlyObjectWrapper<>(this, "level");
    private final ReadOnlyObjectWrapper<Take> lastTake = new ReadOnlyObjectWrapper<>(this, "lastTake");
    private final BooleanProperty playing = new SimpleBooleanProperty(this, "playing", false);
    private final StringProperty status = new SimpleStringProperty(this, "status", "");
    private final SoundDevices sound = SoundDevices.system();
    private final TaskRunner runner;
    private final Executor uiThread;
    private final Duration maxLength;
    private Consumer<Take> onTake = t -> { };
    private Consumer<Take.Recorded> onPartialTake = t -> { };
    private Consumer<float[]> onBlock = b -> { };
    private Recording capture;
    private long capturedFrames;
    private double nextPartialSeconds;

    public RecorderViewModel(TaskRunner runner, Executor uiThread, Duration maxLength) {
        this.runner = runner;
        this.uiThread = uiThread;
        this.maxLength = maxLength;
    }

    public ObservableList<InputDevice> devices() {
        return devices;
    }

    public ObjectProperty<InputDevice> deviceProperty() {
        return device;
    }

    public ReadOnlyBooleanProperty recordingProperty() {
        return recording.getReadOnlyProperty();
    }

    /** Seconds recorded in the running (or last) recording. */
    public ReadOnlyDoubleProperty secondsProperty() {
        return seconds.getReadOnlyProperty();
    }

    public double maxSeconds() {
        return maxLength.toMillis() / 1000.0;
    }

    /** Level of the latest block while recording; null when idle. */
    public ReadOnlyObjectProperty<Level> levelProperty() {
        return level.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Take> lastTakeProperty() {
        return lastTake.getReadOnlyProperty();
    }

    public StringProperty statusProperty() {
        return status;
    }

    public StringBinding lengthText() {
        return Bindings.createStringBinding(() -> String.format(Locale.ROOT, "%.1f s of %.0f s", seconds.get(), maxSeconds()), seconds);
    }

    public BooleanBinding canPlay() {
        return Bindings.createBooleanBinding(() -> lastTake.get() instanceof Take.Recorded && !playing.get() && !recording.get(),
                lastTake, playing, recording);
    }

    public void setOnTake(Consumer<Take> handler) {
        this.onTake = handler;
    }

    /** Called with the audio recorded so far, once per {@link #PARTIAL_EVERY_SECONDS} while recording. */
    public void setOnPartialTake(Consumer<Take.Recorded> handler) {
        this.onPartialTake = handler;
    }

    /** Each block of samples as it is recorded (for a live waveform). */
    public void setOnBlock(Consumer<float[]> handler) {
        this.onBlock = handler;
    }

    /**
     * Lists the input devices again, keeping the chosen one (else {@code preferred}, else the first).
     * The sound system is asked in the background: enumerating devices can take a good part of a
     * second, and every view with a recorder asks when it is built.
     */
    public void refreshDevices(String preferred) {
        Tasks.create(p -> sound.inputDevices()).onSuccess(found -> showDevices(found, preferred)).runOn(runner);
    }

    private void showDevices(List<InputDevice> found, String preferred) {
        String keep = device.get() != null ? device.get().name() : preferred;
        devices.setAll(found);
        device.set(found.stream().filter(d -> d.name().equals(keep)).findFirst().orElse(found.isEmpty() ? null : found.get(0)));
        if (found.isEmpty()) {
            status.set(CaptureException.NO_MICROPHONE);
        } else if (CaptureException.NO_MICROPHONE.equals(status.get())) {
            status.set("");
        }
    }

    /** Starts a recording, or stops the running one and delivers it. */
    public void toggleRecording() {
        if (capture != null) {
            Recording running = capture;
            finish(running.stop(), "");
            return;
        }
        try {
            capturedFrames = 0;
            nextPartialSeconds = PARTIAL_EVERY_SECONDS;
            capture = sound.record(device.get() == null ? null : device.get().name(), maxLength, new CaptureListener() {
                @Override
                public void onBlock(float[] samples, Level blockLevel) {
                    uiThread.execute(() -> showBlock(samples, blockLevel));
                }

                @Override
                public void onFinished(CapturedAudio audio, StopReason reason) {
                    uiThread.execute(() -> {
                        if (capture != null) {
                            // A device that ends (unplugged, or a file played as a microphone) gives a normal take.
                            finish(audio, reason == StopReason.MAX_LENGTH
                                    ? "The maximum length was reached, so the recording stopped." : "");
                        }
                    });
                }
            });
            seconds.set(0);
            recording.set(true);
            status.set(String.format(Locale.ROOT, "Recording at %.0f Hz...", capture.sampleRate()));
        } catch (CaptureException e) {
            LOG.info("Recording not started: {}", e.getMessage());
            capture = null;
            status.set(e.getMessage());
        }
    }

    /** Sample rate of the running recording, 0 when idle. */
    public float sampleRate() {
        return capture == null ? 0 : capture.sampleRate();
    }

    private void showBlock(float[] samples, Level blockLevel) {
        Recording running = capture;
        if (running == null) {
            return;
        }
        level.set(blockLevel);
        onBlock.accept(samples);
        capturedFrames += samples.length;
        seconds.set(capturedFrames / (double) running.sampleRate());
        if (seconds.get() >= nextPartialSeconds && running.isRunning()) {
            nextPartialSeconds = Math.floor(seconds.get() / PARTIAL_EVERY_SECONDS + 1) * PARTIAL_EVERY_SECONDS;
            onPartialTake.accept(new Take.Recorded(shownSoFar(running)));
        }
    }

    /**
     * The recording as far as the blocks this thread has shown: under load the capture thread runs
     * ahead of the FX thread, and a partial take longer than the seconds on screen would make the
     * partial takes grow unevenly.
     */
    private CapturedAudio shownSoFar(Recording running) {
        CapturedAudio all = running.soFar();
        if (all.samples().length <= capturedFrames) {
            return all;
        }
        return new CapturedAudio(java.util.Arrays.copyOf(all.samples(), (int) capturedFrames), all.sampleRate());
    }

    /** Ends a recording; {@code why} is the status when it ended by itself, empty when stopped by hand. */
    private void finish(CapturedAudio audio, String why) {
        capture = null;
        recording.set(false);
        level.set(null);
        seconds.set(audio.durationSeconds());
        if (audio.samples().length == 0) {
            status.set("Nothing was recorded.");
            return;
        }
        status.set(why.isEmpty() ? String.format(Locale.ROOT, "Recorded %.1f s.", audio.durationSeconds()) : why);
        deliver(new Take.Recorded(audio));
    }

    /** Hands over files the user chose or dropped, each one a take; ignored while recording. */
    public void importFiles(List<Path> files) {
        if (capture != null) {
            return;
        }
        files.forEach(f -> deliver(new Take.Imported(f)));
    }

    private void deliver(Take take) {
        lastTake.set(take);
        if (take instanceof Take.Imported imported) {
            status.set("Imported " + imported.file().getFileName() + ".");
        }
        onTake.accept(take);
    }

    public void playLastTake() {
        if (!(lastTake.get() instanceof Take.Recorded recorded)) {
            return;
        }
        playing.set(true);
        Tasks.run(p -> sound.play(recorded.audio()))
                .onError(Exception.class, e -> status.set(UserMessage.of(e)))
                .andFinally(() -> playing.set(false))
                .runOn(runner);
    }

    /** Stops a running recording without delivering it, and any playback (when the view is left). */
    public void cancel() {
        if (capture != null) {
            Recording running = capture;
            capture = null;
            recording.set(false);
            level.set(null);
            running.stop();
        }
        sound.stopPlayback();
    }
}
