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
 * A "Take photo" button with a thumbnail. The camera is looked for in the background; without one
 * the button stays disabled and both a tooltip and a short note say why (a disabled button shows no
 * tooltip of its own, so the tooltip sits on the wrapper).
 */
public final class PhotoControl extends VBox {
    private final Button button = new Button("Take photo");
    private final ImageView thumbnail = new ImageView();
    private final Label note = new Label("Looking for a camera...");
    private final StackPane buttonHolder = new StackPane(button);
    private final ObjectProperty<byte[]> photo = new SimpleObjectProperty<>(this, "photo");

    public PhotoControl(Camera camera, TaskRunner runner) {
        getStyleClass().add("photo-control");
        setSpacing(6);
        setAlignment(Pos.TOP_CENTER);
        button.setId("photo-button");
        button.setDisable(true);
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
        Tasks.create(p -> camera.unavailableReason())
                .onSuccess(this::applyAvailability)
                .onError(Throwable.class, e -> applyAvailability(Optional.of(WebcamCamera.NO_DRIVER)))
                .runOn(runner);
        button.setOnAction(e -> {
            button.setDisable(true);
            note.setText("Taking a photo...");
            Tasks.create(p -> camera.takePhoto())
                    .onSuccess(png -> {
                        photo.set(png);
                        note.setText("Photo taken.");
                    })
                    .onError(Throwable.class, ex -> note.setText(UserMessage.of(ex)))
                    .andFinally(() -> button.setDisable(false))
                    .runOn(runner);
        });
    }

    private void applyAvailability(Optional<String> reason) {
        button.setDisable(reason.isPresent());
        note.setText(reason.orElse("Optional: a photo helps to tell speakers apart."));
        if (reason.isPresent()) {
            Tooltip.install(buttonHolder, new Tooltip(reason.get()));
        }
    }

    public ObjectProperty<byte[]> photoProperty() {
        return photo;
    }

    public Button button() {
        return button;
    }

    /** The reason shown for a disabled button, or the hint when enabled. */
    public String note() {
        return note.getText();
    }
}
