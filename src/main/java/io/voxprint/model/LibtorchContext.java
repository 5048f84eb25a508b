package io.voxprint.model;

import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Switches on libtorch's global context ({@code at::globalContext()}) that DJL offers no setter for,
 * called through JNA on the very {@code libtorch_cpu.so} DJL loaded. The symbol names carry the
 * signature, so a libtorch without them fails with {@link UnsatisfiedLinkError} instead of misbehaving.
 */
final class LibtorchContext {
    private static final String LIBRARY = "libtorch_cpu.so";

    private LibtorchContext() {
    }

    /** Calls the {@code void at::Context::setter(bool)} whose mangled name is given; the engine must have started. */
    static void set(String mangledSetter, boolean value) {
        NativeLibrary torch = NativeLibrary.getInstance(loadedPath());
        Pointer context = (Pointer) torch.getFunction("_ZN2at13globalContextEv").invoke(Pointer.class, new Object[0]);
        torch.getFunction(mangledSetter).invokeVoid(new Object[] {context, (byte) (value ? 1 : 0)});
    }

    /** Writes an exported {@code int} of one of libtorch's libraries (such as {@code libc10.so}) that DJL loaded. */
    static void setInt(String library, String variable, int value) {
        NativeLibrary.getInstance(loadedPath(library)).getGlobalVariableAddress(variable).setInt(0, value);
    }

    private static String loadedPath() {
        return loadedPath(LIBRARY);
    }

    /** The file DJL loaded, so that JNA gets the same library and not another copy. */
    private static String loadedPath(String library) {
        try (Stream<String> maps = Files.lines(Path.of("/proc/self/maps"))) {
            return maps.filter(line -> line.endsWith("/" + library))
                    .map(line -> line.substring(line.indexOf('/')))
                    .findFirst()
                    .orElse(library);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
