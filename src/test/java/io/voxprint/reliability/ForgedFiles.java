package io.voxprint.reliability;

import io.voxprint.audio.OggPages;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Tiny files whose headers claim enormous sizes, built byte by byte. */
final class ForgedFiles {
    private ForgedFiles() {
    }

    /** RIFF/WAVE with a 16-bit PCM fmt chunk, then a chunk of the given id and declared size, then {@code tail}. */
    static byte[] wav(String chunkId, long declaredSize, byte[] tail) {
        ByteBuffer b = ByteBuffer.allocate(12 + 24 + 8 + tail.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(ascii("RIFF")).putInt(-1).put(ascii("WAVE"));
        b.put(ascii("fmt ")).putInt(16).putShort((short) 1).putShort((short) 2).putInt(44100).putInt(44100 * 4)
                .putShort((short) 4).putShort((short) 16);
        b.put(ascii(chunkId)).putInt((int) declaredSize).put(tail);
        return b.array();
    }

    /** RIFF/WAVE whose fmt chunk itself claims {@code declaredSize} bytes. */
    static byte[] wavWithHugeFmt(long declaredSize) {
        ByteBuffer b = ByteBuffer.allocate(12 + 24).order(ByteOrder.LITTLE_ENDIAN);
        b.put(ascii("RIFF")).putInt(-1).put(ascii("WAVE"));
        b.put(ascii("fmt ")).putInt((int) declaredSize).putShort((short) 1).putShort((short) 1).putInt(16000)
                .putInt(32000).putShort((short) 2).putShort((short) 16);
        return b.array();
    }

    /** fLaC, a STREAMINFO claiming the largest blocks and 2^36-1 samples, then a metadata block of {@code length}. */
    static byte[] flac(int blockType, int length) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 + 34 + 4).order(ByteOrder.BIG_ENDIAN);
        b.put(ascii("fLaC")).put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 34);
        b.putShort((short) 0xFFFF).putShort((short) 0xFFFF); // min and max block size 65535
        b.put(new byte[] {0, 0, 0, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF}); // frame sizes: unknown, 16 MB
        // 44100 Hz (20 bits), 8 channels (3 bits: 7), 24 bits (5 bits: 23), 2^36-1 samples (36 bits)
        long packed = (44100L << 44) | (7L << 41) | (23L << 36) | ((1L << 36) - 1);
        b.putLong(packed);
        b.put(new byte[16]); // MD5
        b.put((byte) (0x80 | blockType)).put((byte) (length >> 16)).put((byte) (length >> 8)).put((byte) length);
        return b.array();
    }

    /** An ID3v2.3 tag header claiming the largest size a tag can declare (256 MB), nothing after it. */
    static byte[] id3Claiming256Megabytes() {
        return new byte[] {'I', 'D', '3', 3, 0, 0, 0x7F, 0x7F, 0x7F, 0x7F};
    }

    /**
     * A mono Ogg Vorbis stream whose setup header holds one ordered codebook of {@code entries} x
     * {@code dim} with a value list of {@code mapType} (2: explicit, entries x dim values; 1: a
     * lattice): the header is a few dozen bytes, the value list it declares up to entries x dim ints.
     */
    static byte[] vorbisCodebook(int entries, int dim, int mapType) {
        Bits ident = new Bits().bytes(1).ascii("vorbis").bits(0, 32).bits(1, 8).bits(16000, 32)
                .bits(0, 32).bits(0, 32).bits(0, 32).bits(8, 4).bits(11, 4).bits(1, 1);
        Bits comment = new Bits().bytes(3).ascii("vorbis").bits(0, 32).bits(0, 32).bits(1, 1);
        Bits setup = new Bits().bytes(5).ascii("vorbis").bits(0, 8) // one codebook
                .bits(0x564342, 24).bits(dim, 16).bits(entries, 24)
                .bits(1, 1).bits(0, 5) // ordered, first length 1
                .bits(entries, 32 - Integer.numberOfLeadingZeros(entries)) // every entry in one run
                .bits(mapType, 4).bits(0, 32).bits(0, 32).bits(0, 4).bits(0, 1); // 1-bit values
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(OggPages.page(ident.toBytes(), 7, 0, 2));
        out.writeBytes(OggPages.page(comment.toBytes(), 7, 1, 0));
        out.writeBytes(OggPages.page(setup.toBytes(), 7, 2, 0));
        return out.toByteArray();
    }

    /** NumPy format 2.0 magic whose 4-byte header length claims {@code headerLength}, and nothing else. */
    static byte[] npyV2HeaderClaiming(int headerLength) {
        ByteBuffer b = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0x93).put(ascii("NUMPY")).put((byte) 2).put((byte) 0).putInt(headerLength);
        return b.array();
    }

    /** A NumPy 1.0 file declaring a float32 matrix of the given shape, with {@code dataBytes} of data. */
    static byte[] npyShape(String shape, int dataBytes) {
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + shape + "), }";
        StringBuilder header = new StringBuilder(dict);
        while ((10 + header.length() + 1) % 64 != 0) {
            header.append(' ');
        }
        header.append('\n');
        ByteBuffer b = ByteBuffer.allocate(10 + header.length() + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0x93).put(ascii("NUMPY")).put((byte) 1).put((byte) 0).putShort((short) header.length());
        b.put(header.toString().getBytes(StandardCharsets.ISO_8859_1));
        return b.array();
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** Vorbis bit packing: least significant bit first. */
    static final class Bits {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private int current;
        private int used;

        Bits bits(long value, int count) {
            for (int i = 0; i < count; i++) {
                current |= (int) ((value >>> i) & 1) << used;
                if (++used == 8) {
                    out.write(current);
                    current = 0;
                    used = 0;
                }
            }
            return this;
        }

        Bits bytes(int... values) {
            for (int v : values) {
                bits(v, 8);
            }
            return this;
        }

        Bits ascii(String s) {
            for (char c : s.toCharArray()) {
                bits(c, 8);
            }
            return this;
        }

        byte[] toBytes() {
            if (used > 0) {
                out.write(current);
                current = 0;
                used = 0;
            }
            return out.toByteArray();
        }
    }
}
