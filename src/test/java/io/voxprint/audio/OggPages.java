package io.voxprint.audio;

/** Builds single Ogg pages with a correct CRC, for tests that need a well-formed non-Vorbis stream. */
public final class OggPages {
    private static final int[] CRC = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            int r = i << 24;
            for (int k = 0; k < 8; k++) {
                r = (r & 0x80000000) != 0 ? (r << 1) ^ 0x04c11db7 : r << 1;
            }
            CRC[i] = r;
        }
    }

    private OggPages() {
    }

    /** One page holding one packet (under 255 bytes). */
    public static byte[] page(byte[] packet, int serial, int sequence, int headerType) {
        byte[] p = new byte[27 + 1 + packet.length];
        p[0] = 'O';
        p[1] = 'g';
        p[2] = 'g';
        p[3] = 'S';
        p[5] = (byte) headerType;
        for (int i = 0; i < 4; i++) {
            p[14 + i] = (byte) (serial >> (8 * i));
            p[18 + i] = (byte) (sequence >> (8 * i));
        }
        p[26] = 1;
        p[27] = (byte) packet.length;
        System.arraycopy(packet, 0, p, 28, packet.length);
        int crc = 0;
        for (byte b : p) {
            crc = (crc << 8) ^ CRC[((crc >>> 24) & 0xFF) ^ (b & 0xFF)];
        }
        for (int i = 0; i < 4; i++) {
            p[22 + i] = (byte) (crc >> (8 * i));
        }
        return p;
    }
}
