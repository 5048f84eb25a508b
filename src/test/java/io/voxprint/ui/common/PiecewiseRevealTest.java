package io.voxprint.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxprint.testing.LargeHeadlessScreen;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A section put on screen a batch per pulse: it comes back whole, in its order, shown only once whole;
 * no pulse styles more than a batch's worth of controls; a pane rebuilt meanwhile keeps what was put in.
 */
@ExtendWith({LargeHeadlessScreen.class, ApplicationExtension.class})
class PiecewiseRevealTest {
    private Scene scene;
    private StackPane holder;

    @Start
    void start(Stage stage) {
        holder = new StackPane();
        scene = new Scene(holder, 800, 600);
        stage.setScene(scene);
        stage.show();
    }

    /** A form as the sections build them: rows of labels, fields and buttons in nested boxes, in a scroll pane. */
    private static ScrollPane section() {
        VBox left = new VBox();
        for (int i = 0; i < 8; i++) {
            left.getChildren().add(new HBox(new Label("name " + i), new TextField("value " + i), new Button("go " + i)));
        }
        VBox right = new VBox(new Label("photo"), new Button("save"), new Label("status"));
        return new ScrollPane(new HBox(left, right));
    }

    @Test
    void theSectionComesBackWholeAndInOrderAndIsShownOnlyThen() throws Exception {
        ScrollPane section = fx(PiecewiseRevealTest::section);
        Map<Node, List<Node>> before = fx(() -> structure(section.getContent(), new HashMap<>()));
        List<Boolean> visibleBeforeDone = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        PiecewiseReveal reveal = fx(() -> {
            PiecewiseReveal r = PiecewiseReveal.prepare(section);
            assertFalse(section.isVisible(), "shown before it is whole");
            holder.getChildren().add(section);
            scene.addPostLayoutPulseListener(() -> {
                if (done.getCount() > 0) {
                    visibleBeforeDone.add(section.isVisible());
                }
            });
            r.start(scene, done::countDown);
            return r;
        });
        assertTrue(reveal.batches() > 1, "everything came back in one pulse");
        assertTrue(done.await(60, TimeUnit.SECONDS), "the reveal never finished");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(fx(section::isVisible));
        assertEquals(before, fx(() -> structure(section.getContent(), new HashMap<>())), "the section came back changed");
        assertFalse(visibleBeforeDone.contains(true), "half a section was shown");
    }

    @Test
    void noPulseStylesMoreThanABatchOfControls() throws Exception {
        ScrollPane section = fx(PiecewiseRevealTest::section);
        List<Integer> skinnedPerPulse = new ArrayList<>();
        int[] skinnedSoFar = {0};
        CountDownLatch done = new CountDownLatch(1);
        fx(() -> {
            PiecewiseReveal r = PiecewiseReveal.prepare(section);
            Runnable count = () -> {
                int now = skinned(section.getContent());
                skinnedPerPulse.add(now - skinnedSoFar[0]);
                skinnedSoFar[0] = now;
            };
            // added before the reveal's own listener: it sees each pulse's styling before the next batch comes back
            scene.addPostLayoutPulseListener(count);
            holder.getChildren().add(section);
            r.start(scene, () -> {
                scene.removePostLayoutPulseListener(count);
                done.countDown();
            });
            return null;
        });
        assertTrue(done.await(60, TimeUnit.SECONDS), "the reveal never finished");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(27, fx(() -> skinned(section.getContent())), "controls without their skins");
        assertTrue(skinnedPerPulse.size() > 1, "styled in one pulse: " + skinnedPerPulse);
        assertTrue(skinnedPerPulse.stream().allMatch(n -> n <= 3), "a pulse styled more than a batch: " + skinnedPerPulse);
    }

    @Test
    void aPaneRebuiltMeanwhileKeepsWhatWasPutIn() throws Exception {
        ScrollPane section = fx(PiecewiseRevealTest::section);
        VBox right = fx(() -> (VBox) ((HBox) section.getContent()).getChildren().get(1));
        Label replacement = new Label("rebuilt");
        CountDownLatch done = new CountDownLatch(1);
        fx(() -> {
            PiecewiseReveal r = PiecewiseReveal.prepare(section);
            holder.getChildren().add(section);
            right.getChildren().setAll(replacement);
            r.start(scene, done::countDown);
            return null;
        });
        assertTrue(done.await(60, TimeUnit.SECONDS), "the reveal never finished");
        assertEquals(List.of(replacement), fx(() -> List.copyOf(right.getChildren())));
    }

    /** Every parent's children, for comparing two states of the same tree. */
    private static Map<Node, List<Node>> structure(Node node, Map<Node, List<Node>> into) {
        if (node instanceof Parent p && !(node instanceof Control)) {
            into.put(node, List.copyOf(p.getChildrenUnmodifiable()));
            p.getChildrenUnmodifiable().forEach(child -> structure(child, into));
        }
        return into;
    }

    private static int skinned(Node node) {
        if (node instanceof Control c) {
            return c.getSkin() == null ? 0 : 1;
        }
        int n = 0;
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                n += skinned(child);
            }
        }
        return n;
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(60, TimeUnit.SECONDS);
    }
}
