package io.voxprint.ui.common;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;

/**
 * Hands items on to a consumer on the FX thread, at most one per pulse: the first at once, each
 * further one once the pulse that laid out the one before has passed. Items handed on together
 * (several files imported at once) each make new nodes, and JavaFX styles and lays out all of them in
 * the next pulse; with the code still cold, three enrollment takes' rows made that pulse come 76 to
 * 136 ms after the one before on two cores (six runs of the desktop bench).
 */
public final class OnePerPulse<T> implements Consumer<T> {
    private final Consumer<? super T> target;
    private final Deque<T> waiting = new ArrayDeque<>();
    private boolean running;
    /** The pulse after a hand-on lays out what it made; the next item waits for the one after it. */
    private boolean pulseToSkip;
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            if (pulseToSkip) {
                pulseToSkip = false;
                return;
            }
            T next = waiting.poll();
            if (next == null) {
                stop();
                running = false;
                return;
            }
            handOn(next);
        }
    };

    public OnePerPulse(Consumer<? super T> target) {
        this.target = target;
    }

    /** On the FX thread. */
    @Override
    public void accept(T item) {
        if (running) {
            waiting.add(item);
            return;
        }
        running = true;
        timer.start();
        handOn(item);
    }

    private void handOn(T item) {
        pulseToSkip = true;
        target.accept(item);
    }
}
