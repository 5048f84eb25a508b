package io.voxprint.model;

import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns libtorch's NNPACK off, as {@code torch.backends.nnpack.set_flags(False)} does in Python.
 *
 * <p>On processors NNPACK does not know (an AMD EPYC of family 26 here) every convolution call tries to
 * start it again and libtorch writes "Could not initialize NNPACK! Reason: Unsupported hardware." to
 * standard error, many lines per model call, into the output of command-line runs. Where NNPACK works,
 * the convolutions libtorch would give it go to oneDNN instead. DJL has no setter for it, so
 * {@code at::Context::setUserEnabledNNPACK(false)} is called through JNA on libtorch's global context;
 * the symbol names carry the signature, so a libtorch without them leaves NNPACK as it is.
 */
final class NnpackSwitch {
    private static final Logger LOG = LoggerFactory.getLogger(NnpackSwitch.class);
    private static final String LIBRARY = "libtorch_cpu.so";
    private static boolean applied;

    private NnpackSwitch() {
    }

    /** Idempotent; runs after the engine has loaded libtorch. */
    static synchronized void disable() {
        if (applied) {
            return;
        }
        applied = true;
        try {
            NativeLibrary torch = NativeLibrary.getInstance(loadedPath());
            Pointer context = (Pointer) torch.getFunction("_ZN2at13globalContextEv").invoke(Pointer.class, new Object[0]);
            torch.getFunction("_ZN2at7Context20setUserEnabledNNPACKEb").invokeVoid(new Object[] {context, (byte) 0});
            LOG.debug("NNPACK disabled in libtorch");
        } catch (UnsatisfiedLinkError | IOException | RuntimeException e) {
            // only libtorch's own warnings on standard error depend on it
            LOG.info("Could not disable NNPACK in libtorch: {}", e.toString());
        }
    }

    /** The file DJL loaded, so that JNA gets the same library and not another copy. */
    private static String loadedPath() throws IOException {
        try (Stream<String> maps = Files.lines(Path.of("/proc/self/maps"))) {
            return maps.filter(line -> line.endsWith("/" + LIBRARY))
                    .map(line -> line.substring(line.indexOf('/')))
                    .findFirst()
                    .orElse(LIBRARY);
        }
    }
}
