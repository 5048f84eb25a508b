package io.voxprint.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs the CLI in-process with its own environment and captures exit code, stdout and stderr. */
public final class CliRun {
    public static final Path RESOURCES = Path.of(System.getProperty("voxprint.test.resources", "src/test/resources"));
    public static final Path FIXTURE_MODEL = RESOURCES.resolve("model/ecapa2-fixture.pt");
    public static final Path E2E = RESOURCES.resolve("e2e");
    private static final ObjectMapper JSON = new ObjectMapper();

    public final int exitCode;
    public final String out;
    public final String err;

    private CliRun(int exitCode, String out, String err) {
        this.exitCode = exitCode;
        this.out = out;
        this.err = err;
    }

    /** A user of {@code home}: database, model cache and settings there, the hub offline. */
    public static Map<String, String> env(Path home) {
        Map<String, String> env = new HashMap<>();
        env.put("HOME", home.toString());
        env.put("VOXPRINT_DB", home.resolve("voxprint.db").toString());
        env.put("HF_HOME", home.resolve("hf").toString());
        env.put("HF_HUB_OFFLINE", "1");
        return env;
    }

    public static CliRun run(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = VoxprintCli.run(env, o, e, args);
        }
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    public List<JsonNode> lines() {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (!line.isBlank()) {
                try {
                    nodes.add(JSON.readTree(line));
                } catch (Exception e) {
                    throw new AssertionError("stdout line is not JSON: " + line, e);
                }
            }
        }
        return nodes;
    }

    public JsonNode single() {
        List<JsonNode> l = lines();
        if (l.size() != 1) {
            throw new AssertionError("expected one JSON line, got " + l.size() + ": " + out + "\nstderr: " + err);
        }
        return l.get(0);
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\nstdout: " + out + "\nstderr: " + err;
    }
}
