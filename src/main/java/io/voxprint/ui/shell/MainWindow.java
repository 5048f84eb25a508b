package io.voxprint.ui.shell;

import io.voxprint.ui.common.PiecewiseReveal;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The one window: navigation rail on the left, the selected section in the middle (built on first
 * visit and kept), status bar at the bottom; the first-start screen replaces the middle and locks
 * the rail until a model is available.
 */
public final class MainWindow extends BorderPane {
    private final ShellViewModel vm;
    private final Map<Section, Supplier<Node>> factories;
    private final Map<Section, Node> built = new EnumMap<>(Section.class);
    private final StackPane content = new StackPane();
    private final Node firstStart;
    private final NavigationRail rail;
    private boolean piecewise;

    public MainWindow(ShellViewModel vm, Map<Section, Supplier<Node>> factories, Node firstStart) {
        this.vm = vm;
        this.factories = factories;
        this.firstStart = firstStart;
        getStyleClass().add("main-window");
        rail = new NavigationRail(vm.sectionProperty());
        Label brand = new Label("Voxprint");
        brand.getStyleClass().add("brand");
        VBox left = new VBox(16, brand, rail);
        left.getStyleClass().add("nav-column");
        rail.disableProperty().bind(vm.modelProperty().map(m -> m.isEmpty()));
        content.getStyleClass().add("content");
        content.setId("content");
        setLeft(left);
        setCenter(content);
        setBottom(new StatusBar(vm));
        vm.sectionProperty().addListener(o -> show());
        vm.modelProperty().addListener(o -> show());
        show();
    }

    /** Adds Ctrl+1..7 to the scene. */
    public void installShortcuts(Scene scene) {
        for (Section s : Section.values()) {
            scene.getAccelerators().put(new KeyCodeCombination(s.key(), KeyCombination.CONTROL_DOWN), () -> {
                if (vm.isModelAvailable()) {
                    vm.sectionProperty().set(s);
                    rail.button(s).requestFocus();
                }
            });
        }
    }

    public NavigationRail rail() {
        return rail;
    }

    /**
     * From now on a section built on its first visit comes on screen over several pulses, hidden
     * until whole ({@link PiecewiseReveal}), as the first section does at start-up: built, styled and
     * laid out in one pulse, a page's first opening held the FX thread for up to 127 ms on two cores.
     * Until it is whole its larger panes are partly empty, so whoever looks nodes up in it waits for
     * {@link #current()} to be visible.
     */
    public void revealNewSectionsPiecewise() {
        piecewise = true;
    }

    /** The node currently shown in the middle. */
    public Node current() {
        return content.getChildren().isEmpty() ? null : content.getChildren().get(0);
    }

    private void show() {
        if (!vm.isModelAvailable()) {
            showNode(firstStart);
            return;
        }
        Section section = vm.sectionProperty().get();
        Node node = built.get(section);
        if (node == null) {
            node = build(section);
            built.put(section, node);
            Scene scene = getScene();
            if (piecewise && scene != null) {
                PiecewiseReveal reveal = PiecewiseReveal.prepare(node);
                content.getChildren().setAll(node);
                reveal.start(scene, () -> { });
                return;
            }
        }
        showNode(node);
    }

    private void showNode(Node node) {
        // Putting the shown node back would lay it out and draw it anew: on the software renderer, a
        // repaint of the whole middle of the window just as the model finishes loading.
        if (current() != node) {
            content.getChildren().setAll(node);
        }
    }

    private Node build(Section s) {
        Supplier<Node> factory = factories.get(s);
        Node view = factory == null ? new Label(s.title() + " is not available.") : factory.get();
        ScrollPane scroll = new ScrollPane(view);
        scroll.setFitToWidth(true);
        // Fill the window when the view is short, scroll when it is tall (fitToHeight would squeeze it).
        if (view instanceof javafx.scene.layout.Region region) {
            scroll.viewportBoundsProperty().addListener((o, old, bounds) -> region.setMinHeight(bounds.getHeight()));
        }
        scroll.getStyleClass().add("section-scroll");
        scroll.setId("section-" + s.name().toLowerCase(java.util.Locale.ROOT));
        return scroll;
    }
}
