package io.voxprint.ui.speakers;

import io.voxprint.ui.components.ActionButton;
import io.voxprint.ui.components.SectionPage;
import io.voxprint.ui.values.SpeakerSummary;
import java.io.ByteArrayInputStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputDialog;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** A table of enrolled speakers with rename, delete, export and import. */
public final class SpeakersView extends VBox {
    private static final DateTimeFormatter CREATED = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
            .withLocale(java.util.Locale.UK).withZone(ZoneId.systemDefault());

    public SpeakersView(SpeakersViewModel vm) {
        setSpacing(12);
        Label title = SectionPage.heading(this, "Speakers");
        TableView<SpeakerSummary> table = new TableView<>(vm.speakers());
        table.setId("speakers-table");
        table.setPlaceholder(new Label("Nobody is enrolled yet."));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<SpeakerSummary, byte[]> photo = new TableColumn<>("Photo");
        photo.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().photoPng()));
        photo.setCellFactory(c -> new PhotoCell());
        photo.setPrefWidth(80);
        photo.setMaxWidth(90);
        TableColumn<SpeakerSummary, String> name = new TableColumn<>("Name");
        name.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().name()));
        name.setPrefWidth(260);
        TableColumn<SpeakerSummary, Number> takes = new TableColumn<>("Takes");
        takes.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().takes()));
        takes.setPrefWidth(80);
        TableColumn<SpeakerSummary, String> created = new TableColumn<>("Created");
        created.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().created() == null ? "" : CREATED.format(c.getValue().created())));
        created.setPrefWidth(200);
        table.getColumns().addAll(java.util.List.of(photo, name, takes, created));
        vm.selectedProperty().bind(table.getSelectionModel().selectedItemProperty());
        VBox.setVgrow(table, Priority.ALWAYS);

        Button rename = new Button("Rename...");
        rename.setId("speakers-rename");
        rename.disableProperty().bind(vm.selectedProperty().isNull());
        rename.setOnAction(e -> {
            TextInputDialog ask = new TextInputDialog(vm.selectedProperty().get().name());
            ask.initOwner(getScene().getWindow());
            ask.setTitle("Rename speaker");
            ask.setHeaderText(null);
            ask.setContentText("New name");
            ask.showAndWait().ifPresent(vm::rename);
        });
        Button delete = ActionButton.of("Delete...", "speakers-delete", vm::delete);
        delete.getStyleClass().add("danger");
        delete.disableProperty().bind(vm.selectedProperty().isNull());
        Button export = ActionButton.of("Export...", "speakers-export", vm::export);
        Button importButton = ActionButton.of("Import...", "speakers-import", vm::importFile);
        Button refresh = new Button("Refresh");
        refresh.setOnAction(e -> vm.refresh());
        Label status = new Label();
        status.setId("speakers-status");
        status.textProperty().bind(vm.statusProperty());
        HBox buttons = new HBox(8, rename, delete, export, importButton, refresh, status);
        buttons.setAlignment(Pos.CENTER_LEFT);
        Label reEnroll = new Label();
        reEnroll.setId("speakers-re-enroll");
        reEnroll.setWrapText(true);
        reEnroll.getStyleClass().add("warning-text");
        reEnroll.textProperty().bind(vm.reEnrollHintProperty());
        reEnroll.visibleProperty().bind(vm.reEnrollHintProperty().isNotEmpty());
        reEnroll.managedProperty().bind(reEnroll.visibleProperty());
        getChildren().addAll(title, reEnroll, table, buttons);
        vm.refresh();
    }

    private static final class PhotoCell extends TableCell<SpeakerSummary, byte[]> {
        private final ImageView view = new ImageView();

        PhotoCell() {
            view.setFitWidth(56);
            view.setFitHeight(42);
            view.setPreserveRatio(true);
        }

        @Override
        protected void updateItem(byte[] png, boolean empty) {
            super.updateItem(png, empty);
            if (empty || png == null) {
                setGraphic(null);
            } else {
                view.setImage(new Image(new ByteArrayInputStream(png)));
                setGraphic(view);
            }
        }
    }
}
