package io.voxprint.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.voxprint.app.AppContext;
import io.voxprint.app.core.InstructionSetTuning;
import io.voxprint.app.core.ModelService;
import io.voxprint.model.ConvolutionCheck;
import io.voxprint.model.Ecapa2Model;
import io.voxprint.model.FeatureSpec;
import io.voxprint.model.InstructionSetSpeed;
import io.voxprint.model.ModelInfo;
import io.voxprint.model.hub.HubFile;
import io.voxprint.model.hub.LocatedModel;
import io.voxprint.model.hub.ModelLicense;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "model", description = "Get and inspect the ECAPA2 model.",
        subcommands = {ModelCommand.Info.class, ModelCommand.Download.class, ModelCommand.PathOf.class,
                ModelCommand.Tune.class, ModelCommand.TimeCalls.class})
final class ModelCommand extends CommandGroup {

    /** The model file in use, or empty after saying there is none. */
    static Optional<LocatedModel> locate(VoxprintCli root) {
        Optional<LocatedModel> where = new ModelService(root.config()).locate();
        if (where.isEmpty()) {
            root.err.println("voxprint: No ECAPA2 model is available yet; run 'voxprint model download' or pass --model FILE.");
        }
        return where;
    }

    /** Where the model file came from, told alike by {@code info} and {@code path}. */
    static ObjectNode origin(ObjectNode line, LocatedModel where) {
        return line.put("source", where.source()).put("revision", where.revision()).put("commit", where.commit());
    }

    @Command(name = "info", description = "Interface, labels and shapes the model answers, and where it comes from.")
    static final class Info extends GroupMember.WithApp<ModelCommand> {
        static final String NOT_TUNED = "voxprint: the model has not been timed on this processor yet; 'voxprint model tune' "
                + "(about half a minute) keeps the faster instruction set for every later start.";

        @Override
        int call(AppContext app) {
            ModelInfo info = app.models().info();
            LocatedModel where = app.models().source();
            var line = Json.object();
            line.put("file", info.file().toString());
            origin(line, where);
            line.put("size", info.sizeBytes());
            line.put("sha256", info.sha256());
            line.put("interface", info.modelInterface().name().toLowerCase(java.util.Locale.ROOT));
            line.put("embeddingDimension", info.embeddingDimension());
            line.put("minSeconds", info.minSeconds());
            var features = line.putArray("features");
            for (FeatureSpec f : info.features()) {
                var o = features.addObject();
                o.put("label", f.label());
                o.set("shape", Json.longs(f.shape()));
            }
            line.put("loadMillis", info.loadTime().toMillis());
            line.put("probeCalls", info.probeCalls());
            line.put("convolutions", ConvolutionCheck.kernels().name().toLowerCase(java.util.Locale.ROOT));
            line.put("onednnMaxCpuIsa", ConvolutionCheck.onednnLimit());
            line.put("onednnMaxCpuIsaFrom", ConvolutionCheck.onednnLimitOrigin().word());
            if (InstructionSetSpeed.worthTuning()) {
                root().err.println(NOT_TUNED);
            }
            return ok(line);
        }
    }

    @Command(name = "download", description = "Download ecapa2.pt from the Hugging Face Hub into the shared cache.")
    static final class Download extends GroupMember<ModelCommand> {
        @Override
        public Integer call() {
            VoxprintCli root = root();
            root.err.println(ModelLicense.TEXT);
            ModelService models = new ModelService(root.config());
            TerminalProgress progress = new TerminalProgress(root.err, "Downloading " + "ecapa2.pt",
                    TerminalProgress.Unit.BYTES);
            HubFile file = models.download(progress::update);
            progress.finish();
            var line = Json.object();
            line.put("path", file.path().toString());
            line.put("revision", file.revision());
            line.put("commit", file.commit());
            line.put("sha256", file.etag());
            line.put("size", file.size());
            line.put("downloaded", file.downloaded());
            return ok(line);
        }
    }

    @Command(name = "path", description = "Where the model file in use lives.")
    static final class PathOf extends GroupMember<ModelCommand> {
        @Override
        public Integer call() {
            Optional<LocatedModel> where = locate(root());
            if (where.isEmpty()) {
                return VoxprintCli.ERROR;
            }
            return ok(origin(Json.object().put("path", where.get().file().toString()), where.get()));
        }
    }

    @Command(name = "tune", description = {
            "Time the model's calls under each oneDNN instruction set this processor offers (each in a process"
                    + " of its own, their calls taken in turn) and keep the fastest for later runs.",
            "Takes about a dozen model calls; run it again after moving to another machine."})
    static final class Tune extends GroupMember<ModelCommand> {
        @Option(names = "--calls", paramLabel = "N", defaultValue = "" + InstructionSetTuning.DEFAULT_CALLS,
                description = "Timed calls per instruction set and round, after one untimed (default: ${DEFAULT-VALUE}).")
        int calls;

        @Option(names = "--rounds", paramLabel = "N", defaultValue = "" + InstructionSetTuning.DEFAULT_ROUNDS,
                description = "Rounds; each instruction set makes calls times rounds calls, one at a time in turn"
                        + " with the others (default: ${DEFAULT-VALUE}).")
        int rounds;

        @Option(names = "--candidates", split = ",", paramLabel = "ISA",
                description = "The instruction sets to time (default: ALL, and AVX2 where ALL means AVX-512).")
        List<String> candidates;

        @Override
        public Integer call() {
            VoxprintCli root = root();
            if (calls < 1 || rounds < 1) {
                root.err.println("voxprint: --calls and --rounds must be at least 1.");
                return VoxprintCli.ERROR;
            }
            List<String> isas = candidates != null ? candidates : InstructionSetSpeed.candidates();
            for (String isa : isas) {
                if (!InstructionSetSpeed.isCandidate(isa)) {
                    root.err.println("voxprint: " + isa + " is not an instruction set Voxprint can tune to; use ALL or AVX2.");
                    return VoxprintCli.ERROR;
                }
            }
            Optional<LocatedModel> where = locate(root);
            if (where.isEmpty()) {
                return VoxprintCli.ERROR;
            }
            var line = Json.object();
            var timed = line.putObject("millis");
            if (isas.size() < 2) {
                root.err.println("This processor offers oneDNN one instruction set worth timing (" + isas.get(0)
                        + "); nothing to choose.");
                return ok(line.put("fastest", isas.get(0)));
            }
            InstructionSetTuning tuning = new InstructionSetTuning(where.get().file(), root.env, calls);
            InstructionSetTuning.Outcome outcome = tuning.tune(isas, rounds, new InstructionSetTuning.Steps() {
                @Override
                public void loading(List<String> sets) {
                    root.err.println(InstructionSetTuning.Steps.describeLoading(sets));
                }

                @Override
                public void starting(String isa, int done, int total) {
                    root.err.println(InstructionSetTuning.Steps.describe(isa, done, total));
                }
            });
            outcome.timings().millis().forEach((isa, values) -> values.forEach(timed.withArray(isa)::add));
            if (outcome.verdict().isEmpty()) {
                root.err.println("voxprint: oneDNN's convolutions were not used under any instruction set; nothing recorded.");
                return VoxprintCli.ERROR;
            }
            var medians = line.putObject("medianMillis");
            outcome.verdict().get().medianMillis().forEach(medians::put);
            line.put("fastest", outcome.verdict().get().fastest());
            line.put("record", outcome.record().orElseThrow().toString());
            InstructionSetSpeed.LIMIT_VARIABLES.stream().filter(root.env::containsKey).findFirst().ifPresent(variable ->
                    root.err.println("Note: " + variable + "=" + root.env.get(variable) + " in your environment still decides while it is set."));
            return ok(line);
        }
    }

    /**
     * One instruction set's trial, started by {@link Tune} in a process of its own; not for people. It
     * loads the model, makes one untimed call, prints a line with its limit, convolutions and the model's
     * sha256, then times one call per line read from stdin, printing each call's milliseconds, until
     * stdin ends: the tuning cues its processes in turn, so their calls alternate.
     */
    @Command(name = "time-calls", hidden = true, description = "Time model calls under this process's oneDNN limit.")
    static final class TimeCalls extends GroupMember<ModelCommand> {
        @Override
        public Integer call() throws IOException {
            try (ModelService models = new ModelService(root().config())) {
                Ecapa2Model model = models.model();
                float[] audio = InstructionSetSpeed.trialAudio(model);
                model.embed(audio);
                var ready = Json.object();
                ready.put("onednnMaxCpuIsa", ConvolutionCheck.onednnLimit());
                ready.put("convolutions", ConvolutionCheck.kernels().name().toLowerCase(java.util.Locale.ROOT));
                ready.put("sha256", model.info().sha256());
                print(ready);
                root().out.flush();
                BufferedReader cues = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
                while (cues.readLine() != null) {
                    print(Json.object().put("millis", InstructionSetSpeed.timeCall(model, audio)));
                    root().out.flush();
                }
                return VoxprintCli.OK;
            }
        }
    }
}
