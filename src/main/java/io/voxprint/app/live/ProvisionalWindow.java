package io.voxprint.app.live;

/**
 * How much of the end of a recording the next provisional score looks at: {@link #MAX_SECONDS} while
 * the model keeps up, less when it does not, so that provisional scores still come about every two
 * seconds on a slow processor. With ECAPA2's weight on two cores whose oneDNN had to be held to
 * SSE4.1, a call on 3 s took about 5 s, and a 10 s take got a single provisional score. The next
 * window is sized from the last call's model time per second of audio to fit {@link #BUDGET_SECONDS},
 * never below {@link #MIN_SECONDS}; calls run one at a time, so the last one is the best guide.
 */
final class ProvisionalWindow {
    static final double MAX_SECONDS = 3.0;
    static final double MIN_SECONDS = 1.0;
    /** A call's share of the two seconds between provisional scores; the rest is for decoding and the screen. */
    static final double BUDGET_SECONDS = 1.5;

    /** Seconds of model time per second of audio in the last call; 0 before the first. */
    private double modelSecondsPerAudioSecond;

    synchronized double seconds() {
        if (modelSecondsPerAudioSecond <= 0) {
            return MAX_SECONDS;
        }
        return Math.max(MIN_SECONDS, Math.min(MAX_SECONDS, BUDGET_SECONDS / modelSecondsPerAudioSecond));
    }

    synchronized void record(double audioSeconds, long modelNanos) {
        if (audioSeconds > 0 && modelNanos > 0) {
            modelSecondsPerAudioSecond = modelNanos / 1e9 / audioSeconds;
        }
    }
}
