package io.voxprint.app.core;

import io.voxprint.common.AtomicFiles;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One JSON file per model under the data folder, written whole or not at all ({@link AtomicFiles}). A
 * calibration read is kept until its file changes (another process may calibrate meanwhile), so a
 * decision costs one look at the file's modification time, not a parse.
 */
public final class CalibrationFile {
    private static final Logger LOG = LoggerFactory.getLogger(CalibrationFile.class);
    private final Path folder;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Read> kept = new HashMap<>();

    private record Read(Object stamp, Optional<Calibration> calibration) {
    }

    public CalibrationFile(Path dataDir) {
        this.folder = dataDir.resolve("calibration");
    }

    public synchronized Optional<Calibration> read(String modelSha256) {
        Path file = folder.resolve(modelSha256 + ".json");
        Object stamp = stamp(file);
        Read known = kept.get(modelSha256);
        if (known != null && known.stamp().equals(stamp)) {
            return known.calibration();
        }
        Optional<Calibration> read = parse(file);
        kept.put(modelSha256, new Read(stamp, read));
        return read;
    }

    private Optional<Calibration> parse(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(file.toFile(), Calibration.class));
        } catch (IOException e) {
            LOG.warn("Ignoring unreadable calibration file {}", file, e);
            return Optional.empty();
        }
    }

    /** Changes whenever the file is written, replaced or removed. */
    private static Object stamp(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return java.util.List.of(a.lastModifiedTime(), a.size(), String.valueOf(a.fileKey()));
        } catch (IOException e) {
            return "absent";
        }
    }

    public synchronized void write(Calibration calibration) {
        try {
            Files.createDirectories(folder);
            AtomicFiles.write(folder.resolve(calibration.modelSha256() + ".json"),
                    out -> json.writerWithDefaultPrettyPrinter().writeValue(out, calibration));
            kept.remove(calibration.modelSha256());
        } catch (IOException e) {
            throw new VoxprintException("Could not save the calibration in '" + folder + "': " + e.getMessage() + ".", e);
        }
    }
}
