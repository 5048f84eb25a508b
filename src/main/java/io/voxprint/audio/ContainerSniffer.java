package io.voxprint.audio;

import java.io.BufferedInputStream;
import java.io.IOException;

/**
 * Tells the container from the first bytes, never from the file name. ID3v2 tags in front (MP3,
 * sometimes FLAC) are skipped by reading, whatever size they declare.
 */
final class ContainerSniffer {
    enum Container { WAV, FLAC, OGG, MPEG, EMPTY, UNKNOWN }

    static final int PEEK = 8192;
    private static final int MAX_ID3_TAGS = 8;
    private static final int MPEG_SCAN = 4096;

    private ContainerSniffer() {
    }

    /** Leaves {@code in} positioned at the container's first byte (after any ID3v2 tags). */
    static Container sniff(BufferedInputStream in) throws IOException {
        boolean tagged = false;
        byte[] peek = new byte[PEEK];
        for (int tags = 0; ; tags++) {
            in.mark(PEEK);
            int n = StreamBytes.readUpTo(in, peek, 0, PEEK);
            in.reset();
            if (n == 0) {
                return tagged ? Container.UNKNOWN : Container.EMPTY;
            }
            long id3 = tags < MAX_ID3_TAGS ? id3v2Length(peek, n) : -1;
            if (id3 > 0) {
                if (StreamBytes.discard(in, id3) < id3) {
                    return Container.UNKNOWN;
                }
                tagged = true;
                continue;
            }
            return classify(peek, n, tagged);
        }
    }

    private static Container classify(byte[] b, int n, boolean tagged) {
        if (n >= 12 && StreamBytes.startsWith(b, 0, "RIFF") && StreamBytes.startsWith(b, 8, "WAVE")) {
            return Container.WAV;
        }
        if (n >= 4 && StreamBytes.startsWith(b, 0, "fLaC")) {
            return Container.FLAC;
        }
        if (n >= 4 && StreamBytes.startsWith(b, 0, "OggS")) {
            return Container.OGG;
        }
        // MPEG audio has no magic: a valid frame header that is followed by another one where its
        // length says (or, after an ID3 tag or in a one-frame file, a valid header at the start).
        for (int o = 0; o + 4 <= Math.min(n, MPEG_SCAN); o++) {
            int len = mpegFrameLength(b, o);
            if (len <= 0) {
                continue;
            }
            if (o + len + 4 <= n) {
                int next = mpegFrameLength(b, o + len);
                if (next > 0 && sameStream(b, o, o + len)) {
                    return Container.MPEG;
                }
            } else if ((tagged && o == 0) || o + len == n) {
                return Container.MPEG;
            }
        }
        return Container.UNKNOWN;
    }

    /** Total length of an ID3v2 tag at the start, or -1. */
    private static long id3v2Length(byte[] b, int n) {
        if (n < 10 || !StreamBytes.startsWith(b, 0, "ID3") || (b[3] & 0xFF) == 0xFF || (b[4] & 0xFF) == 0xFF) {
            return -1;
        }
        long size = 0;
        for (int i = 6; i < 10; i++) {
            if ((b[i] & 0x80) != 0) {
                return -1;
            }
            size = size << 7 | b[i];
        }
        boolean footer = (b[5] & 0x10) != 0;
        return 10 + size + (footer ? 10 : 0);
    }

    private static final int[][] BITRATES_V1 = {
            {0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448},
            {0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384},
            {0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320}};
    private static final int[][] BITRATES_V2 = {
            {0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256},
            {0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160},
            {0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160}};
    private static final int[] RATES_V1 = {44100, 48000, 32000};

    /** Frame length in bytes of a valid MPEG audio header at {@code o}, or -1 (free format counts as invalid). */
    static int mpegFrameLength(byte[] b, int o) {
        int b0 = b[o] & 0xFF;
        int b1 = b[o + 1] & 0xFF;
        int b2 = b[o + 2] & 0xFF;
        int b3 = b[o + 3] & 0xFF;
        if (b0 != 0xFF || (b1 & 0xE0) != 0xE0) {
            return -1;
        }
        int version = (b1 >> 3) & 3; // 0: 2.5, 2: 2, 3: 1
        int layer = 4 - ((b1 >> 1) & 3); // 1..3, 4 = reserved
        int bitrateIndex = b2 >> 4;
        int rateIndex = (b2 >> 2) & 3;
        if (version == 1 || layer == 4 || bitrateIndex == 0 || bitrateIndex == 15 || rateIndex == 3 || (b3 & 3) == 2) {
            return -1;
        }
        int rate = RATES_V1[rateIndex] >> (version == 3 ? 0 : version == 2 ? 1 : 2);
        int bitrate = 1000 * (version == 3 ? BITRATES_V1 : BITRATES_V2)[layer - 1][bitrateIndex];
        int padding = (b2 >> 1) & 1;
        if (layer == 1) {
            return (12 * bitrate / rate + padding) * 4;
        }
        int factor = layer == 3 && version != 3 ? 72 : 144;
        return factor * bitrate / rate + padding;
    }

    private static boolean sameStream(byte[] b, int a, int c) {
        return (b[a + 1] & 0xFE) == (b[c + 1] & 0xFE) && (b[a + 2] & 0x0C) == (b[c + 2] & 0x0C);
    }
}
