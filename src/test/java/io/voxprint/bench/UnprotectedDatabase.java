package io.voxprint.bench;

import io.voxprint.app.keys.DesktopProtection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Creates a voiceprint database whose first-start question was answered "no protection", so that a
 * benchmark can start the real desktop without a dialog (bench/app/launch.sh).
 *
 * <pre>UnprotectedDatabase DATABASE.db</pre>
 */
public final class UnprotectedDatabase {
    private UnprotectedDatabase() {
    }

    public static void main(String[] args) throws Exception {
        Path db = Path.of(args[0]);
        Files.createDirectories(db.toAbsolutePath().getParent());
        try (DesktopProtection protection = new DesktopProtection(db, Map.of());
             var store = protection.choose(DesktopProtection.Choice.NONE, null)) {
            System.out.println("created " + db + " (" + protection.state() + ")");
        }
    }
}
