package io.voxprint.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remembers what probing a model file found, so that a known file costs libtorch's load and nothing
 * else. Two kinds of small JSON records in one folder:
 * <ul>
 * <li>{@code facts-<sha256>.json}: the probe's {@link ModelFacts}, keyed by the file's contents;</li>
 * <li>{@code digest-<sha256 of the path>.json}: the file's sha256 by path, size and modification time,
 * so that a known file is not hashed again (hashing the real model's 109 MB costs about as much as
 * loading it).</li>
 * <li>{@code processor-<sha256 of the processor and libtorch>.json}: the oneDNN instruction set whose
 * convolutions {@link ConvolutionCheck} wants this machine's next processes to start with.</li>
 * <li>{@code speed-<sha256 of the processor and libtorch>.json}: the oneDNN instruction set that ran the
 * model's calls fastest when {@code voxprint model tune} timed them ({@link InstructionSetSpeed}).</li>
 * </ul>
 * A file whose size or modification time changed is hashed again, and new contents have no facts yet,
 * so they are probed: stale facts are never served. A record that cannot be read or makes no sense is
 * ignored and rewritten. The records are a cache: losing them costs one probe, nothing else.
 */
public final class FactStore {
    private static final Logger LOG = LoggerFactory.getLogger(FactStore.class);
    private static final int FORMAT = 1;
    /** System property naming the folder; the tests point it away from the user's home. */
    public static final String DIR_PROPERTY = "voxprint.cache.dir";

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path dir;

    private FactStore(Path dir) {
        this.dir = dir;
    }

    /** Records in {@code dir} (created on the first write). */
    public static FactStore in(Path dir) {
        return new FactStore(dir);
    }

    /**
     * The user's cache folder: {@code -Dvoxprint.cache.dir}, else {@code $XDG_CACHE_HOME/voxprint/models},
     * else {@code ~/.cache/voxprint/models}.
     */
    public static FactStore forUser(Map<String, String> env) {
        String property = System.getProperty(DIR_PROPERTY);
        if (property != null && !property.isBlank()) {
            return in(Path.of(property));
        }
        String xdg = env.get("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".cache");
        return in(base.resolve("voxprint").resolve("models"));
    }

    public Path dir() {
        return dir;
    }

    /** The remembered sha256 of {@code file} while its size and modification time are unchanged. */
    Optional<String> knownDigest(Path file, FileStamp stamp) {
        return readJson(digestRecord(file)).filter(node -> stamp.matches(node)
                && node.path("path").asText().equals(file.toAbsolutePath().toString()))
                .map(node -> node.path("sha256").asText())
                .filter(FactStore::isHexDigest);
    }

    void rememberDigest(Path file, FileStamp stamp, String sha256) {
        ObjectNode node = JSON.createObjectNode();
        node.put("format", FORMAT);
        node.put("path", file.toAbsolutePath().toString());
        stamp.writeTo(node);
        node.put("sha256", sha256);
        write(digestRecord(file), node);
    }

    /** The facts probed earlier for these contents; empty when none or when the record is damaged. */
    Optional<ModelFacts> facts(String sha256) {
        return readJson(factsRecord(sha256)).flatMap(node -> {
            try {
                if (node.path("format").asInt() != FORMAT || !sha256.equals(node.path("sha256").asText())) {
                    throw new IllegalArgumentException("format or digest does not match");
                }
                List<FeatureSpec> features = new ArrayList<>();
                for (JsonNode f : node.withArray("features")) {
                    ArrayNode shapeNode = (ArrayNode) f.get("shape");
                    long[] shape = new long[shapeNode.size()];
                    for (int i = 0; i < shape.length; i++) {
                        shape[i] = shapeNode.get(i).asLong();
                    }
                    features.add(new FeatureSpec(f.get("label").asText(), shape));
                }
                ModelFacts facts = new ModelFacts(ModelInterface.valueOf(node.path("interface").asText()),
                        node.path("embeddingDimension").asInt(), features, node.path("minSamples").asInt());
                if (!facts.plausible()) {
                    throw new IllegalArgumentException("implausible values");
                }
                return Optional.of(facts);
            } catch (RuntimeException e) {
                LOG.info("Ignoring the damaged model record {}: {}", factsRecord(sha256), e.toString());
                return Optional.empty();
            }
        });
    }

    void remember(String sha256, ModelFacts facts) {
        ObjectNode node = JSON.createObjectNode();
        node.put("format", FORMAT);
        node.put("sha256", sha256);
        node.put("interface", facts.modelInterface().name());
        node.put("embeddingDimension", facts.embeddingDimension());
        node.put("minSamples", facts.minSamples());
        ArrayNode features = node.putArray("features");
        for (FeatureSpec f : facts.features()) {
            ObjectNode o = features.addObject();
            o.put("label", f.label());
            ArrayNode shape = o.putArray("shape");
            for (long d : f.shape()) {
                shape.add(d);
            }
        }
        write(factsRecord(sha256), node);
    }

    /** The instruction-set limit recorded for this processor and libtorch; empty when none or damaged. */
    Optional<String> processorLimit(ProcessorKey key) {
        return readFor(key, processorRecord(key))
                .map(node -> node.path("onednnMaxCpuIsa").asText(""))
                .filter(OneDnnInstructionLimit::isKnownLimit);
    }

    void rememberProcessorLimit(ProcessorKey key, String limit, String why) {
        ObjectNode node = recordFor(key);
        node.put("onednnMaxCpuIsa", limit);
        node.put("why", why);
        write(processorRecord(key), node);
    }

    /** The instruction set timed fastest on this processor and libtorch; empty when none or damaged. */
    Optional<String> fastestInstructionSet(ProcessorKey key) {
        return readFor(key, speedRecord(key))
                .map(node -> node.path("fastest").asText(""))
                .filter(InstructionSetSpeed::isCandidate);
    }

    void rememberFastestInstructionSet(ProcessorKey key, InstructionSetSpeed.Verdict verdict) {
        ObjectNode node = recordFor(key);
        node.put("fastest", verdict.fastest());
        ObjectNode medians = node.putObject("medianMillis");
        verdict.medianMillis().forEach(medians::put);
        node.put("modelSha256", verdict.modelSha256());
        write(speedRecord(key), node);
    }

    /** A processor record's body: its format and the processor and libtorch it was made on. */
    private static ObjectNode recordFor(ProcessorKey key) {
        ObjectNode node = JSON.createObjectNode();
        node.put("format", FORMAT);
        node.put("processor", key.description());
        return node;
    }

    /** A processor record, if it is in this format and was made on this processor and libtorch. */
    private static Optional<JsonNode> readFor(ProcessorKey key, Path record) {
        return readJson(record)
                .filter(node -> node.path("format").asInt() == FORMAT && key.description().equals(node.path("processor").asText()));
    }

    Path speedRecord(ProcessorKey key) {
        return dir.resolve("speed-" + key.digest() + ".json");
    }

    Path processorRecord(ProcessorKey key) {
        return dir.resolve("processor-" + key.digest() + ".json");
    }

    Path factsRecord(String sha256) {
        return dir.resolve("facts-" + sha256 + ".json");
    }

    Path digestRecord(Path file) {
        return dir.resolve("digest-" + Sha256.ofText(file.toAbsolutePath().toString()) + ".json");
    }

    private static Optional<JsonNode> readJson(Path record) {
        if (!Files.isRegularFile(record)) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(Files.readString(record, StandardCharsets.UTF_8));
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            LOG.info("Ignoring the unreadable model record {}: {}", record, e.toString());
            return Optional.empty();
        }
    }

    /** Atomic replace; a cache that cannot be written only costs a probe next time, so failures are logged. */
    private void write(Path record, JsonNode node) {
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, record.getFileName().toString(), ".tmp");
            try {
                Files.writeString(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node),
                        StandardCharsets.UTF_8);
                try {
                    Files.move(tmp, record, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, record, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not write the model record {}: {}", record, e.toString());
        }
    }

    private static boolean isHexDigest(String s) {
        return s.length() == 64 && s.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
    }

    /** Size, modification time and (where the file system has one) file key of a model file. */
    record FileStamp(long size, String modified, String fileKey) {

        static FileStamp of(Path file) {
            try {
                BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
                return new FileStamp(a.size(), a.lastModifiedTime().toInstant().toString(),
                        a.fileKey() == null ? "" : a.fileKey().toString());
            } catch (IOException e) {
                throw new ModelException("The model file " + file + " could not be read: " + e.getMessage() + ".", e);
            }
        }

        boolean matches(JsonNode node) {
            return node.path("size").asLong(-1) == size && modified.equals(node.path("modified").asText())
                    && fileKey.equals(node.path("fileKey").asText());
        }

        void writeTo(ObjectNode node) {
            node.put("size", size);
            node.put("modified", modified);
            node.put("fileKey", fileKey);
        }
    }
}
