package io.voxprint.ui.enroll;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The takes being enrolled, one row each, top to bottom. A take's row is made once, when the take is
 * added, and bound to it for as long as it is listed. An enrollment has a handful of takes, so nothing
 * needs recycling, and the section's own scroll pane scrolls a long list: a ListView's virtual flow
 * made two cells for the first take (one to measure it), and laying that flow out for the first time
 * held the FX thread for 52 to 99 ms.
 */
public final class TakeList extends VBox {
    private final ObservableList<EnrollViewModel.TakeRow> items;
    private final Consumer<EnrollViewModel.TakeRow> onRemove;
    private final Node placeholder;
    private final Map<EnrollViewModel.TakeRow, Node> made = new IdentityHashMap<>();

    public TakeList(ObservableList<EnrollViewModel.TakeRow> items, Consumer<EnrollViewModel.TakeRow> onRemove, Node placeholder) {
        this.items = items;
        this.onRemove = onRemove;
        this.placeholder = placeholder;
        getStyleClass().add("take-list");
        items.addListener((ListChangeListener<EnrollViewModel.TakeRow>) c -> sync());
        sync();
    }

    /** The takes shown, in the order shown. */
    public ObservableList<EnrollViewModel.TakeRow> getItems() {
        return items;
    }

    private void sync() {
        made.keySet().retainAll(items);
        List<Node> shown = items.isEmpty() ? List.of(placeholder)
                : items.stream().map(r -> made.computeIfAbsent(r, this::row)).toList();
        if (!getChildren().equals(shown)) {
            getChildren().setAll(shown);
        }
    }

    /** One take: its mark, name, quality figures and a Remove button. */
    private Node row(EnrollViewModel.TakeRow take) {
        Label mark = new Label();
        mark.getStyleClass().add("take-mark");
        mark.setMinWidth(22);
        mark.textProperty().bind(javafx.beans.binding.Bindings.when(take.assessingProperty()).then("\u2026")
                .otherwise(javafx.beans.binding.Bindings.when(take.acceptableProperty()).then("\u2714").otherwise("\u2716")));
        Label label = new Label(take.take().label());
        label.getStyleClass().add("take-label");
        Label figures = new Label();
        figures.getStyleClass().add("take-figures");
        figures.textProperty().bind(javafx.beans.binding.Bindings.concat(take.netSpeechProperty(), "    ",
                take.clippingProperty(), "    ", take.snrProperty()));
        Label reasons = new Label();
        reasons.setWrapText(true);
        reasons.getStyleClass().add("hint");
        reasons.textProperty().bind(take.reasonsProperty());
        reasons.managedProperty().bind(reasons.textProperty().isNotEmpty());
        reasons.visibleProperty().bind(reasons.managedProperty());
        Button remove = new Button("Remove");
        remove.getStyleClass().add("small");
        remove.setOnAction(e -> onRemove.accept(take));
        VBox text = new VBox(2, label, figures, reasons);
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox row = new HBox(8, mark, text, remove);
        row.getStyleClass().add("take-row");
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }
}
