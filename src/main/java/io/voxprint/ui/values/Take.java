package io.voxprint.ui.values;

import io.voxprint.audio.capture.CapturedAudio;
import java.nio.file.Path;

/** One piece of audio handed to a use case: recorded here, or a file the user chose or dropped. */
public sealed interface Take {
    /** A short label for lists, e.g. "Recording, 4.2 s" or "anna-1.flac". */
    String label();

    record Recorded(CapturedAudio audio) implements Take {
        @Override
        public String label() {
            return String.format(java.util.Locale.ROOT, "Recording, %.1f s", audio.durationSeconds());
        }
    }

    record Imported(Path file) implements Take {
        @Override
        public String label() {
            return String.valueOf(file.getFileName());
        }
    }
}
