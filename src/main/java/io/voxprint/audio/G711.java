package io.voxprint.audio;

/**
 * G.711 expansion as libsox does it (and so torchaudio 0.13.1): mu-law and A-law bytes become the
 * standard 16-bit linear values (ITU-T G.711 / Sun g711.c), then value / 32768.
 */
final class G711 {
    static final float[] ULAW = new float[256];
    static final float[] ALAW = new float[256];

    static {
        for (int i = 0; i < 256; i++) {
            ULAW[i] = ulawToLinear(i) / 32768f;
            ALAW[i] = alawToLinear(i) / 32768f;
        }
    }

    private G711() {
    }

    static int ulawToLinear(int code) {
        int u = ~code & 0xFF;
        int t = ((u & 0x0F) << 3) + 0x84;
        t <<= (u & 0x70) >> 4;
        return (u & 0x80) != 0 ? 0x84 - t : t - 0x84;
    }

    static int alawToLinear(int code) {
        int a = (code ^ 0x55) & 0xFF;
        int t = (a & 0x0F) << 4;
        int seg = (a & 0x70) >> 4;
        switch (seg) {
            case 0 -> t += 8;
            case 1 -> t += 0x108;
            default -> {
                t += 0x108;
                t <<= seg - 1;
            }
        }
        return (a & 0x80) != 0 ? t : -t;
    }
}
