package io.voxprint.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What each thread of this process did between two snapshots, from Linux's per-thread scheduler
 * statistics ({@code /proc/self/task/TID/schedstat}: time on a core, time runnable but waiting for
 * one). A stall of the FX thread is either work (time on a core) or waiting for a core (run-queue
 * time); the stacks alone cannot tell the two apart. Threads are grouped by their name as the
 * kernel knows it (15 characters).
 */
final class ThreadSchedule {
    private final Map<String, long[]> byName;

    private ThreadSchedule(Map<String, long[]> byName) {
        this.byName = byName;
    }

    static ThreadSchedule now() {
        Map<String, long[]> byName = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String name = Files.readString(task.resolve("comm")).strip().replaceAll("[-#]?\\d+$", "");
                    String[] f = Files.readString(task.resolve("schedstat")).strip().split(" ");
                    long[] sum = byName.computeIfAbsent(name, k -> new long[2]);
                    sum[0] += Long.parseLong(f[0]);
                    sum[1] += Long.parseLong(f[1]);
                } catch (IOException | RuntimeException ended) {
                    // the thread ended between the listing and the read
                }
            }
        } catch (IOException e) {
            return new ThreadSchedule(Map.of());
        }
        return new ThreadSchedule(byName);
    }

    /** The busiest thread groups since {@code before}: name -> [ms on a core, ms waiting for one]. */
    Map<String, List<Long>> since(ThreadSchedule before, int limit) {
        Map<String, long[]> delta = new HashMap<>();
        byName.forEach((name, v) -> {
            long[] b = before.byName.getOrDefault(name, new long[2]);
            delta.put(name, new long[] {v[0] - b[0], v[1] - b[1]});
        });
        Map<String, List<Long>> top = new LinkedHashMap<>();
        delta.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue()[0] + b.getValue()[1], a.getValue()[0] + a.getValue()[1]))
                .limit(limit).forEach(e -> top.put(e.getKey(), List.of(e.getValue()[0] / 1_000_000, e.getValue()[1] / 1_000_000)));
        return top;
    }
}
