package io.voxprint.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Names this processor and this libtorch, for what {@link ConvolutionCheck} learned about their
 * convolutions: a home folder moved to another machine, or a newer libtorch, starts without that
 * knowledge. Read from {@code /proc/cpuinfo}'s first processor (vendor, family, model, stepping, name,
 * flags) and the PyTorch engine's own version record.
 */
record ProcessorKey(String description, String digest) {
    private static final List<String> FIELDS = List.of("vendor_id", "cpu family", "model", "stepping", "model name", "flags");

    static ProcessorKey ofThisMachine() {
        String cpu = cpuInfo(Path.of("/proc/cpuinfo"));
        String description = cpu + "; libtorch " + libtorchVersion();
        return new ProcessorKey(description, Sha256.ofText(description));
    }

    /** The named fields of the first processor listed, one "name: value" per line; empty when unreadable. */
    static String cpuInfo(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.takeWhile(line -> !line.isBlank())
                    .filter(line -> line.contains(":") && FIELDS.contains(line.substring(0, line.indexOf(':')).trim()))
                    .map(line -> line.substring(0, line.indexOf(':')).trim() + ": " + line.substring(line.indexOf(':') + 1).trim())
                    .collect(Collectors.joining("\n"));
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static String libtorchVersion() {
        try (InputStream in = ai.djl.pytorch.engine.PtEngine.class.getResourceAsStream("/pytorch-engine.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("pytorch_version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
