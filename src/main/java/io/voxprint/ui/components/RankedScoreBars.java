package io.voxprint.ui.components;

import io.voxprint.ui.values.RankedCandidate;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/** The five best candidates as horizontal bars, those at or above the threshold highlighted. */
public final class RankedScoreBars extends GridPane {
    public static final int SHOWN = 5;
    private final Label empty = new Label("No candidates yet.");

    public RankedScoreBars() {
        getStyleClass().add("ranked-bars");
        setHgap(10);
        setVgap(8);
        ColumnConstraints rank = new ColumnConstraints(28);
        ColumnConstraints name = new ColumnConstraints(120, 160, 260);
        ColumnConstraints bar = new ColumnConstraints(120, 300, Double.MAX_VALUE);
        bar.setHgrow(Priority.ALWAYS);
        ColumnConstraints value = new ColumnConstraints(60);
        getColumnConstraints().addAll(rank, name, bar, value);
        add(empty, 0, 0, 4, 1);
    }

    /** Scores are drawn on 0..1 (negative scores as an empty bar). */
    public void setCandidates(List<RankedCandidate> ranked, double threshold) {
        getChildren().clear();
        if (ranked.isEmpty()) {
            add(empty, 0, 0, 4, 1);
            return;
        }
        for (int i = 0; i < Math.min(SHOWN, ranked.size()); i++) {
            RankedCandidate c = ranked.get(i);
            boolean above = c.score() >= threshold;
            Label rank = new Label((i + 1) + ".");
            Label name = new Label(c.name());
            name.setMinWidth(Region.USE_PREF_SIZE);
            Region fill = new Region();
            fill.getStyleClass().addAll("bar-fill", above ? "accept" : "reject");
            double fraction = Math.max(0, Math.min(1, c.score()));
            StackPane track = new StackPane(fill);
            track.getStyleClass().add("bar-track");
            track.setAlignment(Pos.CENTER_LEFT);
            fill.maxWidthProperty().bind(track.widthProperty().multiply(fraction));
            fill.setMinWidth(0);
            track.setMinHeight(18);
            Label value = new Label(String.format(Locale.ROOT, "%.3f", c.score()));
            value.getStyleClass().add("bar-value");
            addRow(i, rank, name, track, value);
        }
    }
}
