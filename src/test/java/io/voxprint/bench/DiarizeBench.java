package io.voxprint.bench;

import io.voxprint.app.diarize.DenseBaseline;
import io.voxprint.app.diarize.Diarization;
import io.voxprint.app.diarize.DiarizationListener;
import io.voxprint.app.diarize.DiarizationSettings;
import io.voxprint.app.diarize.Diarizer;
import io.voxprint.app.diarize.EnrolledVoices;
import io.voxprint.audio.AudioLoader;
import io.voxprint.model.Ecapa2Model;
import io.voxprint.scoring.Thresholds;
import io.voxprint.scoring.Vectors;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Java side of bench/diarize/run.sh (a measurement, not a test). Usage:
 * {@code DiarizeBench MODEL ENROLLMENT_TSV MODE AUDIO...} with MODE {@code both} (the engine and the
 * dense variant on each file, alternating, wall time of each against the recording's length) or
 * {@code engine} (the engine only, e.g. on an hour in -Xmx1g; reports the largest heap in use after
 * a collection). Model load and enrollment (the first 3 s of each take) are not timed.
 */
public final class DiarizeBench {

    private DiarizeBench() {
    }

    public static void main(String[] args) throws Exception {
        AudioLoader loader = new AudioLoader();
        try (Ecapa2Model model = Ecapa2Model.load(Path.of(args[0]))) {
            Map<String, List<float[]>> takes = new LinkedHashMap<>();
            List<String> lines = Files.readAllLines(Path.of(args[1]));
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split("\t");
                if (f[1].equals("yes")) {
                    // the first 3 s of each take: enrollment is not what is measured, and with the
                    // stand-in (random weights) longer takes would only cost time
                    float[] take = loader.load(Path.of(f[2])).samples();
                    take = java.util.Arrays.copyOf(take, Math.min(take.length, 3 * 16_000));
                    takes.computeIfAbsent(f[0], k -> new ArrayList<>()).add(model.embed(take));
                }
            }
            Map<String, float[]> models = new LinkedHashMap<>();
            takes.forEach((k, v) -> models.put(k, Vectors.normalizedMean(v)));
            EnrolledVoices voices = EnrolledVoices.cosine(models, Thresholds.DEFAULT_COSINE);
            Diarizer engine = new Diarizer(model::embed, voices, DiarizationSettings.defaults());
            DenseBaseline dense = new DenseBaseline(model::embed, voices);
            double audio = 0;
            double engineSeconds = 0;
            double denseSeconds = 0;
            for (int i = 3; i < args.length; i++) {
                Path file = Path.of(args[i]);
                long t0 = System.nanoTime();
                Diarization d = engine.run(file, DiarizationListener.NONE, () -> false);
                double te = (System.nanoTime() - t0) / 1e9;
                audio += d.seconds();
                engineSeconds += te;
                String line = String.format(Locale.ROOT, "%-18s %7.1f s audio  engine %7.1f s (%.2fx, %d calls, %.0f s embedded)",
                        file.getFileName(), d.seconds(), te, te / d.seconds(), d.modelCalls(), d.embeddedSeconds());
                if (args[2].equals("both")) {
                    long t1 = System.nanoTime();
                    Diarization p = dense.run(file.getFileName().toString(), loader.load(file).samples());
                    double td = (System.nanoTime() - t1) / 1e9;
                    denseSeconds += td;
                    line += String.format(Locale.ROOT, "  dense %7.1f s (%.2fx, %d calls, %.0f s embedded)", td,
                            td / p.seconds(), p.modelCalls(), p.embeddedSeconds());
                }
                System.out.println(line);
            }
            System.out.printf(Locale.ROOT, "total: %.1f s of audio; engine %.1f s = %.2fx the recording", audio, engineSeconds,
                    engineSeconds / audio);
            if (args[2].equals("both")) {
                System.out.printf(Locale.ROOT, "; dense %.1f s = %.2fx; engine / dense = %.2f", denseSeconds,
                        denseSeconds / audio, engineSeconds / denseSeconds);
            }
            System.out.println();
            long used = 0;
            long peak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    peak += pool.getPeakUsage().getUsed();
                    used += pool.getCollectionUsage() == null ? 0 : pool.getCollectionUsage().getUsed();
                }
            }
            System.out.printf(Locale.ROOT, "heap: limit %d MB, peak of the pools %d MB (garbage included),"
                    + " in use after the last collection %d MB%n", Runtime.getRuntime().maxMemory() >> 20, peak >> 20, used >> 20);
        }
    }
}
