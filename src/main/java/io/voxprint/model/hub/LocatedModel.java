package io.voxprint.model.hub;

import java.nio.file.Path;

/**
 * Where the model file was found.
 *
 * @param source   "--model", "VOXPRINT_MODEL", "settings", "hub cache" or "hub download"
 * @param revision the Hub revision asked for; null for a file given directly
 * @param commit   the commit hash the file belongs to; null for a file given directly
 */
public record LocatedModel(Path file, String source, String revision, String commit) {
    public static final String EXPLICIT = "--model";
    public static final String ENVIRONMENT = "VOXPRINT_MODEL";
    public static final String SETTINGS = "settings";
    public static final String HUB_CACHE = "hub cache";
    public static final String HUB_DOWNLOAD = "hub download";
}
