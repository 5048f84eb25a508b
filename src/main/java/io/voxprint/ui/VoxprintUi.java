package io.voxprint.ui;

import io.voxprint.audio.capture.InputDevice;
import io.voxprint.audio.capture.SoundDevices;
import io.voxprint.ui.common.DialogService;
import io.voxprint.ui.common.TaskRunner;
import io.voxprint.ui.common.Tasks;
import io.voxprint.ui.components.RecorderPane;
import io.voxprint.ui.enroll.EnrollView;
import io.voxprint.ui.enroll.EnrollViewModel;
import io.voxprint.ui.features.FeaturesView;
import io.voxprint.ui.features.FeaturesViewModel;
import io.voxprint.ui.identify.IdentifyView;
import io.voxprint.ui.identify.IdentifyViewModel;
import io.voxprint.ui.photo.PhotoControl;
import io.voxprint.ui.settings.SettingsView;
import io.voxprint.ui.settings.SettingsViewModel;
import io.voxprint.ui.shell.FirstStartView;
import io.voxprint.ui.shell.FirstStartViewModel;
import io.voxprint.ui.shell.MainWindow;
import io.voxprint.ui.shell.Section;
import io.voxprint.ui.shell.ShellViewModel;
import io.voxprint.ui.speakers.SpeakersView;
import io.voxprint.ui.speakers.SpeakersViewModel;
import io.voxprint.ui.timeline.TimelineView;
import io.voxprint.ui.timeline.TimelineViewModel;
import io.voxprint.ui.verify.VerifyView;
import io.voxprint.ui.verify.VerifyViewModel;
import java.time.Duration;
import java.util.EnumMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.Node;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the main window and its views from the actions, a task runner and a dialog service. */
public final class VoxprintUi {
    private static final Logger LOG = LoggerFactory.getLogger(VoxprintUi.class);
    public static final Duration MAX_TAKE = Duration.ofSeconds(30);

    private VoxprintUi() {
    }

    /** The main window; the model, where one is available, starts loading at once. */
    public static MainWindow build(UiActions actions, TaskRunner runner, DialogService dialogs) {
        return build(actions, runner, dialogs, CompletableFuture.completedFuture(null));
    }

    /**
     * The main window; the model, where one is available, starts loading once {@code loadAfter} is
     * complete (the desktop's start: once the first section is on screen).
     */
    public static MainWindow build(UiActions actions, TaskRunner runner, DialogService dialogs, CompletionStage<?> loadAfter) {
        ShellViewModel shell = new ShellViewModel();
        shell.modelProperty().set(actions.currentModel().get());
        if (shell.isModelAvailable()) {
            loadAfter.thenRun(() -> loadModel(actions, runner, dialogs, shell));
        }
        shell.databaseProperty().set(actions.databaseLocation().get());
        watchDatabase(actions, shell);
        String device = actions.settings().load().settings().inputDevice();
        // the sound system is slow to enumerate devices: not on the FX thread, and not before the window shows
        Tasks.create(p -> SoundDevices.system().inputDevices()).onSuccess(devices ->
                shell.microphoneProperty().set(devices.stream().map(InputDevice::name).filter(device::equals).findFirst()
                        .or(() -> devices.stream().map(InputDevice::name).findFirst())
                        .orElse("none found (import audio files instead)"))).runOn(runner);
        Supplier<RecorderPane> recorder = () -> new RecorderPane(runner, dialogs, MAX_TAKE, device);

        Map<Section, Supplier<Node>> views = new EnumMap<>(Section.class);
        views.put(Section.ENROLL, () -> new EnrollView(new EnrollViewModel(actions.enroll(), runner, dialogs),
                recorder.get(), new PhotoControl(actions.camera(), runner)));
        views.put(Section.VERIFY, () -> new VerifyView(new VerifyViewModel(actions.verify(), runner, dialogs), recorder.get()));
        views.put(Section.IDENTIFY, () -> new IdentifyView(new IdentifyViewModel(actions.identify(), runner, dialogs), recorder.get()));
        views.put(Section.FEATURES, () -> new FeaturesView(new FeaturesViewModel(actions.features(), runner, dialogs), recorder.get(), dialogs));
        views.put(Section.SPEAKERS, () -> new SpeakersView(new SpeakersViewModel(actions.speakers(), runner, dialogs)));
        views.put(Section.TIMELINE, () -> new TimelineView(new TimelineViewModel(actions.timeline(), runner, dialogs)));
        views.put(Section.SETTINGS, () -> {
            SettingsViewModel settings = new SettingsViewModel(actions.settings(), runner, dialogs);
            settings.setOnModelChanged(() -> {
                shell.modelProperty().set(actions.currentModel().get());
                if (shell.isModelAvailable()) {
                    loadModel(actions, runner, dialogs, shell);
                }
            });
            return new SettingsView(settings, dialogs);
        });

        FirstStartViewModel firstStart = new FirstStartViewModel(actions.modelSetup(), runner, dialogs,
                model -> {
                    shell.modelProperty().set(Optional.of(model));
                    warmUp(actions, runner);
                });
        return new MainWindow(shell, views, new FirstStartView(firstStart));
    }

    /**
     * Loads the model in the background, then warms it up in the background too; the status bar says
     * "loading" until the load is done (the model is usable from then on: a verification started during
     * the warm-up waits for it on the model's thread, as it would have paid the first call's costs
     * itself). A model that fails to load gives its sentence and the first-start screen; a failed
     * warm-up is only logged, since the first real call reports the same problem to the user.
     */
    static void loadModel(UiActions actions, TaskRunner runner, DialogService dialogs, ShellViewModel shell) {
        Tasks.create(actions.modelSetup()::loadCurrent)
                .onSuccess(model -> {
                    shell.modelProperty().set(Optional.of(model));
                    warmUp(actions, runner);
                })
                .onError(Exception.class, e -> {
                    shell.modelProperty().set(Optional.empty());
                    dialogs.showError(e);
                })
                .runOn(runner);
    }

    /** Keeps the status bar's sentence about a lost database server current (a quick look each second). */
    private static void watchDatabase(UiActions actions, ShellViewModel shell) {
        Timeline check = new Timeline(new KeyFrame(javafx.util.Duration.seconds(1),
                e -> shell.databaseProblemProperty().set(actions.databaseProblem().get().orElse(""))));
        check.setCycleCount(Animation.INDEFINITE);
        check.play();
    }

    private static void warmUp(UiActions actions, TaskRunner runner) {
        Tasks.run(actions.modelSetup()::warmUp)
                .onError(Exception.class, e -> LOG.warn("The model's warm-up failed", e))
                .runOn(runner);
    }

    /** Shows the sentences the actions collected while starting (call once the window is showing). */
    public static void showNotices(UiActions actions, DialogService dialogs) {
        actions.notices().forEach(dialogs::showWarning);
    }

    /** The stylesheet's URL for {@code scene.getStylesheets()}. */
    public static String stylesheet() {
        return VoxprintUi.class.getResource("voxprint.css").toExternalForm();
    }
}
