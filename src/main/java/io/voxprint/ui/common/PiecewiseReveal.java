package io.voxprint.ui.common;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Control;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.AnchorPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;

/**
 * Puts a freshly built view on screen over several pulses instead of one. JavaFX styles, skins and lays
 * out a node in the first pulse after it joins a showing scene, all of it on the FX thread; for a whole
 * section at start-up, with the code still cold, that one pulse held the thread for 150 to 350 ms. Here
 * the view's larger layout panes are emptied before it joins the scene, and their children go back a
 * few at a time, one batch per pulse, top down, so that each pulse styles only what came back. The view
 * stays hidden meanwhile (JavaFX still styles and lays out hidden nodes; it only skips drawing them) and
 * is shown whole after the last batch.
 *
 * <p>Only the standard layout panes and classes built on them are emptied: they keep no state about
 * their children beyond the list. A pane whose children someone else changed in the meantime is left
 * as they made it.
 */
public final class PiecewiseReveal {
    /** A batch's size in nodes, a control counting as several: its skin is made in the same pass. */
    private static final int BATCH_WEIGHT = 12;
    private static final int CONTROL_WEIGHT = 4;
    private static final List<Class<?>> SPLITTABLE = List.of(HBox.class, VBox.class, StackPane.class, GridPane.class,
            FlowPane.class, TilePane.class, AnchorPane.class);

    private final Node view;
    private final List<List<Runnable>> batches = new ArrayList<>();
    private List<Runnable> batch = new ArrayList<>();
    private int batchWeight;
    private int next;

    private PiecewiseReveal(Node view) {
        this.view = view;
    }

    /**
     * Empties {@code view}'s larger panes and hides it; call before the view joins the scene, then
     * {@link #start} once it has. {@code view} is the returned object's to show again.
     */
    public static PiecewiseReveal prepare(Node view) {
        PiecewiseReveal reveal = new PiecewiseReveal(view);
        reveal.split(view);
        reveal.endBatch();
        if (!reveal.batches.isEmpty()) {
            view.setVisible(false);
        }
        return reveal;
    }

    /** How many pulses the view takes to come back whole (for tests). */
    public int batches() {
        return batches.size();
    }

    /** Gives the children back one batch per pulse of {@code scene}, then shows the view and runs {@code done}. */
    public void start(Scene scene, Runnable done) {
        if (batches.isEmpty()) {
            done.run();
            return;
        }
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> {
            batches.get(next++).forEach(Runnable::run);
            if (next == batches.size()) {
                scene.removePostLayoutPulseListener(listener[0]);
                view.setVisible(true);
                done.run();
            }
        };
        scene.addPostLayoutPulseListener(listener[0]);
    }

    private void split(Node node) {
        if (!(inner(node) instanceof Pane pane) || !willSplit(node)) {
            return;
        }
        List<Node> children = List.copyOf(pane.getChildren());
        pane.getChildren().clear();
        for (int i = 0; i < children.size(); i++) {
            Node child = children.get(i);
            List<Node> before = children.subList(0, i);
            boolean later = willSplit(child);
            // a pane emptied here comes back as itself, its children in later batches
            add(later ? (child instanceof ScrollPane ? CONTROL_WEIGHT + 1 : 1) : weight(child), () -> {
                // someone else rebuilt this pane meanwhile: theirs stands
                if (pane.getChildren().equals(before)) {
                    pane.getChildren().add(child);
                }
            });
            if (later) {
                split(child);
            }
        }
    }

    private static Node inner(Node node) {
        return node instanceof ScrollPane scroll ? scroll.getContent() : node;
    }

    private static boolean willSplit(Node node) {
        return inner(node) instanceof Pane pane && splittable(pane) && weight(pane) > BATCH_WEIGHT;
    }

    private void add(int weight, Runnable restore) {
        if (batchWeight + weight > BATCH_WEIGHT && !batch.isEmpty()) {
            endBatch();
        }
        batch.add(restore);
        batchWeight += weight;
    }

    private void endBatch() {
        if (!batch.isEmpty()) {
            batches.add(batch);
            batch = new ArrayList<>();
            batchWeight = 0;
        }
    }

    private static boolean splittable(Pane pane) {
        return SPLITTABLE.stream().anyMatch(type -> type.isInstance(pane));
    }

    /** Nodes in the subtree as it stands (a pane already emptied counts as one), controls counted as several. */
    private static int weight(Node node) {
        if (node instanceof ScrollPane scroll) {
            return CONTROL_WEIGHT + (scroll.getContent() == null ? 0 : weight(scroll.getContent()));
        }
        int own = node instanceof Control ? CONTROL_WEIGHT : 1;
        if (node instanceof Parent parent && !(node instanceof Control)) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                own += weight(child);
            }
        }
        return own;
    }
}
