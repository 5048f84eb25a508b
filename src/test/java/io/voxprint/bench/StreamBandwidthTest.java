package io.voxprint.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The bandwidth bound of bench/identify follows STREAM's rules: arrays four times the last-level
 * cache (within the heap's limits) and the Copy and Triad kernels, whose results are checked here
 * against the arithmetic written out by hand.
 */
class StreamBandwidthTest {
    private static final long MIB = 1L << 20;

    @Test
    void arraysAreFourTimesTheLastLevelCacheWithinLimits() {
        assertEquals(4 * 100 * MIB, StreamBandwidth.arrayBytes(100 * MIB));
        // the Xeon with a 300 MiB L3 of the earlier report: a 768 MB sum was 2.4x its cache, now 1 GiB (3.4x)
        assertEquals(1024 * MIB, StreamBandwidth.arrayBytes(300 * MIB));
        assertEquals(256 * MIB, StreamBandwidth.arrayBytes(32 * MIB));
        assertEquals(256 * MIB, StreamBandwidth.arrayBytes(0)); // cache size unknown
    }

    @Test
    void copyAndTriadComputeWhatStreamDefines() {
        float[] a = {1, 2, 3, 4, 5};
        float[] b = {10, 20, 30, 40, 50};
        float[] c = new float[5];
        StreamBandwidth.copy(a, c, 1, 4);
        assertArrayEquals(new float[] {0, 2, 3, 4, 0}, c);
        StreamBandwidth.triad(a, b, c, 0, 5);
        assertArrayEquals(new float[] {10, 26, 39, 52, 50}, a); // b + 3 * c
    }

    @Test
    void aMeasurementPassesItsOwnCheckOfTheArrays() throws Exception {
        // small arrays (the real ones are 256 MiB and up): the trials and STREAM's check of the results
        StreamBandwidth.Result r = StreamBandwidth.measure(4 * MIB, 0, 2);
        assertTrue(r.copyGbs() > 0 && r.triadGbs() > 0, r.describe());
        assertEquals(4 * MIB, r.arrayBytes());
        assertEquals(2, r.threads());
    }
}
