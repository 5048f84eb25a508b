package io.voxprint.app.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxprint.audio.AudioLoader;
import io.voxprint.audio.PreparedAudio;
import io.voxprint.common.UserMessage;
import io.voxprint.model.Ecapa2Model;
import io.voxprint.model.FactStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pipeline gives what a plain loop over the same files gives, in the same order, and stops on a cancel. */
class FilePipelineTest {
    private static final Path RESOURCES = Path.of(System.getProperty("voxprint.test.resources", "src/test/resources"));

    @TempDir
    static Path dir;
    private static Ecapa2Model model;

    @BeforeAll
    static void load() {
        model = Ecapa2Model.load(RESOURCES.resolve("model/ecapa2-fixture.pt"), FactStore.in(dir.resolve("facts")));
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void sameEmbeddingsSameOrderAndTheSameSentencesAsAPlainLoop() throws IOException {
        Path garbage = Files.writeString(dir.resolve("not-audio.wav"), "this is not a recording");
        List<Path> files = new ArrayList<>();
        for (String name : List.of("alice-1.wav", "fmt-44k1-mono-s24.flac", "bob-2.wav", "fmt-8k-mulaw.wav",
                "fmt-32k-stereo.ogg", "carol-3.wav", "fmt-22k05-mono.mp3")) {
            files.add(RESOURCES.resolve("e2e").resolve(name));
        }
        files.add(3, garbage);
        files.add(dir.resolve("missing.wav"));

        List<Object> plain = new ArrayList<>();
        for (Path file : files) {
            try {
                plain.add(model.embed(new AudioLoader().load(file).samples()));
            } catch (RuntimeException e) {
                plain.add(UserMessage.of(e));
            }
        }

        List<Long> reported = new ArrayList<>();
        AudioLoader loader = new AudioLoader();
        var outcomes = FilePipeline.run(files, loader::load, (PreparedAudio a) -> model.embed(a.samples()),
                (done, total, message) -> {
                    assertEquals(files.size(), total);
                    reported.add(done);
                });

        assertEquals(files.size(), outcomes.size());
        for (int i = 0; i < files.size(); i++) {
            var outcome = outcomes.get(i);
            assertEquals(files.get(i), outcome.input(), "input order kept");
            if (plain.get(i) instanceof float[] expected) {
                assertTrue(outcome.ok(), () -> outcome.input() + ": " + outcome.failure());
                assertArrayEquals(expected, outcome.result(), 1e-6f, outcome.input().toString());
            } else {
                assertFalse(outcome.ok(), outcome.input().toString());
                assertNull(outcome.result());
                assertEquals(plain.get(i), UserMessage.of(outcome.failure()), "the same one sentence");
            }
        }
        assertEquals(2, outcomes.stream().filter(o -> !o.ok()).count(), "the two bad files, and only they, failed");
        List<Long> expectedDone = new ArrayList<>();
        for (long d = 1; d <= files.size(); d++) {
            expectedDone.add(d);
        }
        assertEquals(expectedDone, reported, "one report per finished file, in order");
    }

    @Test
    void aStopEndsTheRunWithItsCauseAndNoLaterInputIsProcessed() {
        AtomicInteger processed = new AtomicInteger();
        VoxprintException cause = new VoxprintException("No ECAPA2 model is available yet.");
        VoxprintException thrown = assertThrows(VoxprintException.class, () -> FilePipeline.run(List.of(1, 2, 3, 4, 5),
                i -> i, i -> {
                    processed.incrementAndGet();
                    if (i == 2) {
                        throw new FilePipeline.Stop(cause);
                    }
                    return i;
                }, Progress.NONE));
        assertEquals(cause, thrown);
        assertEquals(2, processed.get());
    }

    @Test
    void aProgressThatThrowsEndsTheRunAfterTheFileJustFinished() {
        AtomicInteger processed = new AtomicInteger();
        assertThrows(CancellationException.class, () -> FilePipeline.run(List.of(1, 2, 3, 4, 5), i -> i, i -> {
            processed.incrementAndGet();
            return i;
        }, (done, total, message) -> {
            if (done == 2) {
                throw new CancellationException("The enrollment was cancelled.");
            }
        }));
        assertEquals(2, processed.get(), "no input after the cancel reached the model");
    }

    @Test
    void interruptingTheCallerStopsTheRunBeforeTheNextInput() throws InterruptedException {
        List<Integer> inputs = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            inputs.add(i);
        }
        AtomicInteger prepared = new AtomicInteger();
        AtomicInteger processed = new AtomicInteger();
        CountDownLatch inSecondCall = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        AtomicReference<Throwable> ended = new AtomicReference<>();
        Thread worker = new Thread(() -> {
            try {
                FilePipeline.run(inputs, i -> {
                    prepared.incrementAndGet();
                    return i;
                }, i -> {
                    processed.incrementAndGet();
                    if (i == 1) {
                        inSecondCall.countDown();
                        try {
                            never.await(); // a long model call, cut short by the cancel
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            throw new VoxprintException("The model call was interrupted.");
                        }
                    }
                    return i;
                }, 2, Progress.NONE);
            } catch (Throwable t) {
                ended.set(t);
            }
        }, "pipeline-under-test");
        worker.start();
        inSecondCall.await();
        worker.interrupt();
        worker.join();

        VoxprintException e = assertInstanceOf(VoxprintException.class, ended.get());
        assertEquals("The work was cancelled.", e.getMessage());
        assertEquals(2, processed.get(), "no input after the cancelled one reached the model");
        assertTrue(prepared.get() <= 2 + 2 + 1, "at most the lookahead was decoded ahead: " + prepared.get());
    }
}
