package io.voxprint.model;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HexFormat;

/** A model file's SHA-256 ({@link io.voxprint.common.Sha256}), with a failure to read it as one sentence. */
public final class Sha256 {
    private Sha256() {
    }

    public static String ofFile(Path file) {
        try {
            return io.voxprint.common.Sha256.ofFile(file);
        } catch (NoSuchFileException e) {
            throw new ModelException("The file " + file + " does not exist.", e);
        } catch (IOException e) {
            throw new ModelException("The file " + file + " could not be read: " + e.getMessage() + ".", e);
        }
    }

    /** The digest of a string's UTF-8 bytes. */
    public static String ofText(String text) {
        return HexFormat.of().formatHex(io.voxprint.common.Sha256.newDigest().digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

}
