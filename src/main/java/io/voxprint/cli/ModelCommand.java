package io.voxprint.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.voxprint.app.AppContext;
import io.voxprint.app.core.ModelService;
import io.voxprint.model.ConvolutionCheck;
import io.voxprint.model.FeatureSpec;
import io.voxprint.model.ModelInfo;
import io.voxprint.model.hub.HubFile;
import io.voxprint.model.hub.LocatedModel;
import io.voxprint.model.hub.ModelLicense;
import java.util.Optional;
import picocli.CommandLine.Command;

@Command(name = "model", description = "Get and inspect the ECAPA2 model.",
        subcommands = {ModelCommand.Info.class, ModelCommand.Download.class, ModelCommand.PathOf.class})
final class ModelCommand extends CommandGroup {

    /** Where the model file came from, told alike by {@code info} and {@code path}. */
    static ObjectNode origin(ObjectNode line, LocatedModel where) {
        return line.put("source", where.source()).put("revision", where.revision()).put("commit", where.commit());
    }

    @Command(name = "info", description = "Interface, labels and shapes the model answers, and where it comes from.")
    static final class Info extends GroupMember.WithApp<ModelCommand> {
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
            VoxprintCli root = root();
            Optional<LocatedModel> where = new ModelService(root.config()).locate();
            if (where.isEmpty()) {
                root.err.println("voxprint: No ECAPA2 model is available yet; run 'voxprint model download' or pass --model FILE.");
                return VoxprintCli.ERROR;
            }
            return ok(origin(Json.object().put("path", where.get().file().toString()), where.get()));
        }
    }
}
