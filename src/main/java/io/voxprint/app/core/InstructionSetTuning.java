package io.voxprint.app.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.voxprint.model.InstructionSetSpeed;
import io.voxprint.model.ModelException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code voxprint model tune} and the desktop's "Time the model on this processor": times the model's
 * calls under each oneDNN instruction set worth trying ({@link InstructionSetSpeed}), each in a Java
 * process of its own started from this one's runtime and class path (oneDNN reads its limit once per
 * process, so a process can only time the limit it started with), then keeps the fastest. The child is
 * {@code voxprint model time-calls} and prints one JSON line; its standard error goes to a file, shown
 * in the log when it fails.
 */
public final class InstructionSetTuning {
    private static final Logger LOG = LoggerFactory.getLogger(InstructionSetTuning.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Timed calls per process and processes per instruction set, unless the caller says otherwise. */
    public static final int DEFAULT_CALLS = 3;
    public static final int DEFAULT_ROUNDS = 2;

    /** The jar's entry point, named rather than referenced: the application layer does not reach above itself. */
    private static final String MAIN_CLASS = "io.voxprint.Main";

    private final Path model;
    private final Map<String, String> env;
    private final int calls;

    /** Told before each process starts; asked between and during them whether to stop. */
    public interface Steps {
        void starting(String isa, int done, int total);

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
     * @param calls timed calls per process, after one untimed
     */
    public InstructionSetTuning(Path model, Map<String, String> env, int calls) {
        this.model = model;
        this.env = env;
        this.calls = calls;
    }

    /**
     * What {@link #inTurn} measured.
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
        Timings timings = inTurn(isas, rounds, steps);
        if (timings.millis().isEmpty()) {
            return new Outcome(timings, Optional.empty(), Optional.empty());
        }
        InstructionSetSpeed.Verdict verdict = InstructionSetSpeed.decide(timings.millis(), timings.sha256());
        return new Outcome(timings, Optional.of(verdict), Optional.of(InstructionSetSpeed.remember(verdict)));
    }

    /** Each instruction set {@code rounds} times, taken in turn so that a change of load hits all alike. */
    private Timings inTurn(List<String> isas, int rounds, Steps steps) {
        Map<String, List<Double>> millis = new LinkedHashMap<>();
        String sha256 = "";
        int done = 0;
        for (int round = 0; round < rounds; round++) {
            for (String isa : isas) {
                steps.starting(isa, ++done, rounds * isas.size());
                JsonNode result = time(isa, steps);
                sha256 = result.path("sha256").asText();
                String kernels = result.path("convolutions").asText();
                if (!"onednn".equals(kernels)) {
                    LOG.warn("Left out {}: oneDNN's convolutions were not used there ({})", isa, kernels);
                    continue;
                }
                result.withArray("millis").forEach(m -> millis.computeIfAbsent(isa, k -> new ArrayList<>()).add(m.asDouble()));
            }
        }
        return new Timings(millis, sha256);
    }

    /** The child's result line: {@code onednnMaxCpuIsa}, {@code convolutions}, {@code millis}, {@code sha256}. */
    JsonNode time(String isa, Steps steps) {
        Path log = null;
        Process child = null;
        try {
            log = Files.createTempFile("voxprint-time-calls-", ".log");
            ProcessBuilder builder = new ProcessBuilder(command(isa)).redirectError(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.PIPE);
            builder.environment().clear();
            builder.environment().putAll(env);
            // the user's own limit would override the child's; it still wins at run time
            InstructionSetSpeed.LIMIT_VARIABLES.forEach(builder.environment()::remove);
            child = builder.start();
            child.getOutputStream().close();
            // the one result line fits in the pipe: wait for the exit, and stop the child on a cancel
            while (!child.waitFor(100, TimeUnit.MILLISECONDS)) {
                if (steps.cancelled()) {
                    throw new CancellationException("Timing the model was cancelled.");
                }
            }
            String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int code = child.exitValue();
            String lastLine = out.lines().reduce((a, b) -> b).orElse("");
            if (code != 0 || !lastLine.startsWith("{")) {
                LOG.warn("Timing the model under {} failed ({}): {}", isa, code, Files.readString(log));
                throw new ModelException("Timing the model under " + isa + " failed; the log has the details.");
            }
            return JSON.readTree(lastLine);
        } catch (IOException e) {
            throw new ModelException("Could not start a process to time the model: " + e.getMessage() + ".", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelException("Timing the model was interrupted.", e);
        } finally {
            // a cancel, an interrupt or a failure here must not leave a process running the model
            stop(child);
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
        command.addAll(List.of("model", "time-calls", "--model", model.toString(), "--calls", String.valueOf(calls)));
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
