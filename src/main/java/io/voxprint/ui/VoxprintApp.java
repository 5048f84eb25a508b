package io.voxprint.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/** The desktop application (placeholder shell until the UI lands). */
public final class VoxprintApp extends Application {
    @Override
    public void start(Stage stage) {
        stage.setTitle("Voxprint");
        stage.setScene(new Scene(new StackPane(new Label("Voxprint")), 1280, 800));
        stage.show();
    }
}
