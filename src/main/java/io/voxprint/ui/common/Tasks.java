package io.voxprint.ui.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.StringProperty;

/**
 * The one way to run background work from the UI:
 * <pre>
 * Tasks.create(p -> actions.verify(id, take, p))
 *      .onSuccess(vm::showOutcome)
 *      .onError(VerificationException.class, e -> vm.decision.set(e.getMessage()))
 *      .andFinally(() -> vm.busy.set(false))
 *      .bindProgress(vm.progress).bindMessage(vm.status).bindRunning(vm.busy)
 *      .runOn(runner);
 * </pre>
 * Error handlers are tried in the order given, first matching type wins; an error nobody handles
 * goes to the fallback (by default the {@link DialogService} of the runner, else the log).
 * Callbacks run on the FX thread with {@link FxTaskRunner}.
 */
public final class Tasks {

    private Tasks() {
    }

    public static <T> Builder<T> create(Work<T> work) {
        return new Builder<>(work);
    }

    /** Work without a result. */
    public static Builder<Void> run(ThrowingRunnable work) {
        return new Builder<>(p -> {
            work.run(p);
            return null;
        });
    }

    @FunctionalInterface
    public interface ThrowingRunnable {
        void run(Progress progress) throws Exception;
    }

    record ErrorHandler<E extends Throwable>(Class<E> type, Consumer<? super E> handler) {
        boolean handle(Throwable t) {
            if (type.isInstance(t)) {
                handler.accept(type.cast(t));
                return true;
            }
            return false;
        }
    }

    /** Everything a runner needs to execute one job; built by {@link Builder}. */
    public static final class Job<T> {
        final Work<T> work;
        final Consumer<? super T> onSuccess;
        final List<ErrorHandler<?>> errorHandlers;
        final Runnable onFinally;
        final DoubleProperty progress;
        final StringProperty message;
        final BooleanProperty running;

        private Job(Builder<T> b) {
            this.work = b.work;
            this.onSuccess = b.onSuccess;
            this.errorHandlers = List.copyOf(b.errorHandlers);
            this.onFinally = b.onFinally;
            this.progress = b.progress;
            this.message = b.message;
            this.running = b.running;
        }

        /** Runs the error handlers; false when none matched. */
        boolean dispatchError(Throwable error) {
            for (ErrorHandler<?> h : errorHandlers) {
                if (h.handle(error)) {
                    return true; // the runner logged it already
                }
            }
            return false;
        }

        void succeed(T value) {
            onSuccess.accept(value);
        }

        void runFinally() {
            try {
                onFinally.run();
            } finally {
                if (running != null) {
                    running.set(false);
                }
            }
        }
    }

    public static final class Builder<T> {
        private final Work<T> work;
        private Consumer<? super T> onSuccess = v -> { };
        private final List<ErrorHandler<?>> errorHandlers = new ArrayList<>();
        private Runnable onFinally = () -> { };
        private DoubleProperty progress;
        private StringProperty message;
        private BooleanProperty running;

        private Builder(Work<T> work) {
            this.work = Objects.requireNonNull(work);
        }

        public Builder<T> onSuccess(Consumer<? super T> handler) {
            this.onSuccess = Objects.requireNonNull(handler);
            return this;
        }

        public <E extends Throwable> Builder<T> onError(Class<E> type, Consumer<? super E> handler) {
            errorHandlers.add(new ErrorHandler<>(type, handler));
            return this;
        }

        public Builder<T> andFinally(Runnable handler) {
            this.onFinally = Objects.requireNonNull(handler);
            return this;
        }

        public Builder<T> bindProgress(DoubleProperty target) {
            this.progress = target;
            return this;
        }

        public Builder<T> bindMessage(StringProperty target) {
            this.message = target;
            return this;
        }

        /** Set true while the job runs, false after its last callback. */
        public Builder<T> bindRunning(BooleanProperty target) {
            this.running = target;
            return this;
        }

        public Job<T> build() {
            return new Job<>(this);
        }

        public Cancellable runOn(TaskRunner runner) {
            return runner.submit(build());
        }
    }
}
