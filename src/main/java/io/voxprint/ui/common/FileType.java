package io.voxprint.ui.common;

import java.util.List;

/** A filter for file choosers, e.g. "Audio files" with "*.wav", "*.flac". */
public record FileType(String description, List<String> patterns) {
    public static final FileType AUDIO = new FileType("Audio files", List.of("*.wav", "*.flac", "*.ogg", "*.mp3"));
    public static final FileType PNG = new FileType("PNG images", List.of("*.png"));
    public static final FileType CSV = new FileType("CSV tables", List.of("*.csv"));
    public static final FileType MODEL = new FileType("TorchScript models", List.of("*.pt"));
    public static final FileType SPEAKER_ARCHIVE = new FileType("Voxprint speaker files", List.of("*.json", "*.zip"));
    public static final FileType ANY = new FileType("All files", List.of("*"));
}
