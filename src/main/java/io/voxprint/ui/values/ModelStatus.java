package io.voxprint.ui.values;

/**
 * The model in use as the status bar shows it.
 *
 * @param name          e.g. "ECAPA2"
 * @param revision      where it comes from, e.g. "revision main @ 1a2b3c4" or "local file"
 * @param interfaceName the calling convention found by probing, e.g. "forward(audio, label)"
 */
public record ModelStatus(String name, String revision, String interfaceName) {
}
