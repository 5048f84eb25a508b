package io.voxprint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.voxprint.app.core.VoxprintException;
import io.voxprint.app.report.ReportException;
import io.voxprint.app.settings.SettingsException;
import io.voxprint.audio.AudioException;
import io.voxprint.audio.capture.CaptureException;
import io.voxprint.audio.capture.PlaybackException;
import io.voxprint.cli.VoxprintCli;
import io.voxprint.common.UserMessage;
import io.voxprint.model.ModelException;
import io.voxprint.model.hub.HubException;
import io.voxprint.scoring.ScoringException;
import io.voxprint.store.StoreException;
import io.voxprint.ui.common.ExportException;
import io.voxprint.ui.photo.CameraException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** One error policy: one marker for sentences meant for users, one translator, one log line per failure. */
class ErrorPolicyTest {
    private static final Path FIXTURE = Path.of(System.getProperty("voxprint.test.resources", "src/test/resources"))
            .resolve("model/ecapa2-fixture.pt");

    @TempDir
    Path home;

    @Test
    void everyPackagesOwnExceptionReachesTheUserAsItsSentence() {
        List<Throwable> ours = List.of(new AudioException("A."), new ModelException("B."),
                new StoreException(StoreException.Kind.IO, "C."), new HubException(HubException.Reason.values()[0], "D."),
                new ScoringException("E."), new VoxprintException("F."), new ReportException("G."),
                new SettingsException("H.", null), new CaptureException("I."), new PlaybackException("J.", null),
                new CameraException("K.", null), new ExportException("L.", null));
        for (Throwable t : ours) {
            assertEquals(t.getMessage(), UserMessage.of(t), t.getClass().getSimpleName());
            assertEquals(t.getMessage(), UserMessage.of(new ExecutionException(t)), "unwrapped " + t.getClass().getSimpleName());
        }
    }

    @Test
    void aBugsOwnTextIsNeverShown() {
        assertEquals(UserMessage.UNEXPECTED,
                UserMessage.of(new NullPointerException("Cannot invoke \"String.length()\" because \"s\" is null")));
        assertEquals(UserMessage.UNEXPECTED, UserMessage.of(new IllegalStateException("index 3 out of bounds")));
    }

    @Test
    void aFailureIsLoggedOnceWhereItIsHandled() throws Exception {
        Path damaged = home.resolve("voxprint.db");
        Files.write(damaged, "this is not a database, it only has the name of one".repeat(100).getBytes(StandardCharsets.UTF_8));
        Path archive = home.resolve("speakers.json");
        Files.writeString(archive, "{ not json");
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.start();
        root.addAppender(events);
        try {
            String err = cli("--db", damaged.toString(), "speakers", "list");
            assertEquals(1, logged(events), "log lines with a stack trace for one failure: " + events.list);
            assertEquals(1, err.strip().lines().count(), err);

            events.list.clear();
            err = cli("--db", home.resolve("good.db").toString(), "--model", FIXTURE.toString(), "speakers", "import",
                    archive.toString());
            assertTrue(err.contains("cannot be imported"), err);
            assertEquals(1, logged(events), "log lines with a stack trace for one failure: " + events.list);
        } finally {
            root.detachAppender(events);
        }
    }

    private static long logged(ListAppender<ILoggingEvent> events) {
        return events.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN) && e.getThrowableProxy() != null)
                .count();
    }

    private String cli(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
             PrintStream o = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)) {
            int code = VoxprintCli.run(Map.of("HOME", home.toString(), "HF_HUB_OFFLINE", "1"), o, e, args);
            assertEquals(VoxprintCli.ERROR, code);
        }
        return err.toString(StandardCharsets.UTF_8);
    }
}
