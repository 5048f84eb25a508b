package io.voxprint.audio;

import java.io.IOException;
import java.io.InputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RIFF/WAVE reader: PCM 8 (unsigned) / 16 / 24 / 32-bit, IEEE float 32 / 64, mu-law, A-law, plain or
 * WAVE_FORMAT_EXTENSIBLE headers, any chunk order with fmt before data. Declared sizes steer the
 * walk but never an allocation: chunks are skipped by reading, audio is read in fixed blocks.
 *
 * <p>Scaling is torchaudio 0.13.1's (sox_io): int16/32768, (u8-128)/128, int24/2^23, int32/2^31,
 * G.711 through the standard 16-bit tables; floats are passed on as they are and the pipeline
 * clips them to [-1, 1] as libsox does.
 */
final class WavDecoder {
    private static final Logger LOG = LoggerFactory.getLogger(WavDecoder.class);
    private static final int BLOCK_BYTES = 1 << 16;
    private static final int FMT_READ = 40;
    private static final long UNKNOWN = -1;
    private static final byte[] GUID_TAIL = {0x00, 0x00, 0x00, 0x00, 0x10, 0x00, (byte) 0x80, 0x00, 0x00,
            (byte) 0xAA, 0x00, 0x38, (byte) 0x9B, 0x71};

    private enum Encoding { PCM_U8, PCM_S16, PCM_S24, PCM_S32, FLOAT32, FLOAT64, MULAW, ALAW }

    private WavDecoder() {
    }

    static void decode(InputStream in, String source, FrameSink sink) throws IOException {
        byte[] head = new byte[12];
        int n = StreamBytes.readUpTo(in, head, 0, 12);
        if (n < 12 || !StreamBytes.startsWith(head, 0, "RIFF") || !StreamBytes.startsWith(head, 8, "WAVE")) {
            throw new AudioException("The file '" + source + "' is truncated: its WAV header is incomplete.");
        }
        byte[] fmt = null;
        int fmtLength = 0;
        byte[] chunk = new byte[8];
        while (true) {
            if (StreamBytes.readUpTo(in, chunk, 0, 8) < 8) {
                throw new AudioException(fmt == null
                        ? "The file '" + source + "' is a WAV file without a format chunk."
                        : "The file '" + source + "' is a WAV file without audio data.");
            }
            long size = StreamBytes.u32le(chunk, 4);
            if (StreamBytes.startsWith(chunk, 0, "fmt ")) {
                if (size < 16) {
                    throw new AudioException("The file '" + source + "' has a damaged WAV format chunk.");
                }
                fmt = new byte[FMT_READ];
                fmtLength = StreamBytes.readUpTo(in, fmt, 0, (int) Math.min(size, FMT_READ));
                if (fmtLength < 16) {
                    throw new AudioException("The file '" + source + "' is truncated: its WAV format chunk is incomplete.");
                }
                StreamBytes.discard(in, size - fmtLength + (size & 1));
            } else if (StreamBytes.startsWith(chunk, 0, "data")) {
                if (fmt == null) {
                    throw new AudioException("The file '" + source + "' is a damaged WAV file: its audio data comes before its format chunk.");
                }
                // 0 and 0xFFFFFFFF are what streaming writers leave when they cannot seek back.
                long declared = size == 0 || size == 0xFFFFFFFFL ? UNKNOWN : size;
                readData(in, source, fmt, fmtLength, declared, sink);
                return;
            } else {
                StreamBytes.discard(in, size + (size & 1));
            }
        }
    }

    private static void readData(InputStream in, String source, byte[] fmt, int fmtLength, long declared,
                                 FrameSink sink) throws IOException {
        int tag = StreamBytes.u16le(fmt, 0);
        int channels = StreamBytes.u16le(fmt, 2);
        long rate = StreamBytes.u32le(fmt, 4);
        int bits = StreamBytes.u16le(fmt, 14);
        if (tag == 0xFFFE) {
            if (fmtLength < FMT_READ) {
                throw new AudioException("The file '" + source + "' has a damaged WAV format chunk (extensible header too short).");
            }
            for (int i = 0; i < GUID_TAIL.length; i++) {
                if (fmt[26 + i] != GUID_TAIL[i]) {
                    throw new AudioException("The file '" + source + "' uses a WAV sub-format that Voxprint cannot read; convert it to PCM WAV or FLAC.");
                }
            }
            tag = StreamBytes.u16le(fmt, 24);
        }
        if (channels == 0) {
            throw new AudioException("The file '" + source + "' has a damaged WAV header: it declares no channels.");
        }
        Encoding encoding = encoding(source, tag, bits);
        int bytesPerSample = switch (encoding) {
            case PCM_U8, MULAW, ALAW -> 1;
            case PCM_S16 -> 2;
            case PCM_S24 -> 3;
            case PCM_S32, FLOAT32 -> 4;
            case FLOAT64 -> 8;
        };
        sink.start((int) Math.min(rate, Integer.MAX_VALUE), channels, formatName(encoding));

        int frameBytes = channels * bytesPerSample;
        int framesPerBlock = Math.max(1, BLOCK_BYTES / frameBytes);
        byte[] block = new byte[framesPerBlock * frameBytes];
        float[] out = new float[framesPerBlock * channels];
        long remaining = declared == UNKNOWN ? Long.MAX_VALUE : declared;
        long frames = 0;
        int carry = 0;
        while (remaining > 0) {
            int want = (int) Math.min(block.length - carry, remaining);
            int got = StreamBytes.readUpTo(in, block, carry, want);
            remaining -= got;
            int have = carry + got;
            int whole = have / frameBytes;
            if (whole > 0) {
                convert(encoding, block, whole * channels, out);
                sink.frames(out, whole);
                frames += whole;
            }
            carry = have - whole * frameBytes;
            if (carry > 0) {
                System.arraycopy(block, whole * frameBytes, block, 0, carry);
            }
            if (got < want) {
                if (declared != UNKNOWN) {
                    if (frames == 0) {
                        throw new AudioException("The file '" + source + "' is truncated: its audio data is missing.");
                    }
                    LOG.warn("'{}' is truncated: {} of {} declared audio bytes present; decoded what is there",
                            source, declared - remaining, declared);
                }
                break;
            }
        }
    }

    private static Encoding encoding(String source, int tag, int bits) {
        switch (tag) {
            case 1 -> {
                switch ((bits + 7) / 8) {
                    case 1: return Encoding.PCM_U8;
                    case 2: return Encoding.PCM_S16;
                    case 3: return Encoding.PCM_S24;
                    case 4: return Encoding.PCM_S32;
                    default: break;
                }
            }
            case 3 -> {
                if (bits == 32) {
                    return Encoding.FLOAT32;
                }
                if (bits == 64) {
                    return Encoding.FLOAT64;
                }
            }
            case 6 -> {
                if (bits == 8) {
                    return Encoding.ALAW;
                }
            }
            case 7 -> {
                if (bits == 8) {
                    return Encoding.MULAW;
                }
            }
            default -> throw new AudioException("The file '" + source + "' uses the WAV encoding "
                    + encodingName(tag) + ", which Voxprint cannot read; convert it to PCM WAV or FLAC.");
        }
        throw new AudioException("The file '" + source + "' uses " + bits + "-bit samples in WAV encoding "
                + encodingName(tag) + ", which Voxprint cannot read; convert it to PCM WAV or FLAC.");
    }

    private static String encodingName(int tag) {
        String name = switch (tag) {
            case 1 -> "PCM";
            case 2 -> "Microsoft ADPCM";
            case 3 -> "IEEE float";
            case 6 -> "A-law";
            case 7 -> "mu-law";
            case 0x11 -> "IMA ADPCM";
            case 0x31 -> "GSM 6.10";
            case 0x50 -> "MPEG";
            case 0x55 -> "MP3";
            default -> null;
        };
        return name == null ? String.format("format 0x%04X", tag) : String.format("%s (format 0x%04X)", name, tag);
    }

    private static String formatName(Encoding e) {
        return switch (e) {
            case PCM_U8 -> "WAV PCM unsigned 8-bit";
            case PCM_S16 -> "WAV PCM 16-bit";
            case PCM_S24 -> "WAV PCM 24-bit";
            case PCM_S32 -> "WAV PCM 32-bit";
            case FLOAT32 -> "WAV float 32-bit";
            case FLOAT64 -> "WAV float 64-bit";
            case MULAW -> "WAV mu-law";
            case ALAW -> "WAV A-law";
        };
    }

    private static void convert(Encoding e, byte[] b, int samples, float[] out) {
        switch (e) {
            case PCM_U8 -> {
                for (int i = 0; i < samples; i++) {
                    out[i] = ((b[i] & 0xFF) - 128) / 128f;
                }
            }
            case PCM_S16 -> {
                for (int i = 0, p = 0; i < samples; i++, p += 2) {
                    out[i] = (short) ((b[p] & 0xFF) | b[p + 1] << 8) / 32768f;
                }
            }
            case PCM_S24 -> {
                for (int i = 0, p = 0; i < samples; i++, p += 3) {
                    int v = (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8 | b[p + 2] << 16;
                    out[i] = v / 8388608f;
                }
            }
            case PCM_S32 -> {
                for (int i = 0, p = 0; i < samples; i++, p += 4) {
                    int v = (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8 | (b[p + 2] & 0xFF) << 16 | b[p + 3] << 24;
                    out[i] = (float) (v / 2147483648.0);
                }
            }
            case FLOAT32 -> {
                for (int i = 0, p = 0; i < samples; i++, p += 4) {
                    int v = (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8 | (b[p + 2] & 0xFF) << 16 | b[p + 3] << 24;
                    out[i] = Float.intBitsToFloat(v);
                }
            }
            case FLOAT64 -> {
                for (int i = 0, p = 0; i < samples; i++, p += 8) {
                    long lo = (b[p] & 0xFFL) | (b[p + 1] & 0xFFL) << 8 | (b[p + 2] & 0xFFL) << 16 | (b[p + 3] & 0xFFL) << 24;
                    long hi = (b[p + 4] & 0xFFL) | (b[p + 5] & 0xFFL) << 8 | (b[p + 6] & 0xFFL) << 16 | (b[p + 7] & 0xFFL) << 24;
                    double d = Double.longBitsToDouble(lo | hi << 32);
                    // Clip in double so a huge value cannot become an infinity on the way to float
                    out[i] = Double.isNaN(d) ? Float.NaN : (float) Math.max(-1.0, Math.min(1.0, d));
                }
            }
            case MULAW -> {
                for (int i = 0; i < samples; i++) {
                    out[i] = G711.ULAW[b[i] & 0xFF];
                }
            }
            case ALAW -> {
                for (int i = 0; i < samples; i++) {
                    out[i] = G711.ALAW[b[i] & 0xFF];
                }
            }
        }
    }
}
