package io.voxprint.audio.capture;

import javax.sound.sampled.AudioFormat;

/** Turns interleaved integer PCM bytes into mono floats by averaging the channels. */
final class PcmDecoder {
    private final int bytesPerSample;
    private final int channels;
    private final boolean bigEndian;
    private final boolean signed;
    private final double scale;

    PcmDecoder(AudioFormat format) {
        AudioFormat.Encoding enc = format.getEncoding();
        if (!enc.equals(AudioFormat.Encoding.PCM_SIGNED) && !enc.equals(AudioFormat.Encoding.PCM_UNSIGNED)) {
            throw new IllegalArgumentException("Only integer PCM is supported, not " + enc);
        }
        this.bytesPerSample = format.getSampleSizeInBits() / 8;
        this.channels = format.getChannels();
        this.bigEndian = format.isBigEndian();
        this.signed = enc.equals(AudioFormat.Encoding.PCM_SIGNED);
        this.scale = Math.pow(2, format.getSampleSizeInBits() - 1);
    }

    int frameSize() {
        return bytesPerSample * channels;
    }

    float[] decode(byte[] bytes, int length) {
        int frames = length / frameSize();
        float[] out = new float[frames];
        int pos = 0;
        for (int f = 0; f < frames; f++) {
            double sum = 0;
            for (int c = 0; c < channels; c++) {
                sum += sample(bytes, pos);
                pos += bytesPerSample;
            }
            out[f] = (float) (sum / channels / scale);
        }
        return out;
    }

    private long sample(byte[] b, int pos) {
        long v = 0;
        for (int i = 0; i < bytesPerSample; i++) {
            int idx = bigEndian ? pos + i : pos + bytesPerSample - 1 - i;
            v = (v << 8) | (b[idx] & 0xFF);
        }
        int bits = bytesPerSample * 8;
        if (signed) {
            v = (v << (64 - bits)) >> (64 - bits);
        } else {
            v -= 1L << (bits - 1);
        }
        return v;
    }
}
