package io.voxprint.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One JSON file per model under the data folder; written atomically (temp file, then move). */
final class CalibrationFile {
    private static final Logger LOG = LoggerFactory.getLogger(CalibrationFile.class);
    private final Path folder;
    private final ObjectMapper json = new ObjectMapper();

    CalibrationFile(Path dataDir) {
        this.folder = dataDir.resolve("calibration");
    }

    Optional<Calibration> read(String modelSha256) {
        Path file = folder.resolve(modelSha256 + ".json");
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

    void write(Calibration calibration) {
        try {
            Files.createDirectories(folder);
            Path target = folder.resolve(calibration.modelSha256() + ".json");
            Path tmp = Files.createTempFile(folder, "calibration", ".tmp");
            try {
                json.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), calibration);
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new VoxprintException("Could not save the calibration in '" + folder + "': " + e.getMessage() + ".", e);
        }
    }
}
