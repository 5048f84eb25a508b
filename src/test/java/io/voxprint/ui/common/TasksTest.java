package io.voxprint.ui.common;

import io.voxprint.app.core.VoxprintException;
import io.voxprint.common.UserMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxprint.ui.RecordingDialogService;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import org.junit.jupiter.api.Test;

class TasksTest {
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private final TaskRunner runner = new SameThreadTaskRunner(dialogs);

    @Test
    void successRunsTheHandlerThenFinallyAndReportsProgress() {
        List<String> order = new ArrayList<>();
        SimpleDoubleProperty progress = new SimpleDoubleProperty();
        SimpleStringProperty message = new SimpleStringProperty();
        SimpleBooleanProperty running = new SimpleBooleanProperty();
        List<Boolean> runningDuringWork = new ArrayList<>();
        Tasks.create(p -> {
                    runningDuringWork.add(running.get());
                    p.update(0.75);
                    p.message("three quarters");
                    return 42;
                })
                .onSuccess(v -> order.add("success " + v))
                .onError(Exception.class, e -> order.add("error"))
                .andFinally(() -> order.add("finally"))
                .bindProgress(progress).bindMessage(message).bindRunning(running)
                .runOn(runner);
        assertEquals(List.of("success 42", "finally"), order);
        assertEquals(List.of(true), runningDuringWork);
        assertFalse(running.get());
        assertEquals(0.75, progress.get());
        assertEquals("three quarters", message.get());
    }

    @Test
    void theFirstMatchingErrorHandlerWinsAndWrappersAreUnwrapped() {
        List<String> order = new ArrayList<>();
        Tasks.create(p -> {
                    throw new ExecutionException(new FileNotFoundException("The file x.wav does not exist."));
                })
                .onError(IllegalStateException.class, e -> order.add("wrong type"))
                .onError(IOException.class, e -> order.add("io: " + e.getMessage()))
                .onError(Exception.class, e -> order.add("too late"))
                .andFinally(() -> order.add("finally"))
                .runOn(runner);
        assertEquals(List.of("io: The file x.wav does not exist.", "finally"), order);
        assertTrue(dialogs.errors.isEmpty());
    }

    @Test
    void anUnhandledErrorReachesTheUserAsOneSentence() {
        Tasks.run(p -> {
            throw new VoxprintException("The database is locked by another program.");
        }).onError(IOException.class, e -> { }).runOn(runner);
        Tasks.run(p -> {
            // A bug's own text is never shown: it means nothing to a user.
            throw new NullPointerException("Cannot invoke \"Object.toString()\" because \"x\" is null");
        }).runOn(runner);
        assertEquals(List.of("The database is locked by another program.", UserMessage.UNEXPECTED), dialogs.errors);
    }
}
