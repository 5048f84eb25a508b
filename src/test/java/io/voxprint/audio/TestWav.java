package io.voxprint.audio;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Hand-built RIFF/WAVE bytes for the bad-input tests, with any header lie wanted. */
final class TestWav {
    private TestWav() {
    }

    static byte[] build(int tag, int channels, int rate, int bits, byte[] payload, long declaredDataSize) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int block = channels * (bits / 8);
        ByteBuffer fmt = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        fmt.putShort((short) tag).putShort((short) channels).putInt(rate).putInt(rate * block)
                .putShort((short) block).putShort((short) bits);
        write(out, "RIFF");
        writeInt(out, 4 + 8 + 16 + 8 + payload.length);
        write(out, "WAVE");
        write(out, "fmt ");
        writeInt(out, 16);
        out.writeBytes(fmt.array());
        write(out, "data");
        writeInt(out, declaredDataSize);
        out.writeBytes(payload);
        return out.toByteArray();
    }

    static byte[] pcm16(int channels, int rate, short[] interleaved) {
        ByteBuffer b = ByteBuffer.allocate(interleaved.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (short s : interleaved) {
            b.putShort(s);
        }
        return build(1, channels, rate, 16, b.array(), b.capacity());
    }

    static byte[] float32(int channels, int rate, float[] interleaved) {
        ByteBuffer b = ByteBuffer.allocate(interleaved.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float f : interleaved) {
            b.putFloat(f);
        }
        return build(3, channels, rate, 32, b.array(), b.capacity());
    }

    static void write(ByteArrayOutputStream out, String ascii) {
        for (int i = 0; i < ascii.length(); i++) {
            out.write(ascii.charAt(i));
        }
    }

    static void writeInt(ByteArrayOutputStream out, long v) {
        out.write((int) v & 0xFF);
        out.write((int) (v >> 8) & 0xFF);
        out.write((int) (v >> 16) & 0xFF);
        out.write((int) (v >> 24) & 0xFF);
    }
}
