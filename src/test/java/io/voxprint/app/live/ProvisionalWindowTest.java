package io.voxprint.app.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The provisional window from the model time of the last call: full while it keeps up, shorter when not, never under a second. */
class ProvisionalWindowTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void theWindowFitsTheLastCallsPaceIntoTheBudget() {
        ProvisionalWindow window = new ProvisionalWindow();
        assertEquals(3.0, window.seconds(), "before any call: the full window");
        window.record(3.0, SECOND); // a third of a second per second of audio: 4.5 s would fit, 3 is the most
        assertEquals(3.0, window.seconds());
        window.record(3.0, 3 * SECOND); // one second per second: 1.5 s fits the budget
        assertEquals(1.5, window.seconds(), 1e-12);
        window.record(1.5, 3 * SECOND); // two per second: 0.75 s would fit, a second is the least
        assertEquals(1.0, window.seconds());
        window.record(1.0, SECOND / 4); // the machine is free again
        assertEquals(3.0, window.seconds());
    }

    @Test
    void aCallWithoutAudioOrTimeTeachesNothing() {
        ProvisionalWindow window = new ProvisionalWindow();
        window.record(3.0, 3 * SECOND);
        window.record(0, 5 * SECOND);
        window.record(3.0, 0);
        assertEquals(1.5, window.seconds(), 1e-12);
    }
}
