package io.voxprint.ui.features;

import io.voxprint.ui.common.DialogService;
import io.voxprint.ui.components.ActionButton;
import io.voxprint.ui.components.DifferenceMap;
import io.voxprint.ui.components.ExportMenu;
import io.voxprint.ui.components.FeatureGrid;
import io.voxprint.ui.components.FeatureLayouts;
import io.voxprint.ui.components.Heatmap;
import io.voxprint.ui.components.JobProgress;
import io.voxprint.ui.components.RecorderPane;
import io.voxprint.ui.components.SectionPage;
import io.voxprint.ui.components.SpeakerMapView;
import io.voxprint.ui.components.SpectrogramView;
import io.voxprint.ui.components.WaveformView;
import java.util.Map;
import java.util.Optional;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;

/** Waveform, spectrogram and feature maps of a take; a side-by-side comparison; the speaker map. */
public final class FeaturesView extends VBox {
    private final FeaturesViewModel vm;
    private final DialogService dialogs;
    private final TilePane maps = new TilePane();
    private final Heatmap compareA = new Heatmap();
    private final Heatmap compareB = new Heatmap();
    private final DifferenceMap difference = new DifferenceMap();

    public FeaturesView(FeaturesViewModel vm, RecorderPane recorder, DialogService dialogs) {
        this.vm = vm;
        this.dialogs = dialogs;
        setSpacing(12);
        Label title = SectionPage.heading(this, "Features");
        ToggleButton asB = new ToggleButton("Next take is the second (B) for comparison");
        asB.setId("features-as-b");
        recorder.setOnTake(t -> vm.inspect(t, asB.isSelected()));
        recorder.setCompact(true);
        Label status = new Label();
        status.setId("features-status");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());
        JobProgress progress = new JobProgress(vm, "features");
        progress.setMinWidth(260);
        HBox statusRow = new HBox(10, asB, progress, status);
        statusRow.setAlignment(Pos.CENTER_LEFT);

        // The tabs fill the window below the recorder and each scrolls on its own, so a tall tab
        // never leaves empty space under a short one.
        // Compare and Speaker map are built when first shown: the page opens with one tab to build and
        // draw, not three (the chart alone is a good part of a first opening on the FX thread).
        TabPane tabs = new TabPane(new Tab("Take", scroll("features-take-scroll", takeTab(), false)),
                lazyTab("Compare", () -> scroll("features-compare-scroll", compareTab(), false)),
                lazyTab("Speaker map", () -> scroll("features-map-scroll", mapTab(), true)));
        tabs.setId("features-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        getChildren().addAll(title, recorder, statusRow, tabs);
    }

    private static Tab lazyTab(String title, java.util.function.Supplier<Node> content) {
        Tab tab = new Tab(title);
        tab.selectedProperty().addListener((o, was, selected) -> {
            if (selected && tab.getContent() == null) {
                tab.setContent(content.get());
            }
        });
        return tab;
    }

    private static ScrollPane scroll(String id, Node content, boolean fillHeight) {
        ScrollPane scroll = new ScrollPane(content);
        scroll.setId(id);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(fillHeight);
        scroll.setPrefViewportHeight(260);
        scroll.setMinViewportHeight(180);
        scroll.getStyleClass().add("section-scroll");
        scroll.setPadding(new javafx.geometry.Insets(8, 0, 0, 0));
        return scroll;
    }

    private Node takeTab() {
        WaveformView waveform = new WaveformView();
        waveform.setId("features-waveform");
        SpectrogramView spectrogram = new SpectrogramView();
        spectrogram.setId("features-spectrogram");
        ExportMenu.install(waveform, "waveform", dialogs, Optional::empty);
        ExportMenu.install(spectrogram, "log-mel-spectrogram", dialogs, () -> Optional.ofNullable(vm.takeAProperty().get())
                .map(i -> new ExportMenu.Table(java.util.stream.IntStream.range(0, 80).mapToObj(b -> "band" + b).toList(),
                        toDouble(i.logMel()))));
        maps.setHgap(14);
        maps.setVgap(14);
        maps.setPrefColumns(2);
        maps.setId("features-maps");
        vm.takeAProperty().addListener((o, old, now) -> {
            if (now == null) {
                return;
            }
            waveform.setSamples(now.inspection().samples16k(), 16_000f);
            spectrogram.setFrames(now.logMel());
            maps.getChildren().clear();
            for (Map.Entry<String, float[]> e : now.inspection().features().entrySet()) {
                maps.getChildren().add(mapCard(e.getKey(), e.getValue()));
            }
            refreshCompare();
        });
        Label wTitle = new Label("Waveform (16 kHz)");
        wTitle.getStyleClass().add("subtitle");
        Label sTitle = new Label("Log-mel spectrogram (80 bands, 25 ms window, 10 ms hop)");
        sTitle.getStyleClass().add("subtitle");
        Label mTitle = new Label("Feature maps, from the first layers to the embedding (hover a cell for its value)");
        mTitle.getStyleClass().add("subtitle");
        mTitle.setWrapText(true);
        return new VBox(8, wTitle, waveform, sTitle, spectrogram, mTitle, maps);
    }

    private Node mapCard(String label, float[] vector) {
        Heatmap map = new Heatmap();
        map.setId("feature-map-" + label);
        FeatureGrid grid = FeatureLayouts.gridFor(label, vector);
        map.setGrid(grid);
        map.setPrefSize(420, 200);
        ExportMenu.install(map, label, dialogs, () -> ExportMenu.tableOf(grid));
        String layout = FeatureLayouts.isMeanAndVariance(label) ? "mean (top) and variance (bottom)" : "row by row";
        Label title = new Label(label + " \u00b7 " + vector.length + " values \u00b7 " + layout);
        title.getStyleClass().add("map-title");
        VBox card = new VBox(4, title, map);
        card.getStyleClass().add("card");
        return card;
    }

    private Node compareTab() {
        ComboBox<String> label = new ComboBox<>(vm.labels());
        label.setId("compare-label");
        label.valueProperty().bindBidirectional(vm.compareLabelProperty());
        vm.compareLabelProperty().addListener(o -> refreshCompare());
        vm.takeBProperty().addListener(o -> refreshCompare());
        refreshCompare(); // the tab may be built after both takes were inspected
        Label hint = new Label("Inspect a first take (A), then switch on \"second take\" and record or import another (B).");
        hint.setWrapText(true);
        hint.getStyleClass().add("hint");
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(4);
        grid.addRow(0, new Label("Take A"), new Label("Take B"), new Label("A \u2212 B"));
        grid.addRow(1, compareA, compareB, difference);
        difference.setId("compare-difference");
        for (Heatmap h : new Heatmap[] {compareA, compareB, difference}) {
            h.setPrefSize(330, 220);
            GridPane.setHgrow(h, Priority.ALWAYS);
        }
        ExportMenu.install(difference, "difference", dialogs, () -> ExportMenu.tableOf(difference.grid()));
        HBox pick = new HBox(10, new Label("Feature"), label);
        pick.setAlignment(Pos.CENTER_LEFT);
        Label cosTitle = new Label("Cosine similarity of A and B at each level (1 = same direction)");
        cosTitle.getStyleClass().add("subtitle");
        GridPane cosTable = new GridPane();
        cosTable.setId("compare-cosines");
        cosTable.setHgap(16);
        cosTable.setVgap(4);
        Runnable fillCosines = () -> {
            cosTable.getChildren().clear();
            int col = 0;
            for (FeaturesViewModel.LabelCosine lc : vm.cosines()) {
                Label name = new Label(lc.label());
                Label value = new Label(String.format(java.util.Locale.ROOT, "%.4f", lc.cosine()));
                value.getStyleClass().add("bar-value");
                cosTable.add(name, col, 0);
                cosTable.add(value, col, 1);
                col++;
            }
        };
        fillCosines.run(); // the tab may be built after both takes were inspected
        vm.cosines().addListener((javafx.collections.ListChangeListener<FeaturesViewModel.LabelCosine>) c -> fillCosines.run());
        Label noCos = new Label("Shown once both takes are inspected.");
        noCos.getStyleClass().add("hint");
        noCos.visibleProperty().bind(javafx.beans.binding.Bindings.isEmpty(vm.cosines()));
        noCos.managedProperty().bind(noCos.visibleProperty());
        return new VBox(10, pick, hint, grid, cosTitle, noCos, cosTable);
    }

    private void refreshCompare() {
        String label = vm.compareLabelProperty().get();
        FeaturesViewModel.Inspected a = vm.takeAProperty().get();
        FeaturesViewModel.Inspected b = vm.takeBProperty().get();
        if (label == null || a == null || !a.inspection().features().containsKey(label)) {
            return;
        }
        FeatureGrid ga = FeatureLayouts.gridFor(label, a.inspection().features().get(label));
        compareA.setGrid(ga);
        if (b != null && b.inspection().features().containsKey(label)) {
            FeatureGrid gb = FeatureLayouts.gridFor(label, b.inspection().features().get(label));
            compareB.setGrid(gb);
            difference.setGrids(ga, gb);
        }
    }

    private Node mapTab() {
        SpeakerMapView map = new SpeakerMapView();
        map.setId("speaker-map");
        vm.speakerMapProperty().addListener((o, old, now) -> {
            if (now != null) {
                map.setPoints(now.points(), now.variances());
            }
        });
        ExportMenu.install(map, "speaker-map", dialogs, () -> Optional.ofNullable(vm.speakerMapProperty().get())
                .map(m -> new ExportMenu.Table(java.util.List.of("x", "y"),
                        m.points().stream().map(p -> new double[] {p.x(), p.y()}).toArray(double[][]::new))));
        Button load = ActionButton.of("Draw the map of enrolled speakers", "load-speaker-map", vm::loadSpeakerMap);
        Label hint = new Label("Each point is one enrolled speaker's voice print, placed by the two directions in which they differ most;"
                + " \"" + FeaturesViewModel.THIS_RECORDING + "\" is the take shown in the Take tab.");
        hint.setWrapText(true);
        hint.getStyleClass().add("hint");
        VBox.setVgrow(map, Priority.ALWAYS);
        return new VBox(10, load, hint, map);
    }

    private static double[][] toDouble(float[][] m) {
        double[][] out = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            out[i] = new double[m[i].length];
            for (int j = 0; j < m[i].length; j++) {
                out[i][j] = m[i][j];
            }
        }
        return out;
    }
}
