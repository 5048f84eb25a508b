package io.voxprint.app.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.voxprint.model.InstructionSetSpeed;
import io.voxprint.model.ModelException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code voxprint model tune} and the desktop's "Time the model on this processor": times the model's
 * calls under each oneDNN instruction set worth trying ({@link InstructionSetSpeed}), then keeps the
 * fastest. oneDNN reads its limit once per process, so each instruction set has a Java process of its
 * own, started from this one's runtime and class path ({@code voxprint model time-calls}); all of them
 * load the model first, then time one call each in turn, cued over their stdin, the order reversed
 * every turn (A B B A A B...). Calls that alternate this closely meet the same load: with each
 * instruction set timed in processes of its own one after the other, a busy spell on a shared host
 * once made every AVX2 call slower than usual and the tuning chose the slower set. A process's standard
 * error goes to a file, shown in the log when it fails.
 */
public final class InstructionSetTuning {
    private static final Logger LOG = LoggerFactory.getLogger(InstructionSetTuning.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Timed calls per instruction set (calls times rounds), unless the caller says otherwise. */
    public static final int DEFAULT_CALLS = 3;
    public static final int DEFAULT_ROUNDS = 2;
    /** How long a process may take to load the model or to make one call. */
    private static final long PATIENCE_MILLIS = TimeUnit.MINUTES.toMillis(10);
    /** What a trial's reader queues when the process's output ends. */
    private static final String ENDED = "";

    /** The jar's entry point, named rather than referenced: the application layer does not reach above itself. */
    private static final String MAIN_CLASS = "io.voxprint.Main";

    private final Path model;
    private final Map<String, String> env;
    private final int calls;

    /** Told as the processes load and before each timed call; asked while waiting for them whether to stop. */
    public interface Steps {
        /** Before the {@code done}-th of {@code total} timed calls, the one under {@code isa}. */
        void starting(String isa, int done, int total);

        /** Before the processes load the model, one per instruction set. */
        default void loading(List<String> isas) {
        }

        /** What {@link #loading} tells a person. */
        static String describeLoading(List<String> isas) {
            return "Loading the model in " + isas.size() + " processes, one per instruction set (" + String.join(", ", isas) + ")...";
        }

        /** What {@link #starting} tells a person. */
        static String describe(String isa, int done, int total) {
            return "Timing the model under " + isa + " (" + done + " of " + total + ")...";
        }

        default boolean cancelled() {
            return false;
        }
    }

    /**
     * @param model the model file to time
     * @param env   the environment the processes start with (the user's own oneDNN limit taken out)
     * @param calls timed calls per instruction set and round, after one untimed
     */
    public InstructionSetTuning(Path model, Map<String, String> env, int calls) {
        this.model = model;
        this.env = env;
        this.calls = calls;
    }

    /**
     * What {@link #time} measured.
     *
     * @param millis each instruction set's timed calls, those whose convolutions were not oneDNN's left out
     * @param sha256 the model file the calls ran
     */
    public record Timings(Map<String, List<Double>> millis, String sha256) {
    }

    /**
     * What {@link #tune} found.
     *
     * @param timings every timed call
     * @param verdict the fastest and the medians; empty when no candidate used oneDNN's convolutions
     * @param record  the file the verdict was kept in; empty with the verdict
     */
    public record Outcome(Timings timings, Optional<InstructionSetSpeed.Verdict> verdict, Optional<Path> record) {
    }

    /** Times every candidate in turn, decides and keeps the verdict for later processes. */
    public Outcome tune(List<String> isas, int rounds, Steps steps) {
        Timings timings = time(isas, rounds, steps);
        if (timings.millis().isEmpty()) {
            return new Outcome(timings, Optional.empty(), Optional.empty());
        }
        InstructionSetSpeed.Verdict verdict = InstructionSetSpeed.decide(timings.millis(), timings.sha256());
        return new Outcome(timings, Optional.of(verdict), Optional.of(InstructionSetSpeed.remember(verdict)));
    }

    /** Every instruction set's calls, one call each in turn, {@code calls} times {@code rounds} calls each. */
    Timings time(List<String> isas, int rounds, Steps steps) {
        List<Trial> trials = new ArrayList<>();
        try {
            steps.loading(isas);
            for (String isa : isas) {
                trials.add(new Trial(isa));
            }
            String sha256 = "";
            List<Trial> timed = new ArrayList<>();
            for (Trial trial : trials) {
                JsonNode ready = trial.nextLine(steps);
                sha256 = ready.path("sha256").asText();
                String kernels = ready.path("convolutions").asText();
                if ("onednn".equals(kernels)) {
                    timed.add(trial);
                } else {
                    LOG.warn("Left out {}: oneDNN's convolutions were not used there ({})", trial.isa, kernels);
                    trial.close(); // its copy of the model is not needed for the others' calls
                }
            }
            List<Trial> backwards = new ArrayList<>(timed);
            Collections.reverse(backwards);
            Map<String, List<Double>> millis = new LinkedHashMap<>();
            timed.forEach(t -> millis.put(t.isa, new ArrayList<>()));
            int turns = calls * rounds;
            int done = 0;
            for (int turn = 0; turn < turns; turn++) {
                for (Trial trial : turn % 2 == 0 ? timed : backwards) {
                    steps.starting(trial.isa, ++done, turns * timed.size());
                    millis.get(trial.isa).add(trial.call(steps));
                }
            }
            return new Timings(millis, sha256);
        } catch (IOException e) {
            throw new ModelException("Could not start a process to time the model: " + e.getMessage() + ".", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelException("Timing the model was interrupted.", e);
        } finally {
            // a cancel, an interrupt or a failure here must not leave a process running the model
            trials.forEach(Trial::close);
        }
    }

    /** One instruction set's process: cued with one line per call, it answers one JSON line per call. */
    private final class Trial implements AutoCloseable {
        private final String isa;
        private final Path log;
        private final Process process;
        private final Writer cues;
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

        Trial(String isa) throws IOException {
            this.isa = isa;
            this.log = Files.createTempFile("voxprint-time-calls-", ".log");
            ProcessBuilder builder = new ProcessBuilder(command(isa)).redirectError(log.toFile());
            builder.environment().clear();
            builder.environment().putAll(env);
            // the user's own limit would override the child's; it still wins at run time
            InstructionSetSpeed.LIMIT_VARIABLES.forEach(builder.environment()::remove);
            this.process = builder.start();
            this.cues = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
            Thread reader = new Thread(this::read, "voxprint-time-calls-" + isa);
            reader.setDaemon(true);
            reader.start();
        }

        private void read() {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (line.startsWith("{")) {
                        lines.add(line);
                    }
                }
            } catch (IOException e) {
                LOG.debug("Stopped reading the {} trial", isa, e);
            } finally {
                lines.add(ENDED);
            }
        }

        /** Cues one call and returns its milliseconds. */
        double call(Steps steps) throws IOException, InterruptedException {
            try {
                cues.write("\n");
                cues.flush();
            } catch (IOException e) {
                // the process ended: nextLine says how
                LOG.debug("Could not cue the {} trial", isa, e);
            }
            return nextLine(steps).path("millis").asDouble();
        }

        /** The process's next result line; stops at a cancel, and says in one sentence when the process ended instead. */
        JsonNode nextLine(Steps steps) throws IOException, InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(PATIENCE_MILLIS);
            while (System.nanoTime() < deadline) {
                if (steps.cancelled()) {
                    throw new CancellationException("Timing the model was cancelled.");
                }
                String line = lines.poll(100, TimeUnit.MILLISECONDS);
                if (ENDED.equals(line)) {
                    lines.add(ENDED);
                    int code = process.waitFor();
                    LOG.warn("Timing the model under {} failed ({}): {}", isa, code, Files.readString(log));
                    throw new ModelException("Timing the model under " + isa + " failed; the log has the details.");
                }
                if (line != null) {
                    return JSON.readTree(line);
                }
            }
            LOG.warn("Timing the model under {} took over {} ms: {}", isa, PATIENCE_MILLIS, Files.readString(log));
            throw new ModelException("Timing the model under " + isa + " did not finish; the log has the details.");
        }

        @Override
        public void close() {
            try {
                cues.close();
            } catch (IOException e) {
                LOG.debug("Could not close the {} trial's input", isa, e);
            }
            stop(process);
            deleteQuietly(log);
        }
    }

    private List<String> command(String isa) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        // the settings this process was started with that decide where things are and how libtorch runs
        System.getProperties().stringPropertyNames().stream().sorted()
                .filter(k -> k.startsWith("voxprint.") || k.startsWith("ai.djl."))
                .filter(k -> !k.equals(InstructionSetSpeed.LIMIT_PROPERTY))
                .forEach(k -> command.add("-D" + k + "=" + System.getProperty(k)));
        command.add("-D" + InstructionSetSpeed.LIMIT_PROPERTY + "=" + isa);
        command.add(MAIN_CLASS);
        command.addAll(List.of("model", "time-calls", "--model", model.toString()));
        return command;
    }

    private static void stop(Process child) {
        if (child == null || !child.isAlive()) {
            return;
        }
        try {
            child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.debug("Could not delete {}", file, e);
            }
        }
    }
}
