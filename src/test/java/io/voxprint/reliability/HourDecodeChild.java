package io.voxprint.reliability;

import io.voxprint.audio.AudioLoader;
import io.voxprint.audio.PreparedAudio;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * Run in its own JVM with a small heap: decodes one hour of 44.1 kHz 4-channel 16-bit WAV generated
 * on the fly and prints the figures the parent checks (samples, tone check, peak heap, seconds).
 */
public final class HourDecodeChild {
    private HourDecodeChild() {
    }

    public static void main(String[] args) {
        int rate = 44_100;
        long frames = 3600L * rate;
        long t0 = System.nanoTime();
        PreparedAudio audio = new AudioLoader().load("hour.wav", new ToneWav(rate, 4, frames));
        double seconds = (System.nanoTime() - t0) / 1e9;
        float[] s = audio.samples();
        double worst = 0;
        for (int i = 1000; i < s.length - 1000; i += 99_991) {
            double expected = 0.5 * Math.sin(2 * Math.PI * ToneWav.FREQUENCY * i / 16000.0);
            worst = Math.max(worst, Math.abs(expected - s[i]));
        }
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.println("SAMPLES " + s.length);
        System.out.println("WORST " + worst);
        System.out.println("PEAK_HEAP_MB " + peak / (1 << 20));
        System.out.println("MAX_HEAP_MB " + Runtime.getRuntime().maxMemory() / (1 << 20));
        System.out.println("INPUT_MB " + (frames * 8 + 44) / (1 << 20));
        System.out.printf("SECONDS %.1f%n", seconds);
        System.out.println("DONE");
    }
}
