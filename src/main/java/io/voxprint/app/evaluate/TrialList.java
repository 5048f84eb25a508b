package io.voxprint.app.evaluate;

import io.voxprint.app.core.VoxprintException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads trial lists in the VoxCeleb format; a bad line is reported with its number. */
public final class TrialList {
    private TrialList() {
    }

    public static List<Trial> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new VoxprintException("Could not read the trial list '" + file + "'.", e);
        }
        List<Trial> trials = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\\s+");
            if (f.length != 3 || !(f[0].equals("0") || f[0].equals("1"))) {
                throw new VoxprintException("Line " + (i + 1) + " of '" + file
                        + "' is not a trial ('1 enroll.wav test.wav' or '0 enroll.wav test.wav').");
            }
            trials.add(new Trial(f[0].equals("1"), f[1], f[2]));
        }
        if (trials.isEmpty()) {
            throw new VoxprintException("The trial list '" + file + "' holds no trials.");
        }
        return trials;
    }
}
