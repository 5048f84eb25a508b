package io.voxprint.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxprint.common.NamedExecutors;
import io.voxprint.testing.LargeHeadlessScreen;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Partial results of a job on the FX thread: delivered in order while it runs, dropped after a cancel. */
@ExtendWith({LargeHeadlessScreen.class, ApplicationExtension.class})
class FxTaskRunnerPublishTest {
    private static final long LIMIT_SECONDS = 60;

    @Start
    void start(Stage stage) {
    }

    @Test
    void publishedUpdatesRunOnTheFxThreadInOrderAndStopAtTheCancel() throws Exception {
        List<String> seen = new ArrayList<>();
        List<Boolean> onFxThread = new ArrayList<>();
        CountDownLatch firstTwoSent = new CountDownLatch(1);
        CountDownLatch cancelled = new CountDownLatch(1);
        CountDownLatch lastSent = new CountDownLatch(1);
        FxTaskRunner runner = new FxTaskRunner(NamedExecutors.cached("test-publish"), e -> { });
        Cancellable job = Tasks.run(p -> {
            for (String s : List.of("a", "b")) {
                p.publish(() -> {
                    seen.add(s);
                    onFxThread.add(Platform.isFxApplicationThread());
                });
            }
            firstTwoSent.countDown();
            assertTrue(cancelled.await(LIMIT_SECONDS, TimeUnit.SECONDS));
            p.publish(() -> seen.add("after the cancel"));
            lastSent.countDown();
        }).runOn(runner);
        assertTrue(firstTwoSent.await(LIMIT_SECONDS, TimeUnit.SECONDS));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("a", "b"), WaitForAsyncUtils.asyncFx(() -> List.copyOf(seen)).get());
        WaitForAsyncUtils.asyncFx(job::cancel).get();
        cancelled.countDown();
        assertTrue(lastSent.await(LIMIT_SECONDS, TimeUnit.SECONDS));
        // Anything posted before this read has run by now: the FX queue runs in order.
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("a", "b"), WaitForAsyncUtils.asyncFx(() -> List.copyOf(seen)).get());
        assertEquals(List.of(true, true), onFxThread);
    }
}
