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
        window.record(3.0, 6 * SECOND); // two per second: 0.75 s would fit, a second is the least
        assertEquals(1.0, window.seconds());
        window.record(3.0, SECOND / 4); // the machine is free again
        assertEquals(3.0, window.seconds());
    }

    @Test
    void windowsComeInHalfSecondStepsSoThatTheModelMeetsFewLengths() {
        ProvisionalWindow window = new ProvisionalWindow();
        window.record(2.0, 1_100_000_000L); // 0.55 s per second: 2.73 s would fit
        assertEquals(2.5, window.seconds(), 1e-12);
        window.record(2.0, 1_160_000_000L); // 0.58 s per second: 2.59 s would fit
        assertEquals(2.5, window.seconds(), 1e-12, "the same length as before, not a few samples less");
        window.record(2.0, 1_600_000_000L); // 0.8 s per second: 1.875 s would fit
        assertEquals(1.5, window.seconds(), 1e-12);
    }

    @Test
    void theAudioSoFarIsRoundedDownToAStepToo() {
        ProvisionalWindow window = new ProvisionalWindow();
        assertEquals(0.5, window.secondsOf(0.98), 1e-12, "under a second: too little yet, for the caller");
        assertEquals(1.0, window.secondsOf(1.02), 1e-12);
        assertEquals(2.0, window.secondsOf(2.31), 1e-12);
        assertEquals(3.0, window.secondsOf(7.77), 1e-12, "the window, once there is more");
    }

    @Test
    void aFirstCallOnANewLengthDoesNotTeachThePace() {
        ProvisionalWindow window = new ProvisionalWindow();
        window.record(2.0, SECOND); // the first estimate is taken whatever it cost: half a second per second
        assertEquals(3.0, window.seconds());
        window.record(3.0, 2_550_000_000L); // 3 s met for the first time: 0.85 s per second, preparation included
        assertEquals(3.0, window.seconds(), "a one-off cost of the new length");
        window.record(3.0, 2_550_000_000L); // the same length again, still that slow: the machine is busy
        assertEquals(1.5, window.seconds(), 1e-12);
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
