package io.voxprint.ui;

import io.voxprint.app.settings.SettingsStore;
import io.voxprint.ui.enroll.EnrollActions;
import io.voxprint.ui.features.FeaturesActions;
import io.voxprint.ui.identify.IdentifyActions;
import io.voxprint.ui.values.ModelStatus;
import io.voxprint.ui.photo.Camera;
import io.voxprint.ui.photo.WebcamCamera;
import io.voxprint.ui.settings.SettingsActions;
import io.voxprint.ui.settings.StoredSettingsActions;
import io.voxprint.ui.shell.ModelSetupActions;
import io.voxprint.ui.speakers.SpeakersActions;
import io.voxprint.ui.timeline.TimelineActions;
import io.voxprint.ui.verify.VerifyActions;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Everything the UI asks of the application, one interface per view. {@code wiring.ConnectedUi}
 * builds the real one on the use cases; {@link #notConnected} answers every call with a sentence.
 *
 * @param currentModel      the model found at start, not loaded yet (empty shows the first-start screen);
 *                          must answer at once, since it is asked on the FX thread
 * @param databaseLocation  shown in the status bar
 * @param databaseProblem   a sentence while the shared database server cannot be reached (asked every second
 *                          on the FX thread, so it must answer at once); empty otherwise
 * @param notices           sentences to show the user once the window is open (e.g. an unreadable database)
 * @param shutdown          releases what the actions hold (database, model) when the window closes
 */
public record UiActions(ModelSetupActions modelSetup, EnrollActions enroll, VerifyActions verify,
                        IdentifyActions identify, FeaturesActions features, SpeakersActions speakers,
                        TimelineActions timeline, SettingsActions settings, Camera camera, Supplier<Optional<ModelStatus>> currentModel,
                        Supplier<String> databaseLocation, Supplier<Optional<String>> databaseProblem, List<String> notices,
                        Runnable shutdown) {

    public UiActions {
        notices = List.copyOf(notices);
    }

    /** Without notices and with nothing to release. */
    public UiActions(ModelSetupActions modelSetup, EnrollActions enroll, VerifyActions verify, IdentifyActions identify,
                     FeaturesActions features, SpeakersActions speakers, TimelineActions timeline, SettingsActions settings,
                     Camera camera, Supplier<Optional<ModelStatus>> currentModel, Supplier<String> databaseLocation) {
        this(modelSetup, enroll, verify, identify, features, speakers, timeline, settings, camera, currentModel, databaseLocation,
                Optional::empty, List.of(), () -> { });
    }

    /** Thrown by the placeholder actions. */
    public static final class NotConnectedException extends Exception implements io.voxprint.common.UserFacing {
        public NotConnectedException(String sentence) {
            super(sentence);
        }

        public NotConnectedException() {
            this("This part of Voxprint is not connected yet.");
        }
    }

    public static UiActions notConnected() {
        return unavailable(new StoredSettingsActions(SettingsStore.atDefaultLocation()), "not connected",
                "This part of Voxprint is not connected yet.", List.of());
    }

    /**
     * Actions that answer every call with {@code sentence}, except settings (so the user can still
     * change the data folder or model file); used when the database cannot be opened.
     */
    public static UiActions unavailable(SettingsActions settings, String databaseText, String sentence, List<String> notices) {
        return new UiActions(placeholder(ModelSetupActions.class, sentence), placeholder(EnrollActions.class, sentence),
                placeholder(VerifyActions.class, sentence), placeholder(IdentifyActions.class, sentence),
                placeholder(FeaturesActions.class, sentence), placeholder(SpeakersActions.class, sentence),
                placeholder(TimelineActions.class, sentence), settings,
                new WebcamCamera(), Optional::empty, () -> databaseText, Optional::empty, notices, () -> { });
    }

    static <T> T placeholder(Class<T> type) {
        return placeholder(type, "This part of Voxprint is not connected yet.");
    }

    static <T> T placeholder(Class<T> type, String sentence) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "toString" -> "not connected " + type.getSimpleName();
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> proxy == args[0];
                };
            }
            throw new NotConnectedException(sentence);
        }));
    }
}
