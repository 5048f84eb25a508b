package io.voxprint.app.live;

import java.util.HashSet;
import java.util.Set;

/**
 * How much of the end of a recording the next provisional score looks at: {@link #MAX_SECONDS} while
 * the model keeps up, less when it does not, so that provisional scores still come about every two
 * seconds on a slow processor. With ECAPA2's weight on two cores whose oneDNN had to be held to
 * SSE4.1, a call on 3 s took about 5 s, and a 10 s take got a single provisional score. The next
 * window is sized from the model time per second of audio of the last call to fit
 * {@link #BUDGET_SECONDS}, never below {@link #MIN_SECONDS}; calls run one at a time, so the last one
 * is the best guide.
 *
 * <p>Every length is a whole number of {@link #STEP_SECONDS} steps, the audio so far rounded down
 * included: libtorch prepares its convolutions anew for each input length it meets, which made the
 * first call on a length up to a second slower (the stand-in: 2.5 s on a new 3 s length, 1.5 s on a
 * known one). So few lengths ever come up, and a call on a length not met before does not teach the
 * pace, since it paid that preparation once.
 */
final class ProvisionalWindow {
    static final double MAX_SECONDS = 3.0;
    static final double MIN_SECONDS = 1.0;
    /** A call's share of the two seconds between provisional scores; the rest is for decoding and the screen. */
    static final double BUDGET_SECONDS = 1.5;
    static final double STEP_SECONDS = 0.5;

    /** Seconds of model time per second of audio in the last call that teaches it; 0 before the first. */
    private double modelSecondsPerAudioSecond;
    /** The lengths called so far, in milliseconds. */
    private final Set<Long> lengthsMet = new HashSet<>();

    /** The longest window the model's pace allows, in steps. */
    synchronized double seconds() {
        if (modelSecondsPerAudioSecond <= 0) {
            return MAX_SECONDS;
        }
        return Math.max(MIN_SECONDS, Math.min(MAX_SECONDS, steps(BUDGET_SECONDS / modelSecondsPerAudioSecond)));
    }

    /** How much of {@code available} seconds of recording the next call looks at; under {@link #MIN_SECONDS}: too little yet. */
    synchronized double secondsOf(double available) {
        return Math.min(seconds(), steps(available));
    }

    synchronized void record(double audioSeconds, long modelNanos) {
        if (audioSeconds <= 0 || modelNanos <= 0) {
            return;
        }
        boolean met = !lengthsMet.add(Math.round(audioSeconds * 1000));
        if (met || modelSecondsPerAudioSecond <= 0) {
            modelSecondsPerAudioSecond = modelNanos / 1e9 / audioSeconds;
        }
    }

    private static double steps(double seconds) {
        return Math.floor(seconds / STEP_SECONDS + 1e-9) * STEP_SECONDS;
    }
}
