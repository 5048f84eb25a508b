package io.voxprint.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxprint.testing.LargeHeadlessScreen;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Items handed over together come out in order, the first at once and each further one with a whole
 * pulse between it and the one before (the pulse that lays that one out); items handed over later,
 * when nothing waits, come out at once again.
 */
@ExtendWith({LargeHeadlessScreen.class, ApplicationExtension.class})
class OnePerPulseTest {
    /** Pulses counted by a timer started before the one under test, so it counts a pulse before that one runs. */
    private long pulses;
    private final List<String> handed = new ArrayList<>();
    private final List<Long> atPulse = new ArrayList<>();

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new StackPane(), 200, 100));
        stage.show();
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                pulses++;
            }
        }.start();
    }

    @Test
    void itemsHandedOverTogetherComeOutAPulseApartInOrder() throws Exception {
        OnePerPulse<String> paced = WaitForAsyncUtils.asyncFx(() -> new OnePerPulse<String>(item -> {
            handed.add(item);
            atPulse.add(pulses);
        })).get();
        List<String> rightAfter = WaitForAsyncUtils.asyncFx(() -> {
            paced.accept("a");
            paced.accept("b");
            paced.accept("c");
            return List.copyOf(handed);
        }).get();
        assertEquals(List.of("a"), rightAfter, "the first item comes at once, the others later");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> handed.size() == 3).get());
        List<Long> at = WaitForAsyncUtils.asyncFx(() -> List.copyOf(atPulse)).get();
        assertEquals(List.of("a", "b", "c"), WaitForAsyncUtils.asyncFx(() -> List.copyOf(handed)).get());
        for (int i = 1; i < at.size(); i++) {
            assertTrue(at.get(i) - at.get(i - 1) >= 2, "no whole pulse between two items: " + at);
        }

        // once nothing waits, the next item comes at once again
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> pulses > at.get(2) + 3).get());
        assertEquals(List.of("a", "b", "c", "d"), WaitForAsyncUtils.asyncFx(() -> {
            paced.accept("d");
            return List.copyOf(handed);
        }).get());
    }
}
