package io.voxprint.ui.photo;

import io.voxprint.ui.common.Tasks;
import io.voxprint.ui.common.TaskRunner;
import io.voxprint.common.UserMessage;
import java.io.ByteArrayInputStream;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * A "Take photo" button with a thumbnail. The camera is looked for only when the user asks for a
 * photo, never at start: the lookup loads the camera library and opens the device (1.3 s of a core
 * on a two-core machine, taken from the model's load while the window starts), and a biometric
 * application has no business touching the camera unasked. Without a camera the button is then
 * disabled and both a tooltip and the note say why (a disabled button shows no tooltip of its own,
 * so the tooltip sits on the wrapper).
 */
public final class PhotoControl extends VBox {
    static final String HINT = "Optional: a photo helps to tell speakers apart.";
    static final String LOOKING = "Looking for a camera...";
    static final String TAKING = "Taking a photo...";
    private final Button button = new Button("Take photo");
    private final ImageView thumbnail = new ImageView();
    private final Label note = new Label(HINT);
    private final StackPane buttonHolder = new StackPane(button);
    private final ObjectProperty<byte[]> photo = new SimpleObjectProperty<>(this, "photo");

    public PhotoControl(Camera camera, TaskRunner runner) {
        getStyleClass().add("photo-control");
        setSpacing(6);
        setAlignment(Pos.TOP_CENTER);
        button.setId("photo-button");
        note.setId("photo-note");
        note.setWrapText(true);
        note.getStyleClass().add("hint");
        thumbnail.setFitWidth(120);
        thumbnail.setFitHeight(90);
        thumbnail.setPreserveRatio(true);
        StackPane frame = new StackPane(thumbnail);
        frame.getStyleClass().add("photo-frame");
        frame.setPrefSize(128, 98);
        frame.setMaxSize(128, 98);
        getChildren().addAll(frame, buttonHolder, note);
        photo.addListener((o, old, png) -> thumbnail.setImage(png == null ? null : new Image(new ByteArrayInputStream(png))));
        button.setOnAction(e -> {
            button.setDisable(true);
            note.setText(LOOKING);
            Tasks.create(p -> {
                        Optional<String> reason = camera.unavailableReason();
                        if (reason.isPresent()) {
                            p.publish(() -> noCamera(reason.get())); // the button stays disabled
                            return Optional.<byte[]>empty();
                        }
                        p.publish(() -> note.setText(TAKING));
                        return Optional.of(camera.takePhoto());
                    })
                    .onSuccess(png -> png.ifPresent(this::taken))
                    .onError(Throwable.class, ex -> {
                        note.setText(UserMessage.of(ex));
                        button.setDisable(false);
                    })
                    .runOn(runner);
        });
    }

    private void taken(byte[] png) {
        photo.set(png);
        note.setText("Photo taken.");
        button.setDisable(false);
    }

    private void noCamera(String reason) {
        note.setText(reason);
        Tooltip.install(buttonHolder, new Tooltip(reason));
    }

    public ObjectProperty<byte[]> photoProperty() {
        return photo;
    }

    public Button button() {
        return button;
    }

    /** The hint, what is being done, or why no photo was taken. */
    public String note() {
        return note.getText();
    }
}
