package io.voxprint.app.core;

import io.voxprint.common.NamedExecutors;
import io.voxprint.common.UserMessage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Many inputs through a cheap stage and an expensive one at the speed of the hardware: one thread
 * prepares (decodes, resamples) the next inputs while the caller's thread runs the expensive stage
 * (the model) on the current one. The model itself uses every core for one call (libtorch's intra-op
 * threads), so one call at a time plus one decoder keeps the cores busy without oversubscribing them;
 * two calls in flight with one intra-op thread each is the alternative, compared in
 * docs/performance.md.
 *
 * <p>At most {@code lookahead} prepared inputs wait, which bounds memory. Results come back in input
 * order; a failure of one input is kept with that input and the others go on, so callers decide
 * whether one bad file stops the batch; a failure that concerns every input (the model cannot be
 * loaded) is thrown as a {@link Stop} and ends the run with its cause. Progress counts finished inputs.
 *
 * <p>Two ways to cancel. A {@code progress} that throws (the desktop's, once its task is cancelled)
 * ends the run after the file just finished. Interrupting the calling thread ends it
 * with "The work was cancelled." before the next input, or at once while it waits for a decode or a
 * model call (a native call under way ends on the model's own thread), and the decoder thread is
 * interrupted too. Nothing in here changes a result: the same
 * stages run on the same inputs as a plain loop would, in the same order, one model call at a time.
 */
public final class FilePipeline {
    /** Two waiting inputs: enough to hide a slow decode behind a model call, little memory. */
    public static final int DEFAULT_LOOKAHEAD = 2;

    /** One input's result, or the failure that stopped it. */
    public record Outcome<I, R>(I input, R result, RuntimeException failure) {
        public boolean ok() {
            return failure == null;
        }

        /** The result, or the input's failure thrown. */
        public R get() {
            if (failure != null) {
                throw failure;
            }
            return result;
        }
    }

    /** Thrown by a stage to end the whole run; {@link #run} throws the cause. */
    public static final class Stop extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Stop(RuntimeException cause) {
            super(cause.getMessage(), cause);
        }

        RuntimeException reason() {
            return (RuntimeException) getCause();
        }
    }

    private FilePipeline() {
    }

    public static <I, P, R> List<Outcome<I, R>> run(List<I> inputs, Function<I, P> prepare, Function<P, R> process,
            Progress progress) {
        return run(inputs, prepare, process, DEFAULT_LOOKAHEAD, progress);
    }

    public static <I, P, R> List<Outcome<I, R>> run(List<I> inputs, Function<I, P> prepare, Function<P, R> process,
            int lookahead, Progress progress) {
        List<Outcome<I, R>> outcomes = new ArrayList<>(inputs.size());
        ExecutorService decoder = NamedExecutors.single("voxprint-decode");
        try {
            Deque<Future<P>> prepared = new ArrayDeque<>();
            int submitted = 0;
            for (int i = 0; i < inputs.size(); i++) {
                requireNotCancelled();
                while (submitted < inputs.size() && submitted <= i + lookahead) {
                    I next = inputs.get(submitted++);
                    prepared.add(decoder.submit(() -> prepare.apply(next)));
                }
                I input = inputs.get(i);
                Outcome<I, R> outcome = processOne(input, prepared.poll(), process);
                // a model call cut short by the cancel is the cancel, not a failure of that file
                requireNotCancelled();
                outcomes.add(outcome);
                progress.update(i + 1, inputs.size(), String.valueOf(input));
            }
            return outcomes;
        } finally {
            decoder.shutdownNow();
        }
    }

    private static void requireNotCancelled() {
        if (Thread.currentThread().isInterrupted()) {
            throw cancelled();
        }
    }

    private static VoxprintException cancelled() {
        return new VoxprintException("The work was cancelled.");
    }

    private static <I, P, R> Outcome<I, R> processOne(I input, Future<P> prepared, Function<P, R> process) {
        try {
            return new Outcome<>(input, process.apply(prepared.get()), null);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Stop stop) {
                throw stop.reason();
            }
            return new Outcome<>(input, null, cause instanceof RuntimeException r ? r
                    : new VoxprintException(UserMessage.of(cause), cause));
        } catch (Stop stop) {
            throw stop.reason();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw cancelled();
        } catch (RuntimeException e) {
            return new Outcome<>(input, null, e);
        }
    }
}
