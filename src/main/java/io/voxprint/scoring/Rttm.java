package io.voxprint.scoring;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * NIST RTTM, the exchange format of diarization: one line per segment,
 * {@code SPEAKER <file> <channel> <start> <duration> <NA> <NA> <name> <NA> <NA>}, times in seconds.
 * Lines of other types and {@code ;;} comments are skipped when reading.
 */
public final class Rttm {

    private Rttm() {
    }

    /** Segments by file id, in the order the file names them. */
    public static Map<String, List<SpeakerSegment>> read(Path file) {
        Map<String, List<SpeakerSegment>> out = new LinkedHashMap<>();
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                String[] f = line.strip().split("\\s+");
                if (f.length == 0 || f[0].isEmpty() || f[0].startsWith(";;") || !f[0].equals("SPEAKER")) {
                    continue;
                }
                if (f.length < 8) {
                    throw new ScoringException("Line " + number + " of the RTTM file '" + name
                            + "' has " + f.length + " fields; a SPEAKER line needs at least 8.");
                }
                double start = number(f[3], name, number);
                double duration = number(f[4], name, number);
                if (start < 0 || duration < 0) {
                    throw new ScoringException("Line " + number + " of the RTTM file '" + name
                            + "' has a negative start or duration.");
                }
                out.computeIfAbsent(f[1], k -> new ArrayList<>()).add(new SpeakerSegment(start, start + duration, f[7]));
            }
        } catch (java.nio.file.NoSuchFileException e) {
            throw new ScoringException("The RTTM file '" + name + "' does not exist.", e);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new ScoringException("The RTTM file '" + name + "' could not be read.", e);
        }
        return out;
    }

    /** One SPEAKER line (channel 1), times with millisecond precision. */
    public static String line(String fileId, SpeakerSegment s) {
        return String.format(Locale.ROOT, "SPEAKER %s 1 %.3f %.3f <NA> <NA> %s <NA> <NA>",
                fileId(fileId), s.start(), s.duration(), s.speaker().replaceAll("\\s+", "_"));
    }

    public static void write(Writer out, String fileId, List<SpeakerSegment> segments) throws IOException {
        for (SpeakerSegment s : segments) {
            out.write(line(fileId, s));
            out.write('\n');
        }
    }

    /** RTTM fields are separated by white space, so a file id cannot contain any. */
    public static String fileId(String name) {
        String id = name.replaceAll("\\s+", "_");
        return id.isEmpty() ? "audio" : id;
    }

    private static double number(String field, String name, int line) {
        try {
            double v = Double.parseDouble(field);
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // fall through to the sentence below
        }
        throw new ScoringException("Line " + line + " of the RTTM file '" + name + "' has '" + field
                + "' where a number of seconds belongs.");
    }
}
