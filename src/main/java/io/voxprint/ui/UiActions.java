package io.voxprint.ui;

import io.voxprint.app.settings.SettingsStore;
import io.voxprint.ui.enroll.EnrollActions;
import io.voxprint.ui.features.FeaturesActions;
import io.voxprint.ui.identify.IdentifyActions;
import io.voxprint.ui.model.ModelStatus;
import io.voxprint.ui.photo.Camera;
import io.voxprint.ui.photo.WebcamCamera;
import io.voxprint.ui.settings.SettingsActions;
import io.voxprint.ui.settings.StoredSettingsActions;
import io.voxprint.ui.shell.ModelSetupActions;
import io.voxprint.ui.speakers.SpeakersActions;
import io.voxprint.ui.verify.VerifyActions;
import java.lang.reflect.Proxy;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Everything the UI asks of the application, one interface per view. The wiring step builds one of
 * these from the use cases; until then {@link #notConnected} answers every call with a sentence.
 *
 * @param currentModel      the model already available at start (empty shows the first-start screen)
 * @param databaseLocation  shown in the status bar
 */
public record UiActions(ModelSetupActions modelSetup, EnrollActions enroll, VerifyActions verify,
                        IdentifyActions identify, FeaturesActions features, SpeakersActions speakers,
                        SettingsActions settings, Camera camera, Supplier<Optional<ModelStatus>> currentModel,
                        Supplier<String> databaseLocation) {

    /** Thrown by the placeholder actions. */
    public static final class NotConnectedException extends Exception {
        public NotConnectedException() {
            super("This part of Voxprint is not connected yet.");
        }
    }

    public static UiActions notConnected() {
        return new UiActions(placeholder(ModelSetupActions.class), placeholder(EnrollActions.class),
                placeholder(VerifyActions.class), placeholder(IdentifyActions.class), placeholder(FeaturesActions.class),
                placeholder(SpeakersActions.class), new StoredSettingsActions(SettingsStore.atDefaultLocation()),
                new WebcamCamera(), Optional::empty, () -> "not connected");
    }

    static <T> T placeholder(Class<T> type) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "toString" -> "not connected " + type.getSimpleName();
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> proxy == args[0];
                };
            }
            throw new NotConnectedException();
        }));
    }
}
