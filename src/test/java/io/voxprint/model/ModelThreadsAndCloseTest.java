package io.voxprint.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** One model used from many threads at once, and what happens after close. */
class ModelThreadsAndCloseTest {

    @Test
    void callsFromSeveralThreadsAtOnceGiveIdenticalResults() throws Exception {
        List<float[]> waves = Fixtures.WAVES.stream().map(Fixtures::wave).toList();
        try (Ecapa2Model model = Ecapa2Model.load(Fixtures.CURRENT)) {
            List<float[]> expected = waves.stream().map(model::embed).toList();
            List<FeatureMap> expectedPool = waves.stream().map(w -> model.feature(w, "pool")).toList();

            int threads = 6;
            int rounds = 4;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> futures = new ArrayList<>();
            try {
                for (int t = 0; t < threads; t++) {
                    int offset = t;
                    futures.add(pool.submit((Callable<Void>) () -> {
                        start.await();
                        for (int r = 0; r < rounds; r++) {
                            int i = (offset + r) % waves.size();
                            assertArrayEquals(expected.get(i), model.embed(waves.get(i)));
                            assertArrayEquals(expectedPool.get(i).values(), model.feature(waves.get(i), "pool").values());
                        }
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> future : futures) {
                    future.get();
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void noCallIsAcceptedAfterClose() {
        float[] wave = Fixtures.wave("wave-1s-noise");
        Ecapa2Model model = Ecapa2Model.load(Fixtures.LEGACY);
        model.embed(wave);
        model.close();
        assertEquals("The model has been closed.", assertThrows(ModelException.class, () -> model.embed(wave)).getMessage());
        assertThrows(ModelException.class, () -> model.features(wave));
        assertThrows(ModelException.class, () -> model.feature(wave, "pool"));
        assertDoesNotThrow(model::close);
        assertEquals(ModelInterface.LEGACY, model.info().modelInterface());
    }
}
