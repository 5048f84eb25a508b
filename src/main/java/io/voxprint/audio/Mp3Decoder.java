package io.voxprint.audio;

import java.io.BufferedInputStream;
import java.io.IOException;
import javazoom.jl.decoder.Bitstream;
import javazoom.jl.decoder.Decoder;
import javazoom.jl.decoder.Header;
import javazoom.jl.decoder.Obuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MPEG audio (Layer III, and I/II) through jlayer, frame by frame. jlayer's own SampleBuffer rounds
 * to 16 bits; a float output buffer keeps the synthesis filter's values instead (libmad, behind
 * torchaudio, keeps 28 fractional bits). The stream reaching here has its ID3v2 tags removed:
 * jlayer would allocate the tag's declared size.
 */
final class Mp3Decoder {
    private static final Logger LOG = LoggerFactory.getLogger(Mp3Decoder.class);
    /** jlayer's synthesis filter scales full scale to 32700 (Decoder.initialize). */
    private static final float JLAYER_SCALE = 32700f;
    private static final int MAX_SKIPPED_FRAMES = 10_000;
    private static final int MIN_FRAME_BYTES = 24;

    private Mp3Decoder() {
    }

    static void decode(BufferedInputStream in, String source, FrameSink sink) throws IOException {
        hideDamagedId3Tag(in);
        boolean tagFrame = startsWithTagFrame(in);
        CountingInputStream counted = new CountingInputStream(in);
        FloatOutput output = new FloatOutput();
        HeldFrame held = new HeldFrame();
        long frames = 0;
        int skipped = 0;
        try {
            Bitstream bitstream = new Bitstream(counted);
            Decoder decoder = new Decoder();
            decoder.setOutputBuffer(output);
            int rate = 0;
            int channels = 0;
            long headers = 0;
            while (true) {
                Header header = bitstream.readFrame();
                if (header == null) {
                    break;
                }
                // jlayer reads ahead in large blocks, so bytes need not move per frame; but no MPEG
                // frame is shorter than 24 bytes, so more headers than that allows means a loop.
                if (++headers > counted.count() / MIN_FRAME_BYTES + 16) {
                    throw new AudioException("The file '" + source + "' is a damaged MP3 file: decoding makes no progress.");
                }
                int frameChannels = header.mode() == Header.SINGLE_CHANNEL ? 1 : 2;
                if (rate == 0) {
                    rate = header.frequency();
                    channels = frameChannels;
                    sink.start(rate, channels, header.layer() == 3 ? "MP3" : "MPEG audio Layer " + "I".repeat(header.layer()));
                    output.channels = channels;
                } else if (header.frequency() != rate || frameChannels != channels) {
                    // A false sync inside damaged data: jlayer would decode it with the first frame's set-up.
                    bitstream.closeFrame();
                    if (++skipped > MAX_SKIPPED_FRAMES) {
                        break;
                    }
                    continue;
                }
                decoder.decodeFrame(header, bitstream);
                bitstream.closeFrame();
                int n = output.frames();
                if (n > 0) {
                    held.emitTo(sink);
                    held.hold(output.samples, n * channels, n);
                    frames += n;
                }
            }
            // libsox (hence torchaudio) stops one frame early when a Xing/Info frame leads the
            // stream: it takes the length from that tag, which does not count the tag frame that
            // libmad, like jlayer, decodes as a frame of silence. Matching it keeps the same length.
            if (!tagFrame) {
                held.emitTo(sink);
            }
        } catch (AudioException e) {
            throw e;
        } catch (Exception | StackOverflowError | OutOfMemoryError e) {
            // jlayer throws its own checked exceptions and arbitrary runtime ones on damaged frames.
            if (frames == 0) {
                throw new AudioException("The file '" + source + "' is a damaged MP3 file and could not be decoded.", e);
            }
            LOG.warn("'{}': MP3 decoding stopped after {} frames; keeping what was decoded", source, frames, e);
            held.emitTo(sink);
        }
        if (frames == 0) {
            throw new AudioException("The file '" + source + "' is an MP3 file without decodable audio frames.");
        }
    }

    /**
     * The sniffer has skipped every well-formed ID3v2 tag (up to 8). Whatever still starts with
     * "ID3" is a damaged or excess tag, whose size jlayer reads unchecked (as signed bytes) and
     * allocates: a 4.5 KB file made it allocate 207 MB. Dropping the first byte makes the tag the
     * garbage it is; jlayer then syncs to the first frame after it, as libmad does.
     */
    private static void hideDamagedId3Tag(BufferedInputStream in) throws IOException {
        byte[] head = new byte[3];
        in.mark(head.length);
        int n = StreamBytes.readUpTo(in, head, 0, head.length);
        in.reset();
        if (n == head.length && StreamBytes.startsWith(head, 0, "ID3")) {
            StreamBytes.discard(in, 1);
        }
    }

    /**
     * Whether the first MPEG frame carries a Xing or Info tag (where LAME and others put it: right
     * after the side information). Looks at buffered bytes only and leaves the stream where it was.
     */
    private static boolean startsWithTagFrame(BufferedInputStream in) throws IOException {
        byte[] peek = new byte[ContainerSniffer.PEEK];
        in.mark(peek.length);
        int n = StreamBytes.readUpTo(in, peek, 0, peek.length);
        in.reset();
        for (int o = 0; o + 4 <= n; o++) {
            if (ContainerSniffer.mpegFrameLength(peek, o) > 0) {
                boolean mpeg1 = ((peek[o + 1] >> 3) & 3) == 3;
                boolean mono = ((peek[o + 3] >> 6) & 3) == 3;
                boolean crc = (peek[o + 1] & 1) == 0;
                int at = o + 4 + (crc ? 2 : 0) + (mpeg1 ? (mono ? 17 : 32) : (mono ? 9 : 17));
                return StreamBytes.startsWith(peek, at, "Xing") || StreamBytes.startsWith(peek, at, "Info");
            }
        }
        return false;
    }

    /** One decoded frame kept back until the next arrives, so the last one can be dropped. */
    private static final class HeldFrame {
        private final float[] samples = new float[FloatOutput.MAX_FRAMES * 2];
        private int frames;

        void hold(float[] interleaved, int length, int frameCount) {
            System.arraycopy(interleaved, 0, samples, 0, length);
            frames = frameCount;
        }

        void emitTo(FrameSink sink) {
            if (frames > 0) {
                sink.frames(samples, frames);
                frames = 0;
            }
        }
    }

    /** Collects one frame's synthesis output as interleaved floats in [-1, 1] (clipped as libmad's output is). */
    private static final class FloatOutput extends Obuffer {
        private static final int MAX_FRAMES = 1152;
        final float[] samples = new float[MAX_FRAMES * 2];
        final int[] written = new int[2];
        int channels = 1;

        int frames() {
            return channels == 1 ? written[0] : Math.min(written[0], written[1]);
        }

        @Override
        public void appendSamples(int channel, float[] f) {
            if (channel < 0 || channel >= channels) {
                return;
            }
            for (float v : f) {
                put(channel, v / JLAYER_SCALE);
            }
        }

        @Override
        public void append(int channel, short value) {
            if (channel >= 0 && channel < channels) {
                put(channel, value / JLAYER_SCALE);
            }
        }

        private void put(int channel, float v) {
            int i = written[channel];
            if (i < MAX_FRAMES) {
                samples[i * channels + channel] = Math.max(-1f, Math.min(1f, v));
                written[channel] = i + 1;
            }
        }

        @Override
        public void write_buffer(int val) {
            // the frame is read by the decoder loop after decodeFrame returns
        }

        @Override
        public void close() {
        }

        @Override
        public void clear_buffer() {
            written[0] = 0;
            written[1] = 0;
        }

        @Override
        public void set_stop_flag() {
        }
    }
}
