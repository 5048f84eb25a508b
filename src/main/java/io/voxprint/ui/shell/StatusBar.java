package io.voxprint.ui.shell;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import javafx.geometry.Orientation;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/** Model, database and microphone in use, along the bottom of the window. */
public final class StatusBar extends HBox {
    public StatusBar(ShellViewModel vm) {
        getStyleClass().add("status-bar");
        setSpacing(10);
        setAlignment(Pos.CENTER_LEFT);
        Label model = item("status-model", "Model: ");
        model.textProperty().bind(vm.modelText().map(t -> "Model: " + t));
        Label db = item("status-database", "Database: ");
        db.textProperty().bind(vm.databaseProperty().map(t -> "Database: " + t));
        Label problem = item("status-database-problem", "");
        problem.getStyleClass().add("warning");
        problem.textProperty().bind(vm.databaseProblemProperty());
        problem.visibleProperty().bind(vm.databaseProblemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        Label mic = item("status-microphone", "Microphone: ");
        mic.textProperty().bind(vm.microphoneProperty().map(t -> "Microphone: " + t));
        HBox.setHgrow(db, Priority.ALWAYS);
        getChildren().addAll(model, new Separator(Orientation.VERTICAL), db, problem, new Separator(Orientation.VERTICAL), mic);
    }

    private static Label item(String id, String text) {
        Label l = new Label(text);
        l.setId(id);
        l.setMinWidth(80);
        Tooltip t = new Tooltip();
        t.textProperty().bind(l.textProperty());
        l.setTooltip(t);
        return l;
    }
}
