package io.voxprint.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.voxprint.Main;
import io.voxprint.app.AppContext;
import io.voxprint.app.core.AppConfig;
import io.voxprint.app.core.AudioSource;
import io.voxprint.app.core.ScoringOptions;
import io.voxprint.audio.PreparedAudio;
import io.voxprint.store.ChildJvm;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * One database, one process writing as the desktop app does (enrolling through {@code AppContext},
 * one call per speaker with k takes, named "...-t&lt;k&gt;") and three command-line processes
 * reading it again and again: {@code speakers list}, {@code identify} (which also writes an audit
 * line) and {@code audit}. Every reader process must exit 0 with JSON lines only, and see whole
 * enrollment calls only. Duration: {@code -Dvoxprint.reliability.concurrencySeconds} (default 20; pass 600 for a longer soak).
 */
class WriterAndCliReadersTest {
    private static final Path RESOURCES = Path.of(System.getProperty("voxprint.test.resources", "src/test/resources"));
    private static final Path FIXTURE = RESOURCES.resolve("model/ecapa2-fixture.pt");
    private static final Pattern TAKES = Pattern.compile(".*-t(\\d+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    @Test
    void enrollingWhileThreeCliProcessesReadNeverFailsOrShowsHalfAnEnrollment() throws Exception {
        long seconds = Long.getLong("voxprint.reliability.concurrencySeconds", 20);
        Path db = home.resolve("shared.db");
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicInteger enrolled = new AtomicInteger();
        List<Thread> readers = new ArrayList<>();
        AtomicIntegerArray runs = new AtomicIntegerArray(3);
        AtomicBoolean writing = new AtomicBoolean(true);
        try (AppContext app = AppContext.open(AppConfig.fromEnvironment(Map.of("HOME", home.toString()), db, FIXTURE, null,
                null, true), ScoringOptions.defaults())) {
            List<AudioSource> takes = new ArrayList<>();
            for (String who : new String[] {"alice", "bob", "carol"}) {
                for (int i = 1; i <= 3; i++) {
                    takes.add(AudioSource.file(RESOURCES.resolve("e2e/" + who + "-" + i + ".wav")));
                }
            }
            app.enroll().enroll("first-t2", takes.subList(0, 2), true, null);
            long deadline = System.currentTimeMillis() + seconds * 1000;
            long giveUp = deadline + 600_000; // a bound for a machine shared with other builds, not a figure

            readers.add(reader(0, writing, runs, failures, List.of("speakers", "list", "--db", db.toString()),
                    new ListCheck()));
            readers.add(reader(1, writing, runs, failures, List.of("identify", "--db", db.toString(), "--model",
                    FIXTURE.toString(), "--top", "3", RESOURCES.resolve("e2e/bob-4.wav").toString()), (lines, seen) -> {
                        assertEquals(1, lines.size(), "one identify result");
                        JsonNode candidates = lines.get(0).get("candidates");
                        assertTrue(candidates.size() >= 1 && candidates.size() <= 3, lines.toString());
                        for (JsonNode c : candidates) {
                            assertTrue(TAKES.matcher(c.get("speaker").asText()).matches(), c.toString());
                        }
                    }));
            readers.add(reader(2, writing, runs, failures, List.of("audit", "--db", db.toString(), "--limit", "5"),
                    (lines, seen) -> {
                        assertTrue(lines.size() <= 5, lines.toString());
                        for (JsonNode l : lines) {
                            assertEquals("identify", l.get("kind").asText(), l.toString());
                        }
                    }));
            readers.forEach(Thread::start);

            // the writer: what the desktop app's enroll view does, on this thread, for the set time and
            // until every reader has run twice while it wrote (a state: on a busy machine a run takes long)
            try {
                for (int i = 0; failures.isEmpty() && System.currentTimeMillis() < giveUp
                        && (System.currentTimeMillis() < deadline || fewestRuns(runs) < 2); i++) {
                    int k = 1 + i % 3;
                    int from = (i * 2) % (takes.size() - k);
                    app.enroll().enroll("w-" + i + "-t" + k, takes.subList(from, from + k), true, null);
                    enrolled.incrementAndGet();
                }
            } finally {
                writing.set(false);
            }
            for (Thread t : readers) {
                t.join(120_000);
            }
            assertTrue(failures.isEmpty(), String.join("\n----\n", failures));
            assertEquals(enrolled.get() + 1, app.speakers().list().size());
            for (var s : app.speakers().list()) {
                Matcher m = TAKES.matcher(s.name());
                assertTrue(m.matches() && s.enrollmentCount() == Integer.parseInt(m.group(1)), s.toString());
            }
        }
        LoggerFactory.getLogger(getClass()).info("{} s: {} enrollments written; reader runs: list {}, identify {}, audit {}",
                seconds, enrolled.get(), runs.get(0), runs.get(1), runs.get(2));
        assertTrue(fewestRuns(runs) >= 2, "each reader ran while enrollments were written: " + runs);
    }

    private static int fewestRuns(AtomicIntegerArray runs) {
        return Math.min(runs.get(0), Math.min(runs.get(1), runs.get(2)));
    }

    /** Speakers never disappear between two runs, and each shows all the takes of its one enroll call. */
    private static final class ListCheck implements BiConsumer<List<JsonNode>, int[]> {
        @Override
        public void accept(List<JsonNode> lines, int[] seen) {
            assertTrue(lines.size() >= seen[0], "speakers went from " + seen[0] + " to " + lines.size());
            seen[0] = lines.size();
            for (JsonNode l : lines) {
                Matcher m = TAKES.matcher(l.get("speaker").asText());
                assertTrue(m.matches(), l.toString());
                assertEquals(Integer.parseInt(m.group(1)), l.get("enrollments").asInt(), "half an enrollment: " + l);
            }
        }
    }

    private Thread reader(int index, AtomicBoolean writing, AtomicIntegerArray runs, ConcurrentLinkedQueue<String> failures, List<String> args,
            BiConsumer<List<JsonNode>, int[]> check) {
        Map<String, String> env = Map.of("HOME", home.toString(), "DJL_CACHE_DIR",
                Path.of(System.getProperty("user.home"), ".djl.ai").toString(), "HF_HUB_OFFLINE", "1");
        return new Thread(() -> {
            int[] seen = new int[1];
            while (writing.get() && failures.isEmpty()) {
                try (ChildJvm cli = ChildJvm.start(Main.class.getName(), List.of("-Xmx512m"), args, env)) {
                    int code = cli.waitFor(120);
                    String out = cli.output();
                    try {
                        assertEquals(0, code, "exit code");
                        List<JsonNode> lines = new ArrayList<>();
                        for (String line : out.split("\n")) {
                            if (line.isBlank()) {
                                continue;
                            }
                            assertTrue(line.startsWith("{"), "only JSON lines, got: " + line);
                            lines.add(JSON.readTree(line));
                        }
                        check.accept(lines, seen);
                    } catch (Throwable t) {
                        failures.add(args.get(0) + " run " + runs.get(index) + ": " + t + "\n" + out);
                    }
                    runs.incrementAndGet(index);
                } catch (Exception e) {
                    failures.add(args.get(0) + ": " + e);
                }
            }
        }, "cli-reader-" + index);
    }
}
