package io.voxprint.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;

/**
 * A real small file system (a tmpfs of a few megabytes mounted on a temp folder), where writes fail
 * with ENOSPC exactly as on a full disk. Mounting needs root; elsewhere {@link #mount} is empty and
 * the caller uses its simulated full disk instead.
 */
final class SmallDisk implements AutoCloseable {
    private final Path root;

    private SmallDisk(Path root) {
        this.root = root;
    }

    static Optional<SmallDisk> mount(Path folder, int megabytes) {
        try {
            Files.createDirectories(folder);
            if (run("mount", "-t", "tmpfs", "-o", "size=" + megabytes + "m,mode=0700", "tmpfs", folder.toString()) != 0) {
                return Optional.empty();
            }
            return Optional.of(new SmallDisk(folder));
        } catch (IOException e) {
            LoggerFactory.getLogger(SmallDisk.class).info("no tmpfs: {}", e.toString());
            return Optional.empty();
        }
    }

    Path root() {
        return root;
    }

    /** Fills the disk with one file until a write fails, leaving {@code keepBytes} free; returns the file. */
    Path fill(long keepBytes) throws IOException {
        Path filler = root.resolve("filler");
        long free = Files.getFileStore(root).getUsableSpace();
        try (var out = Files.newOutputStream(filler)) {
            byte[] block = new byte[4096];
            for (long left = free - keepBytes; left > 0; left -= block.length) {
                out.write(block, 0, (int) Math.min(block.length, left));
            }
        }
        return filler;
    }

    @Override
    public void close() {
        try {
            run("umount", root.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int run(String... command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return -1;
            }
            String out = new String(p.getInputStream().readAllBytes());
            if (p.exitValue() != 0) {
                LoggerFactory.getLogger(SmallDisk.class).info("{} failed: {}", String.join(" ", command), out.strip());
            }
            return p.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
