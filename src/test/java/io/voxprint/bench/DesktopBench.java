package io.voxprint.bench;

import io.voxprint.app.settings.Settings;
import io.voxprint.app.settings.SettingsStore;
import io.voxprint.testing.FakeMicrophone;
import io.voxprint.ui.RecordingDialogService;
import io.voxprint.ui.UiActions;
import io.voxprint.ui.VoxprintApp;
import io.voxprint.ui.common.FxTaskRunner;
import io.voxprint.ui.components.ScoreGauge;
import io.voxprint.ui.enroll.TakeList;
import io.voxprint.ui.shell.MainWindow;
import io.voxprint.ui.wiring.ConnectedUi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;

/**
 * Desktop responsiveness for bench/app/desktop.sh (a measurement, not a test). Drives the real window
 * on the real facade (model from the first argument, a fresh database) through its controls while an
 * AnimationTimer on the FX thread records the longest gap between two pulses in each phase: model
 * loading, enrollment (three imported takes), verification and feature extraction of the 3 s take,
 * live scoring while recording the 10 s take from the test microphone in real time, and an idle
 * window as the floor. Also records, for the 3 s and 10 s takes, the time from the end of the
 * recording to the decision on screen, and the intervals between provisional scores while recording.
 * Prints one JSON object and exits.
 *
 * <pre>DesktopBench MODEL.pt TAKE_3S.wav TAKE_10S.wav ENROLL_1.wav ENROLL_2.wav ENROLL_3.wav WORK_DIR IMPORT_3S.wav</pre>
 *
 * IMPORT_3S is the file verified and inspected through Import: other audio than the recorded takes,
 * or the recorded 3 s take would be answered from the embedding cache.
 */
public final class DesktopBench {
    private static final long LIMIT_NANOS = TimeUnit.MINUTES.toNanos(10);
    private static final PulseMonitor PULSES = new PulseMonitor();
    /** System.nanoTime() when the JVM started, to match the gaps against a -Xlog or JFR record */
    private static final long JVM_START_NANOS = System.nanoTime()
            - java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() * 1_000_000L;
    private static MainWindow window;
    private static final RecordingDialogService DIALOGS = new RecordingDialogService();

    private DesktopBench() {
    }

    /**
     * The longest gap between two FX pulses since the last {@link #phase}, in ms; and, to say where a
     * stall comes from, what the FX thread was running whenever a pulse was over 50 ms late (sampled
     * every 5 ms from another thread: the innermost frames, counted per phase).
     */
    static final class PulseMonitor extends AnimationTimer {
        private static final long LATE_NANOS = 50_000_000L;
        private volatile long last;
        private volatile long pulses;
        private long maxGap;
        private volatile Thread fxThread;
        private final Map<String, Integer> lateSamples = new java.util.concurrent.ConcurrentHashMap<>();
        private long phaseStart = System.nanoTime();
        private final List<String> longGaps = new ArrayList<>();

        @Override
        public void handle(long now) {
            if (fxThread == null) {
                fxThread = Thread.currentThread();
                // each sample is a safepoint of every Java thread: a run without them shows their cost
                if (!Boolean.getBoolean("bench.noStallSamples")) {
                    Thread sampler = new Thread(this::sample, "fx-stall-sampler");
                    sampler.setDaemon(true);
                    sampler.start();
                }
            }
            pulses++;
            if (last != 0) {
                maxGap = Math.max(maxGap, now - last);
                if (now - last > LATE_NANOS && longGaps.size() < 20) {
                    longGaps.add(String.format(Locale.ROOT, "%.0f ms ending %.2f s into the phase (JVM uptime %.3f s)",
                            (now - last) / 1e6, (now - phaseStart) / 1e9, (now - JVM_START_NANOS) / 1e9));
                }
            }
            last = now;
        }

        private void sample() {
            while (true) {
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
                long since = System.nanoTime() - last;
                if (last != 0 && since > LATE_NANOS) {
                    StringBuilder key = new StringBuilder(frames(fxThread.getStackTrace()));
                    lateSamples.merge(key.toString(), 1, Integer::sum);
                    if (key.indexOf("waitForRenderingToComplete") >= 0) {
                        lateSamples.merge("  renderer: " + renderer(), 1, Integer::sum);
                    }
                }
            }
        }

        /** What JavaFX's render thread runs, for stalls where the FX thread waits for it. */
        private static String renderer() {
            for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
                if (e.getKey().getName().startsWith("QuantumRenderer")) {
                    return frames(e.getValue());
                }
            }
            return "none";
        }

        private static String frames(StackTraceElement[] stack) {
            StringBuilder key = new StringBuilder();
            for (int i = 0; i < Math.min(6, stack.length); i++) {
                key.append(i == 0 ? "" : " < ").append(stack[i].getClassName().replaceAll(".*\\.", ""))
                        .append('.').append(stack[i].getMethodName());
            }
            return key.toString();
        }

        /** How many pulses there were so far. */
        long pulses() {
            return pulses;
        }

        /** Ends the phase (on the FX thread): its longest gap in ms. */
        double phase() {
            double ms = maxGap / 1e6;
            maxGap = 0;
            return ms;
        }

        /**
         * Ends the phase (on the FX thread): its longest gap and every gap over 50 ms, taken together so
         * that a gap ending between the two is not counted in one phase's list and the next one's longest.
         */
        Map<String, Object> endPhase() {
            Map<String, Object> stalls = new LinkedHashMap<>();
            stalls.put("max_fx_gap_ms", phase());
            stalls.put("fx_gaps_over_50ms", longGaps(System.nanoTime()));
            return stalls;
        }

        /** Every gap over 50 ms since the last call (the first 20), with when it ended; on the FX thread. */
        List<String> longGaps(long nextPhaseStart) {
            List<String> gaps = List.copyOf(longGaps);
            longGaps.clear();
            phaseStart = nextPhaseStart;
            return gaps;
        }

        /** The most frequent stacks sampled while a pulse was late, since the last call, most frequent first. */
        List<String> lateStacks() {
            List<String> top = lateSamples.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(8)
                    .map(e -> e.getValue() + "x " + e.getKey()).toList();
            lateSamples.clear();
            return top;
        }
    }

    public static void main(String[] args) throws Exception {
        Path model = Path.of(args[0]).toAbsolutePath();
        Path take3 = Path.of(args[1]).toAbsolutePath();
        Path take10 = Path.of(args[2]).toAbsolutePath();
        List<Path> enroll = List.of(Path.of(args[3]).toAbsolutePath(), Path.of(args[4]).toAbsolutePath(), Path.of(args[5]).toAbsolutePath());
        Path work = Path.of(args[6]).toAbsolutePath();
        Path import3 = Path.of(args[7]).toAbsolutePath();
        Files.createDirectories(work);
        Path home = Files.createTempDirectory(work, "desktop");
        Map<String, Object> result = new LinkedHashMap<>();

        SettingsStore settings = new SettingsStore(home.resolve("settings.json"));
        settings.save(new Settings(model.toString(), "main", null, false, "", false, home.resolve("data").toString()));
        FakeMicrophone.installEndingAfter(take3, 1.0);
        io.voxprint.ui.common.BackgroundPriority.lowerCompilers(); // as the desktop's launcher does
        io.voxprint.ui.PulseRate.applyDefault(); // as the desktop's launcher does
        // as the desktop's launcher does (Main): libtorch first, on another thread, then JavaFX
        CompletableFuture<Void> natives = io.voxprint.cli.ModelHeadStart.inBackground();
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get();
        // From here as the desktop starts (VoxprintApp): its first frame, a line of text, is shown and
        // timed; the database opens off the FX thread; once libtorch's start (begun before JavaFX's) is
        // over the style warm-up's steps run, and once the database is open and the warm-up over the
        // views are built on the FX thread in place of the first frame. The loading phase ends with the
        // model ready and the first section on screen.
        fx(() -> {
            VoxprintApp.loadPlatformStyles(); // as VoxprintApp.start, before its first frame
            return null;
        });
        long loadStart = System.nanoTime();
        Scene scene = fx(() -> {
            PULSES.longGaps(loadStart);
            PULSES.start();
            Stage stage = new Stage();
            stage.setScene(VoxprintApp.firstFrame());
            stage.show();
            return stage.getScene();
        });
        FxTaskRunner runner = FxTaskRunner.withDialogs(DIALOGS); // as VoxprintApp
        java.util.concurrent.CompletionStage<Void> styled = Boolean.getBoolean("bench.noStyleWarmUp") ? natives
                : VoxprintApp.warmUpStyles(runner, natives);
        UiActions actions = ConnectedUi.create(Map.of("HF_HOME", home.resolve("hf").toString(), "HF_HUB_OFFLINE", "1"), settings,
                noProtection());
        styled.toCompletableFuture().get();
        fx(() -> {
            window = VoxprintApp.showMain(scene, actions, runner, DIALOGS);
            return null;
        });
        await("the model loads", () -> !label("#status-model").getText().contains("loading"));
        // the section comes on screen over several pulses (PiecewiseReveal): loading ends with both
        await("the Enroll section is shown", () -> window.current().isVisible() && find("#import-button") != null);
        phase(result, "loading", loadStart);

        long enrollStart = System.nanoTime();
        fx(() -> {
            ((TextField) find("#enroll-name")).setText("alice");
            DIALOGS.fileAnswers.addAll(enroll);
            ((Button) find("#import-button")).fire();
            return null;
        });
        await("the takes are assessed", () -> takes().getItems().size() == 3 && takes().getItems().stream().noneMatch(r -> r.assessingProperty().get()));
        fx(() -> {
            ((Button) find("#enroll-save")).fire();
            return null;
        });
        await("alice is enrolled", () -> label("#enroll-status").getText().startsWith("alice is enrolled"));
        phase(result, "enrollment", enrollStart);

        long verifyPageStart = System.nanoTime();
        fx(() -> {
            ((ToggleButton) window.lookup("#nav-verify")).fire();
            return null;
        });
        // a section's first visit comes on screen over several pulses, hidden until whole (as VoxprintApp's)
        await("the Verify page is whole", () -> window.current().isVisible() && find("#verify-speaker") != null);
        await("the speaker list is filled", () -> !((ComboBox<?>) find("#verify-speaker")).getItems().isEmpty());
        long verifyShownAt = PULSES.pulses();
        await("the Verify page is drawn", () -> PULSES.pulses() >= verifyShownAt + 2);
        phase(result, "verify_page", verifyPageStart);
        fx(() -> {
            ((ComboBox<?>) find("#verify-speaker")).getSelectionModel().select(0);
            return null;
        });
        long verifyStart = System.nanoTime();
        fx(() -> {
            DIALOGS.fileAnswers.add(import3);
            ((Button) find("#import-button")).fire();
            return null;
        });
        await("the 3 s take is verified", () -> !Double.isNaN(gauge().decision().scoreProperty().get()));
        phase(result, "verification", verifyStart);

        for (Path take : List.of(take3, take10)) {
            result.put("record_" + seconds(take), recordAndVerify(take));
        }

        long pageStart = System.nanoTime();
        fx(() -> {
            ((ToggleButton) window.lookup("#nav-features")).fire();
            return null;
        });
        await("the Features page is shown", () -> window.current().isVisible() && find("#features-status") != null
                && find("#features-status").isVisible());
        // the page's first frame drawn: the pulse that lays it out and draws it has ended when the next one starts
        long shownAt = PULSES.pulses();
        await("the Features page is drawn", () -> PULSES.pulses() >= shownAt + 2);
        phase(result, "features_page", pageStart);
        long featuresStart = System.nanoTime();
        fx(() -> {
            DIALOGS.fileAnswers.add(import3);
            ((Button) find("#import-button")).fire();
            return null;
        });
        await("the features are shown", () -> label("#features-status").getText().startsWith("Showing"));
        phase(result, "feature_extraction", featuresStart);

        fx(PULSES::phase);
        long idleStart = System.nanoTime();
        Thread.sleep(3000);
        phase(result, "idle_window", idleStart);
        result.put("errors_shown", DIALOGS.errors);
        System.out.println(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(result));
        actions.shutdown().run();
        io.voxprint.model.QuickExit.now(0); // as the desktop ends (the C library's exit handlers abort next to libtorch)
    }

    /** Records the take from the test microphone in real time; the take ends with the file, like a Stop. */
    private static Map<String, Object> recordAndVerify(Path take) throws Exception {
        FakeMicrophone.installEndingAfter(take, 1.0);
        List<Long> provisional = new ArrayList<>();
        long[] marks = new long[3];
        fx(() -> {
            Node section = window.current();
            Label shown = (Label) section.lookup("#verify-provisional");
            shown.textProperty().addListener((o, old, now) -> {
                if (now.startsWith("Provisional score ")) {
                    provisional.add(System.nanoTime());
                }
            });
            var recorder = ((io.voxprint.ui.components.RecorderPane) section.lookup(".recorder")).viewModel();
            recorder.recordingProperty().addListener((o, was, now) -> {
                if (!now && marks[1] == 0) {
                    marks[1] = System.nanoTime();
                }
            });
            // The decision is on screen when the status line's "Verifying..." gives way to the result.
            label("#verify-status").textProperty().addListener((o, old, now) -> {
                if (old.startsWith("Verifying") && now.isEmpty() && marks[1] != 0 && marks[2] == 0) {
                    marks[2] = System.nanoTime();
                }
            });
            marks[0] = System.nanoTime();
            ((Button) find("#record-button")).fire();
            return null;
        });
        await("the recorded take is verified", () -> marks[2] != 0);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("stop_to_decision_ms", (marks[2] - marks[1]) / 1e6);
        out.put("recording_ms", (marks[1] - marks[0]) / 1e6);
        out.put("provisional_updates", provisional.size());
        long previous = marks[0];
        double longest = 0;
        List<Long> intervals = new ArrayList<>();
        for (long t : provisional) {
            longest = Math.max(longest, (t - previous) / 1e6);
            intervals.add(Math.round((t - previous) / 1e6));
            previous = t;
        }
        out.put("provisional_intervals_ms", intervals);
        out.put("longest_wait_for_provisional_ms", provisional.isEmpty() ? null : longest);
        out.put("first_provisional_after_ms", provisional.isEmpty() ? null : (provisional.get(0) - marks[0]) / 1e6);
        out.putAll(fx(PULSES::endPhase));
        return out;
    }

    private static String seconds(Path wav) throws Exception {
        try (var in = javax.sound.sampled.AudioSystem.getAudioInputStream(wav.toFile())) {
            return Math.round(in.getFrameLength() / in.getFormat().getFrameRate()) + "s";
        }
    }

    private static ThreadSchedule schedule = ThreadSchedule.now();

    private static void phase(Map<String, Object> result, String name, long startNanos) throws Exception {
        Map<String, Object> p = new LinkedHashMap<>();
        p.putAll(fx(PULSES::endPhase));
        p.put("fx_late_stacks", PULSES.lateStacks());
        ThreadSchedule end = ThreadSchedule.now();
        // per thread group: [ms on a core, ms runnable but waiting for one] during the phase
        p.put("threads_ms", end.since(schedule, 8));
        schedule = end;
        p.put("duration_ms", (System.nanoTime() - startNanos) / 1e6);
        result.put(name, p);
    }

    private static Node find(String id) {
        Node n = window.current().lookup(id);
        return n != null ? n : window.lookup(id);
    }

    private static Label label(String id) {
        return (Label) find(id);
    }

    private static ScoreGauge gauge() {
        return (ScoreGauge) find("#verify-gauge");
    }

    private static TakeList takes() {
        return (TakeList) find("#enroll-takes");
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(work.call());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f.get();
    }

    private static void await(String what, Callable<Boolean> condition) throws Exception {
        long end = System.nanoTime() + LIMIT_NANOS;
        while (!fx(() -> {
            try {
                return condition.call();
            } catch (NullPointerException e) {
                return false; // a node looked up is not there yet: a section's controls come with its skin, in a pulse
            }
        })) {
            if (System.nanoTime() > end || !DIALOGS.errors.isEmpty()) {
                throw new IllegalStateException(what + " did not happen; errors: " + DIALOGS.errors);
            }
            Thread.sleep(20);
        }
    }

    /** The first-start question answered with "no protection": the bench measures the window, not Argon2id. */
    private static io.voxprint.ui.RecordingDialogService noProtection() {
        io.voxprint.ui.RecordingDialogService dialogs = new io.voxprint.ui.RecordingDialogService();
        dialogs.choiceAnswers.add(io.voxprint.ui.shell.ProtectionQuestions.NO_PROTECTION);
        return dialogs;
    }
}
