package io.voxprint.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxprint.store.ChildJvm;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * One hour of 44.1 kHz 4-channel 16-bit WAV (1.27 GB, generated as it is read) decodes in a JVM whose heap
 * (768 MB) cannot hold the input next to the output: only the 16 kHz mono result (230 MB) and
 * fixed buffers may be live.
 */
class HourLongRecordingTest {
    static final int HEAP_MB = 768;

    @Test
    void oneHourDecodesInBoundedMemory() throws Exception {
        try (ChildJvm child = ChildJvm.start(HourDecodeChild.class.getName(), List.of("-Xmx" + HEAP_MB + "m",
                "-Dlogback.configurationFile=logback-fuzz.xml"), List.of(), Map.of())) {
            assertEquals(0, child.waitFor(300), child.output());
            String out = child.output();
            assertEquals(3600L * 16_000, figure(out, "SAMPLES"), out);
            assertTrue(Double.parseDouble(text(out, "WORST")) < 1e-3, out);
            long peak = figure(out, "PEAK_HEAP_MB");
            long input = figure(out, "INPUT_MB");
            assertTrue(peak <= HEAP_MB && input > HEAP_MB, out);
            LoggerFactory.getLogger(getClass()).info("one-hour decode: {}", out.replace('\n', ' '));
        }
    }

    private static long figure(String out, String key) {
        return Long.parseLong(text(out, key));
    }

    private static String text(String out, String key) {
        Matcher m = Pattern.compile(key + " (\\S+)").matcher(out);
        assertTrue(m.find(), key + " in " + out);
        return m.group(1);
    }
}
