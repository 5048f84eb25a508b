import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.LibUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Checks, inside an installed app image, that every native library the app needs loads from the
 * install folder with the launcher's own options: libtorch through DJL, sqlite-jdbc's library and
 * JNA's. The smoke test runs it with the image's runtime, the options of the image's .cfg file, an
 * empty HOME and no network; it then checks that nothing was written to HOME, /tmp or the install.
 *
 * <p>Exit code 0 and one "OK ..." line per part when all is well, otherwise a message and exit 1.
 */
public final class InstallProbe {
    public static void main(String[] args) throws Exception {
        String torchOption = System.getProperty("PYTORCH_LIBRARY_PATH");
        expect(torchOption != null && Files.isDirectory(Paths.get(torchOption)),
                "the launcher options do not point PYTORCH_LIBRARY_PATH at a folder: " + torchOption);
        Path expectedTorch = Paths.get(torchOption).toRealPath();

        try (NDManager manager = NDManager.newBaseManager(Engine.getEngine("PyTorch").defaultDevice())) {
            NDArray x = manager.create(new float[] {1f, 2f, 3f, 4f}).reshape(2, 2);
            float[] product = x.matMul(x).toFloatArray();
            // [[1,2],[3,4]] squared is [[7,10],[15,22]]
            expect(product[0] == 7f && product[1] == 10f && product[2] == 15f && product[3] == 22f,
                    "libtorch computed a wrong matrix product");
        }
        Path torchDir = Paths.get(LibUtils.getLibtorchPath()).toRealPath();
        expect(torchDir.equals(expectedTorch), "libtorch was loaded from " + torchDir + ", not " + expectedTorch);
        System.out.println("OK pytorch " + Engine.getEngine("PyTorch").getVersion() + " from " + torchDir);

        try (Connection db = DriverManager.getConnection("jdbc:sqlite::memory:");
             Statement st = db.createStatement();
             ResultSet rs = st.executeQuery("select sqlite_version()")) {
            expect(rs.next(), "sqlite returned no version");
            System.out.println("OK sqlite " + rs.getString(1));
        }
        String loadedSqlite = mappedLibrary("libsqlitejdbc");
        expect(loadedSqlite.startsWith(System.getProperty("org.sqlite.lib.path")),
                "sqlite native library came from " + loadedSqlite);

        expect(com.sun.jna.Native.POINTER_SIZE == 8, "JNA did not load");
        String jnaDispatch = mappedLibrary("libjnidispatch");
        expect(jnaDispatch.startsWith(System.getProperty("jna.boot.library.path")),
                "JNA's native library came from " + jnaDispatch);
        System.out.println("OK jna from " + jnaDispatch);
    }

    /** The file a native library was mapped from, as the kernel reports it for this process. */
    private static String mappedLibrary(String prefix) throws Exception {
        return Files.readAllLines(Paths.get("/proc/self/maps")).stream()
                .map(line -> line.substring(line.indexOf('/') < 0 ? line.length() : line.indexOf('/')))
                .filter(path -> Paths.get(path.isEmpty() ? "/" : path).getFileName() != null)
                .filter(path -> Paths.get(path).getFileName().toString().startsWith(prefix))
                .findFirst()
                .orElse("(not mapped)");
    }

    private static void expect(boolean condition, String message) {
        if (!condition) {
            System.out.println("FAILED " + message);
            System.exit(1);
        }
    }

    private InstallProbe() {
    }
}
