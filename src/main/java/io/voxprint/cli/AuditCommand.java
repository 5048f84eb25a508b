package io.voxprint.cli;

import io.voxprint.app.Voxprint;
import io.voxprint.store.AuditEntry;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "audit", description = "Print the latest verifications and identifications, newest first.")
final class AuditCommand implements Callable<Integer> {
    @ParentCommand
    VoxprintCli root;

    @Option(names = "--limit", defaultValue = "50")
    int limit;

    @Override
    public Integer call() {
        try (Voxprint vp = root.open()) {
            for (AuditEntry e : vp.auditLog(limit)) {
                var line = Json.object();
                line.put("time", e.time().toString());
                line.put("kind", e.kind().text());
                line.put("claimed", e.claimedName());
                line.put("result", e.resultText());
                line.put("score", e.score());
                line.put("threshold", e.threshold());
                line.put("model", e.modelSha256());
                line.put("source", e.source());
                Json.print(root.out, line);
            }
            return VoxprintCli.OK;
        }
    }
}
