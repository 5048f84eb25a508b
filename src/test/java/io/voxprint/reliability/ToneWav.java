package io.voxprint.reliability;

import io.voxprint.testing.RepeatingStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A 16-bit PCM WAV of a 441 Hz tone (amplitude 0.5, the same on every channel), produced while it
 * is read: hours of audio without a file on disk or the bytes in memory.
 */
final class ToneWav extends RepeatingStream {
    static final double FREQUENCY = 441;

    ToneWav(int rate, int channels, long frames) {
        super(header(rate, channels, frames), period(rate, channels), 44 + frames * channels * 2);
    }

    private static byte[] header(int rate, int channels, long frames) {
        long data = frames * channels * 2;
        ByteBuffer h = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        h.put(ForgedFiles.ascii("RIFF")).putInt((int) Math.min(0xFFFFFFFFL, 36 + data)).put(ForgedFiles.ascii("WAVE"));
        h.put(ForgedFiles.ascii("fmt ")).putInt(16).putShort((short) 1).putShort((short) channels).putInt(rate)
                .putInt(rate * channels * 2).putShort((short) (channels * 2)).putShort((short) 16);
        h.put(ForgedFiles.ascii("data")).putInt((int) Math.min(0xFFFFFFFFL, data));
        return h.array();
    }

    private static byte[] period(int rate, int channels) {
        if (rate % (int) FREQUENCY != 0) {
            throw new IllegalArgumentException("whole periods only");
        }
        int periodFrames = rate / (int) FREQUENCY;
        ByteBuffer p = ByteBuffer.allocate(periodFrames * channels * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int f = 0; f < periodFrames; f++) {
            short v = (short) Math.round(16384 * Math.sin(2 * Math.PI * FREQUENCY * f / rate));
            for (int c = 0; c < channels; c++) {
                p.putShort(v);
            }
        }
        return p.array();
    }
}
