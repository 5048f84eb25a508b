package io.voxprint.ui.wiring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.voxprint.app.AppConfig;
import io.voxprint.app.ScoringOptions;
import io.voxprint.app.Voxprint;
import io.voxprint.store.VoiceprintStore;
import io.voxprint.ui.model.SpeakerSummary;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpeakerListingTest {
    @TempDir
    Path home;

    private static byte[] png(int n) {
        return new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, (byte) n};
    }

    @Test
    void listingSpeakersReadsAllPhotosInOneQuery() throws Exception {
        AppConfig config = AppConfig.fromEnvironment(Map.of(), home.resolve("voxprint.db"), null, null, null, true);
        try (Voxprint voxprint = Voxprint.open(config, ScoringOptions.defaults())) {
            VoiceprintStore store = field(voxprint, "store", VoiceprintStore.class);
            for (int i = 0; i < 6; i++) {
                store.createSpeaker("Speaker " + i, null, i == 3 ? null : png(i));
            }
            AtomicInteger statements = countStatements(store);

            List<SpeakerSummary> listed = Speakers.list(voxprint);

            assertEquals(6, listed.size());
            for (int i = 0; i < 6; i++) {
                assertEquals("Speaker " + i, listed.get(i).name());
                if (i == 3) {
                    assertNull(listed.get(i).photoPng());
                } else {
                    assertArrayEquals(png(i), listed.get(i).photoPng());
                }
            }
            // One query for the list and one for every photo, however many speakers there are.
            assertEquals(2, statements.get(), "queries run to list six speakers with their photos");
        }
    }

    /** Counts the queries the store runs by putting a counting proxy between the store and its JDBC connection (the store offers no such seam, on purpose). */
    private static AtomicInteger countStatements(VoiceprintStore store) throws Exception {
        Field f = VoiceprintStore.class.getDeclaredField("connection");
        f.setAccessible(true);
        Connection real = (Connection) f.get(store);
        AtomicInteger count = new AtomicInteger();
        Connection counting = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("prepareStatement")) {
                        count.incrementAndGet(); // a plain statement counts when it runs a query, see below
                    }
                    try {
                        Object result = method.invoke(real, args);
                        if (result instanceof java.sql.Statement s && method.getName().equals("createStatement")) {
                            return countingStatement(s, count);
                        }
                        return result;
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        f.set(store, counting);
        return count;
    }

    private static java.sql.Statement countingStatement(java.sql.Statement real, AtomicInteger count) {
        return (java.sql.Statement) Proxy.newProxyInstance(java.sql.Statement.class.getClassLoader(),
                new Class<?>[] {java.sql.Statement.class}, (proxy, method, args) -> {
                    if (method.getName().startsWith("executeQuery")) {
                        count.incrementAndGet();
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static <T> T field(Object owner, String name, Class<T> type) throws Exception {
        Field f = owner.getClass().getDeclaredField(name);
        f.setAccessible(true);
        return type.cast(f.get(owner));
    }
}
