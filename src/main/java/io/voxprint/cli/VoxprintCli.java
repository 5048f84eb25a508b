package io.voxprint.cli;

import io.voxprint.app.AppContext;
import io.voxprint.app.core.AppConfig;
import io.voxprint.app.core.ScoringOptions;
import io.voxprint.common.UserMessage;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The command line: one picocli command tree over the app layer. Results go to stdout as JSON, one
 * object per line; anything for a person (progress, errors, the licence notice) goes to stderr.
 */
@Command(name = "voxprint", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Speaker verification with ECAPA2: enroll speakers, verify and identify voices.",
        subcommands = {EmbedCommand.class, FeaturesCommand.class, ModelCommand.class, EnrollCommand.class,
            VerifyCommand.class, IdentifyCommand.class, SpeakersCommand.class, EvalCommand.class,
            CalibrateCommand.class, AuditCommand.class, DiarizeCommand.class, DerCommand.class, DbCommand.class, KeysCommand.class,
            CommandLine.HelpCommand.class})
public final class VoxprintCli implements Runnable {
    /** Exit codes: 0 success (verify: accepted), 1 verify rejected, 2 error, 3 some inputs failed. */
    public static final int OK = 0;
    public static final int REJECTED = 1;
    public static final int ERROR = 2;
    public static final int PARTIAL = 3;

    private static final Logger LOG = LoggerFactory.getLogger(VoxprintCli.class);

    @Option(names = "--model", scope = ScopeType.INHERIT, paramLabel = "FILE",
            description = "ECAPA2 TorchScript file (default: $VOXPRINT_MODEL, then the Hugging Face cache).")
    Path model;

    @Option(names = "--db", scope = ScopeType.INHERIT, paramLabel = "FILE|URL",
            description = "Voiceprint database: a SQLite file or postgresql://[user@]host[:port]/dbname "
                    + "(default: $VOXPRINT_DB, then ~/.local/share/voxprint/voxprint.db).")
    String database;

    @Option(names = "--revision", scope = ScopeType.INHERIT, paramLabel = "REV",
            description = "Model revision on the Hub (default: main).")
    String revision;

    @Option(names = "--offline", scope = ScopeType.INHERIT,
            description = "Never use the network (also HF_HUB_OFFLINE=1).")
    boolean offline;

    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Print stack traces on errors.")
    boolean debug;

    @Option(names = "--passphrase-file", scope = ScopeType.INHERIT, paramLabel = "FILE",
            description = "File holding the database's passphrase (default: $VOXPRINT_PASSPHRASE_FILE, then a prompt).")
    Path passphraseFile;

    final Map<String, String> env;
    final PrintStream out;
    final PrintStream err;

    VoxprintCli(Map<String, String> env, PrintStream out, PrintStream err) {
        this.env = env;
        this.out = out;
        this.err = err;
    }

    @Override
    public void run() {
        new CommandLine(this).usage(out);
    }

    /** Runs one command line against the real environment and returns the process exit code. */
    public static int run(String... args) {
        return run(System.getenv(), System.out, System.err, args);
    }

    /** Runs one command line with an explicit environment and streams (tests use this). */
    public static int run(Map<String, String> env, PrintStream out, PrintStream err, String... args) {
        VoxprintCli root = new VoxprintCli(env, out, err);
        CommandLine cmd = new CommandLine(root);
        withHelpOnEveryCommand(cmd);
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        cmd.setExecutionExceptionHandler((ex, line, parse) -> {
            LOG.error("Command failed: {}", String.join(" ", args), ex);
            err.println("voxprint: " + UserMessage.of(ex));
            if (root.debug) {
                ex.printStackTrace(err);
            }
            return ERROR;
        });
        return cmd.execute(args);
    }

    /**
     * Gives every command {@code --help}/{@code --version}, so {@code voxprint verify --help} prints
     * that command's usage and succeeds instead of complaining about its required options. Done here
     * once rather than on each annotation, so a new command cannot forget it.
     */
    private static void withHelpOnEveryCommand(CommandLine cmd) {
        for (CommandLine sub : cmd.getSubcommands().values()) {
            if (!(sub.getCommand() instanceof CommandLine.HelpCommand) && !sub.getCommandSpec().mixinStandardHelpOptions()) {
                sub.getCommandSpec().mixinStandardHelpOptions(true);
            }
            withHelpOnEveryCommand(sub);
        }
    }

    boolean offlineRequested() {
        return offline || "1".equals(env.get("HF_HUB_OFFLINE")) || "true".equalsIgnoreCase(env.get("HF_HUB_OFFLINE"));
    }

    AppConfig config() {
        // VOXPRINT_MODEL is read by the model locator, which reports it as its own source.
        return AppConfig.fromEnvironment(withPassphraseFile(), database, model, null, revision, offlineRequested());
    }

    /** The option travels as the variable it stands for, so the app reads one source. */
    private Map<String, String> withPassphraseFile() {
        if (passphraseFile == null) {
            return env;
        }
        Map<String, String> all = new java.util.HashMap<>(env);
        all.put(io.voxprint.crypto.PassphraseInput.ENV, passphraseFile.toAbsolutePath().toString());
        return all;
    }

    /** The database as given ({@code --db}, then {@code VOXPRINT_DB}), or the default file. */
    String databaseText() {
        if (database != null) {
            return database;
        }
        String env = this.env.get("VOXPRINT_DB");
        return env != null && !env.isBlank() ? env : io.voxprint.store.sqlite.SqliteStore.defaultLocation().toString();
    }

    AppContext open(ScoringOptions options) {
        return AppContext.open(config(), options);
    }

    AppContext open() {
        return open(ScoringOptions.defaults());
    }

    /** For commands that run the model: its loading starts before the database opens and overlaps what the command does first. */
    AppContext openWithModel(ScoringOptions options) {
        return AppContext.openLoadingModel(config(), options);
    }

    AppContext openWithModel() {
        return openWithModel(ScoringOptions.defaults());
    }
}
