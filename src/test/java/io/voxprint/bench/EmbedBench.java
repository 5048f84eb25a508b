package io.voxprint.bench;

import io.voxprint.audio.AudioLoader;
import io.voxprint.audio.PreparedAudio;
import io.voxprint.model.Ecapa2Model;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Java side of bench/embed/run.sh (a measurement, not a test): for each audio file, the time of
 * {@code AudioLoader.load} (decode, channel mean, resample to 16 kHz) and of {@code Ecapa2Model.embed},
 * median over N warm repetitions, plus the model's load and warm-up time in a fresh process and a
 * second load once the engine is running. Usage: EmbedBench MODEL N OUT_JSON AUDIO...
 */
public final class EmbedBench {

    private EmbedBench() {
    }

    public static void main(String[] args) throws Exception {
        Path modelFile = Path.of(args[0]);
        int repeats = Integer.parseInt(args[1]);
        Path out = Path.of(args[2]);
        AudioLoader loader = new AudioLoader();
        StringBuilder json = new StringBuilder("{");
        long t0 = System.nanoTime();
        Ecapa2Model first = Ecapa2Model.load(modelFile);
        double coldLoadMs = Stats.ms(t0);
        json.append(String.format(Locale.ROOT, "\"threads\": %s, \"cold_load_ms\": %.1f, \"cold_probe_ms\": %d,"
                        + " \"cold_probe_calls\": %d", System.getProperty("ai.djl.pytorch.num_threads"), coldLoadMs,
                first.info().loadTime().toMillis(), first.info().probeCalls()));
        first.close();
        t0 = System.nanoTime();
        try (Ecapa2Model model = Ecapa2Model.load(modelFile)) {
            json.append(String.format(Locale.ROOT, ", \"warm_engine_load_ms\": %.1f, \"files\": {", Stats.ms(t0)));
            for (int f = 3; f < args.length; f++) {
                Path audio = Path.of(args[f]);
                for (int w = 0; w < 3; w++) {
                    model.embed(loader.load(audio).samples());
                }
                double[] decode = new double[repeats];
                double[] embed = new double[repeats];
                double[] total = new double[repeats];
                float[] embedding = null;
                PreparedAudio prepared = null;
                for (int i = 0; i < repeats; i++) {
                    long a = System.nanoTime();
                    prepared = loader.load(audio);
                    long b = System.nanoTime();
                    embedding = model.embed(prepared.samples());
                    long c = System.nanoTime();
                    decode[i] = (b - a) / 1e6;
                    embed[i] = (c - b) / 1e6;
                    total[i] = (c - a) / 1e6;
                }
                System.out.printf(Locale.ROOT, "java    %-28s decode+resample %7.2f ms  embed %8.2f ms  total %8.2f ms%n",
                        audio.getFileName(), Stats.median(decode), Stats.median(embed), Stats.median(total));
                json.append(f == 3 ? "" : ", ").append('"').append(audio.getFileName()).append("\": ")
                        .append(String.format(Locale.ROOT, "{\"decode_ms\": %.3f, \"embed_ms\": %.3f, \"total_ms\": %.3f,"
                                        + " \"seconds\": %.3f, \"embedding\": %s}", Stats.median(decode),
                                Stats.median(embed), Stats.median(total), prepared.seconds(), Stats.list(embedding)));
            }
        }
        json.append("}}");
        Files.writeString(out, json);
    }
}
