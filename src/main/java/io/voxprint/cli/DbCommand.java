package io.voxprint.cli;

import io.voxprint.store.StoreCopy;
import io.voxprint.store.VoiceprintStore;
import io.voxprint.store.location.StoreLocation;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The voiceprint database itself: what it is, and moving speakers between two databases. */
@Command(name = "db", description = "Show the voiceprint database, or copy speakers between two databases.",
        subcommands = {DbCommand.Info.class, DbCommand.Copy.class})
final class DbCommand extends CommandGroup {

    StoreLocation location(String text) {
        return StoreLocation.parse(text, root.env, Path.of(root.env.getOrDefault("HOME", System.getProperty("user.home"))));
    }

    @Command(name = "info", description = "Print the engine, schema version, and the numbers of speakers and embeddings.")
    static final class Info extends GroupMember<DbCommand> {
        @Override
        public Integer call() {
            StoreLocation where = group.location(root().databaseText());
            try (VoiceprintStore store = where.open()) {
                var line = Json.object();
                line.put("engine", where.engine());
                line.put("location", store.location());
                line.put("schemaVersion", store.schemaVersion());
                line.put("speakers", store.speakers().list().size());
                line.put("embeddings", store.embeddings().count());
                return ok(line);
            }
        }
    }

    @Command(name = "copy", description = "Copy every speaker with all they own from one database to another "
            + "(file path or postgresql:// address), one transaction per speaker; run it again to resume.")
    static final class Copy extends GroupMember<DbCommand> {
        @Option(names = "--from", required = true, paramLabel = "SOURCE", description = "Database to copy from.")
        String from;

        @Option(names = "--to", required = true, paramLabel = "TARGET", description = "Database to copy to (created if new).")
        String to;

        @Override
        public Integer call() {
            try (VoiceprintStore source = group.location(from).open(); VoiceprintStore target = group.location(to).open()) {
                StoreCopy.Result r = StoreCopy.copy(source, target,
                        name -> root().err.println("Copied '" + name + "'"));
                var line = Json.object();
                line.put("from", source.location());
                line.put("to", target.location());
                line.set("copied", Json.MAPPER.valueToTree(r.copied()));
                line.set("alreadyThere", Json.MAPPER.valueToTree(r.alreadyThere()));
                return ok(line);
            }
        }
    }
}
