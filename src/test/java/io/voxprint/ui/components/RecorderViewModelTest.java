package io.voxprint.ui.components;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxprint.testing.FakeMicrophone;
import io.voxprint.testing.Fixtures;
import io.voxprint.ui.RecordingDialogService;
import io.voxprint.ui.common.SameThreadTaskRunner;
import io.voxprint.ui.values.Take;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/** The recorder's state without the toolkit: capture callbacks run on one serial thread standing in for the FX thread. */
class RecorderViewModelTest {
    private final Executor uiThread = java.util.concurrent.Executors.newSingleThreadExecutor();
    private final RecorderViewModel vm = new RecorderViewModel(new SameThreadTaskRunner(new RecordingDialogService()),
            uiThread, Duration.ofSeconds(30));

    @AfterEach
    void removeMicrophone() {
        FakeMicrophone.remove();
    }

    @Test
    void partialTakesGrowWhileRecordingAndTheWholeTakeFollows() throws Exception {
        FakeMicrophone.installEndingAfter(FakeMicrophone.speechWav(), 4.0);
        List<Take.Recorded> partial = new CopyOnWriteArrayList<>();
        List<Take> delivered = new CopyOnWriteArrayList<>();
        vm.setOnPartialTake(partial::add);
        vm.setOnTake(delivered::add);
        uiThread.execute(() -> {
            vm.refreshDevices(null);
            vm.toggleRecording();
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !delivered.isEmpty());

        Take.Recorded take = assertInstanceOf(Take.Recorded.class, delivered.get(0));
        short[] played = Fixtures.pcm16(FakeMicrophone.speechWav());
        assertEquals(played.length, take.audio().samples().length, "the device ended after the file");
        assertEquals(played.length / 16_000.0, vm.secondsProperty().get(), 1e-9);
        assertFalse(vm.recordingProperty().get());
        assertEquals(String.format(java.util.Locale.ROOT, "Recorded %.1f s.", played.length / 16_000.0), vm.statusProperty().get());
        int wholeSeconds = played.length / 16_000;
        assertTrue(partial.size() >= wholeSeconds - 1 && partial.size() <= wholeSeconds,
                partial.size() + " partial takes for " + played.length / 16_000.0 + " s");
        int previous = 0;
        for (Take.Recorded p : partial) {
            float[] got = p.audio().samples();
            assertTrue(got.length >= previous + 16_000 * RecorderViewModel.PARTIAL_EVERY_SECONDS - 1, "each partial take is a second longer");
            for (int i = 0; i < got.length; i += 997) {
                assertEquals(played[i] / 32768.0, got[i], 0.5 / 32768, "sample " + i + " is the start of the take");
            }
            previous = got.length;
        }
    }

    @Test
    void importingIsRefusedWhileRecordingAndDeliveredOtherwise() throws Exception {
        FakeMicrophone.install(FakeMicrophone.speechWav(), 1.0);
        List<Take> delivered = new CopyOnWriteArrayList<>();
        vm.setOnTake(delivered::add);
        Path file = Path.of("/tmp/some-voice.flac");
        uiThread.execute(() -> {
            vm.refreshDevices(null);
            vm.toggleRecording();
            vm.importFiles(List.of(file));
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.secondsProperty().get() > 0.1);
        uiThread.execute(vm::cancel);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !vm.recordingProperty().get());
        uiThread.execute(() -> vm.importFiles(List.of(file)));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !delivered.isEmpty());
        assertEquals(List.of(new Take.Imported(file)), delivered, "the cancelled recording is not delivered, the later import is");
        assertEquals("Imported some-voice.flac.", vm.statusProperty().get());
    }
}
