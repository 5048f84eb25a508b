package io.voxprint.ui.timeline;

import io.voxprint.ui.values.TimelineSegment;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * One row per voice under the waveform, each segment a coloured block at its place in time. A
 * segment added while the work runs becomes one block (nothing is redrawn); clicking a block plays
 * it, clicking a voice's name selects the voice.
 */
final class SpeakerLanes extends VBox {
    static final double NAME_WIDTH = 140;
    private static final List<String> COLOURS = List.of("#2f6fdf", "#d9822b", "#2e9e5b", "#b84ac6", "#c23b3b",
            "#178a94", "#8a6d1f", "#5a5fd6");
    private final TimelineViewModel vm;
    private final Map<String, Row> rows = new HashMap<>();

    SpeakerLanes(TimelineViewModel vm) {
        super(4);
        this.vm = vm;
        setId("timeline-lanes");
        getStyleClass().add("timeline-lanes");
        vm.lanes().addListener((ListChangeListener<TimelineLane>) c -> lanesChanged());
        vm.segments().addListener((ListChangeListener<TimelineSegment>) c -> {
            while (c.next()) {
                if (c.wasRemoved() || c.wasReplaced() || c.wasPermutated()) {
                    rebuild();
                    return;
                }
                c.getAddedSubList().forEach(this::addBlock);
            }
        });
        vm.secondsProperty().addListener(o -> rows.values().forEach(r -> r.track.requestLayout()));
        vm.selectedLaneProperty().addListener(o -> rows.values().forEach(Row::showSelection));
        vm.playingProperty().addListener((o, was, now) -> rows.values().forEach(r -> r.showPlaying(now)));
    }

    private void lanesChanged() {
        rows.keySet().removeIf(key -> vm.lane(key) == null);
        for (TimelineLane lane : vm.lanes()) {
            rows.computeIfAbsent(lane.key(), k -> new Row(k, COLOURS.get(vm.lanes().indexOf(lane) % COLOURS.size())))
                    .name.setText(lane.name());
        }
        getChildren().setAll(vm.lanes().stream().map(l -> rows.get(l.key()).box).toList());
    }

    private void rebuild() {
        rows.values().forEach(r -> r.track.getChildren().clear());
        lanesChanged();
        vm.segments().forEach(this::addBlock);
    }

    private void addBlock(TimelineSegment s) {
        Row row = rows.get(s.speaker());
        if (row == null) {
            lanesChanged();
            row = rows.get(s.speaker());
        }
        if (row != null) {
            Region block = new Region();
            block.getStyleClass().add("timeline-segment");
            block.setStyle("-fx-background-color: " + row.colour + ";");
            block.setUserData(s);
            block.setOnMouseClicked(e -> vm.play(s));
            row.track.getChildren().add(block);
        }
    }

    /** The block drawn for {@code segment}, or null. */
    Region block(TimelineSegment segment) {
        Row row = rows.get(segment.speaker());
        return row == null ? null : (Region) row.track.getChildren().stream()
                .filter(n -> segment.equals(n.getUserData())).findFirst().orElse(null);
    }

    private final class Row {
        final String key;
        final String colour;
        final Label name = new Label();
        final Pane track = new Pane() {
            @Override
            protected void layoutChildren() {
                double seconds = vm.secondsProperty().get();
                double w = getWidth();
                for (javafx.scene.Node n : getChildren()) {
                    TimelineSegment s = (TimelineSegment) n.getUserData();
                    double x = seconds <= 0 ? 0 : s.start() / seconds * w;
                    double width = seconds <= 0 ? 0 : Math.max(2, s.duration() / seconds * w);
                    n.resizeRelocate(snapPositionX(x), 3, snapSizeX(width), getHeight() - 6);
                }
            }
        };
        final HBox box;

        Row(String key, String colour) {
            this.key = key;
            this.colour = colour;
            name.setMinWidth(NAME_WIDTH);
            name.setPrefWidth(NAME_WIDTH);
            name.setMaxWidth(NAME_WIDTH);
            name.setStyle("-fx-text-fill: " + colour + ";");
            name.getStyleClass().add("timeline-lane-name");
            name.setId("timeline-lane-" + key);
            name.setOnMouseClicked(e -> vm.selectedLaneProperty().set(vm.lane(key)));
            track.getStyleClass().add("timeline-track");
            track.setMinHeight(26);
            track.setPrefHeight(26);
            HBox.setHgrow(track, Priority.ALWAYS);
            box = new HBox(8, name, track);
            box.setAlignment(Pos.CENTER_LEFT);
            box.getStyleClass().add("timeline-lane");
            showSelection();
        }

        void showSelection() {
            TimelineLane selected = vm.selectedLaneProperty().get();
            boolean on = selected != null && selected.key().equals(key);
            if (on && !box.getStyleClass().contains("selected")) {
                box.getStyleClass().add("selected");
            } else if (!on) {
                box.getStyleClass().remove("selected");
            }
        }

        void showPlaying(TimelineSegment now) {
            for (javafx.scene.Node n : track.getChildren()) {
                n.setOpacity(now == null || now.equals(n.getUserData()) ? 1.0 : 0.55);
            }
        }
    }
}
