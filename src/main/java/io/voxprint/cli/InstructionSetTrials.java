package io.voxprint.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.voxprint.model.ModelException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Times the model's calls under one oneDNN instruction set in a Java process of its own, started from
 * this one's runtime and class path: oneDNN reads its limit once per process, so a process can only
 * time the limit it started with. The child is {@code voxprint model time-calls} and prints one JSON
 * line; its standard error goes to a file, shown in the log when it fails.
 */
final class InstructionSetTrials {
    private static final Logger LOG = LoggerFactory.getLogger(InstructionSetTrials.class);
    /** The variables that would override the child's limit; a user's own limit still wins at run time. */
    private static final List<String> LIMIT_VARIABLES = List.of("ONEDNN_MAX_CPU_ISA", "DNNL_MAX_CPU_ISA");

    /** The jar's entry point, named rather than referenced: the command line does not reach above itself. */
    private static final String MAIN_CLASS = "io.voxprint.Main";

    private final Path model;
    private final Map<String, String> env;
    private final int calls;

    InstructionSetTrials(Path model, Map<String, String> env, int calls) {
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
    record Timings(Map<String, List<Double>> millis, String sha256) {
    }

    /** Each instruction set {@code rounds} times, taken in turn so that a change of load hits all alike. */
    Timings inTurn(List<String> isas, int rounds, PrintStream progress) {
        Map<String, List<Double>> millis = new LinkedHashMap<>();
        String sha256 = "";
        int done = 0;
        for (int round = 0; round < rounds; round++) {
            for (String isa : isas) {
                progress.printf("Timing the model under %s (%d of %d)...%n", isa, ++done, rounds * isas.size());
                JsonNode result = time(isa);
                sha256 = result.path("sha256").asText();
                String kernels = result.path("convolutions").asText();
                if (!"onednn".equals(kernels)) {
                    progress.println("Left out " + isa + ": oneDNN's convolutions were not used there (" + kernels + ").");
                    continue;
                }
                result.withArray("millis").forEach(m -> millis.computeIfAbsent(isa, k -> new ArrayList<>()).add(m.asDouble()));
            }
        }
        return new Timings(millis, sha256);
    }

    /** The child's result line: {@code onednnMaxCpuIsa}, {@code convolutions}, {@code millis}, {@code sha256}. */
    JsonNode time(String isa) {
        Path log = null;
        try {
            log = Files.createTempFile("voxprint-time-calls-", ".log");
            ProcessBuilder builder = new ProcessBuilder(command(isa)).redirectError(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.PIPE);
            builder.environment().clear();
            builder.environment().putAll(env);
            LIMIT_VARIABLES.forEach(builder.environment()::remove);
            Process child = builder.start();
            child.getOutputStream().close();
            String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int code = child.waitFor();
            String lastLine = out.lines().reduce((a, b) -> b).orElse("");
            if (code != 0 || !lastLine.startsWith("{")) {
                LOG.warn("Timing the model under {} failed ({}): {}", isa, code, Files.readString(log));
                throw new ModelException("Timing the model under " + isa + " failed; the log has the details.");
            }
            return Json.MAPPER.readTree(lastLine);
        } catch (IOException e) {
            throw new ModelException("Could not start a process to time the model: " + e.getMessage() + ".", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelException("Timing the model was interrupted.", e);
        } finally {
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
                .filter(k -> !k.equals("voxprint.onednn.maxCpuIsa"))
                .forEach(k -> command.add("-D" + k + "=" + System.getProperty(k)));
        command.add("-Dvoxprint.onednn.maxCpuIsa=" + isa);
        command.add(MAIN_CLASS);
        command.addAll(List.of("model", "time-calls", "--model", model.toString(), "--calls", String.valueOf(calls)));
        return command;
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
