package io.voxprint.audio;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import org.jflac.ChannelData;
import org.jflac.FLACDecoder;
import org.jflac.frame.Frame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * FLAC through jflac, frame by frame. The metadata blocks are walked here and jflac is handed only
 * STREAMINFO: its own metadata readers allocate from declared lengths (a PICTURE block may claim
 * 4 GB), which a hostile file must not reach. Samples are value / 2^(bits-1), as libsox scales them.
 */
final class FlacDecoder {
    private static final Logger LOG = LoggerFactory.getLogger(FlacDecoder.class);
    private static final int STREAMINFO_LENGTH = 34;
    private static final int MAX_METADATA_BLOCKS = 10_000;

    private FlacDecoder() {
    }

    static void decode(InputStream in, String source, FrameSink sink) throws IOException {
        byte[] streamInfo = readMetadata(in, source);
        int rate = (streamInfo[10] & 0xFF) << 12 | (streamInfo[11] & 0xFF) << 4 | (streamInfo[12] & 0xF0) >> 4;
        int channels = ((streamInfo[12] & 0x0E) >> 1) + 1;
        int bits = ((streamInfo[12] & 0x01) << 4 | (streamInfo[13] & 0xF0) >> 4) + 1;
        if (bits < 4 || bits > 24) {
            throw new AudioException("The file '" + source + "' is a FLAC file with " + bits
                    + "-bit samples, which Voxprint cannot read (4 to 24 bits are supported).");
        }
        // 36 bits, 0 when unknown. libFLAC ends the stream there; jflac instead stops searching for
        // frames but keeps parsing the stale header forever when anything follows, so the limit is
        // kept here and jflac gets a STREAMINFO that says "unknown".
        long declaredTotal = (streamInfo[13] & 0x0FL) << 32 | (streamInfo[14] & 0xFFL) << 24
                | (streamInfo[15] & 0xFFL) << 16 | (streamInfo[16] & 0xFFL) << 8 | (streamInfo[17] & 0xFFL);
        sink.start(rate, channels, "FLAC");

        byte[] header = new byte[8 + STREAMINFO_LENGTH];
        header[0] = 'f';
        header[1] = 'L';
        header[2] = 'a';
        header[3] = 'C';
        header[4] = (byte) 0x80; // last metadata block, type STREAMINFO
        header[7] = STREAMINFO_LENGTH;
        System.arraycopy(streamInfo, 0, header, 8, STREAMINFO_LENGTH);
        header[8 + 13] &= (byte) 0xF0;
        header[8 + 14] = header[8 + 15] = header[8 + 16] = header[8 + 17] = 0;
        CountingInputStream counted = new CountingInputStream(in);
        FLACDecoder decoder = new FLACDecoder(new EndOfInputGuard(
                new SequenceInputStream(new ByteArrayInputStream(header), counted)));
        float[] out = new float[0];
        long frames = 0;
        try {
            decoder.readMetadata();
            while (declaredTotal == 0 || frames < declaredTotal) {
                long before = counted.count();
                Frame frame = decoder.readNextFrame();
                if (frame == null) {
                    break;
                }
                int block = frame.header.blockSize;
                if (frame.header.channels != channels || frame.header.bitsPerSample != bits) {
                    throw new AudioException("The file '" + source + "' is a damaged FLAC file: its frames disagree with its header.");
                }
                if (block <= 0 && counted.count() == before) {
                    throw new AudioException("The file '" + source + "' is a damaged FLAC file: decoding makes no progress.");
                }
                if (out.length < block * channels) {
                    out = new float[block * channels];
                }
                ChannelData[] data = decoder.getChannelData();
                float scale = 1f / (1 << (bits - 1));
                for (int c = 0; c < channels; c++) {
                    int[] samples = data[c].getOutput();
                    for (int i = 0; i < block; i++) {
                        out[i * channels + c] = samples[i] * scale;
                    }
                }
                sink.frames(out, block);
                frames += block;
            }
        } catch (AudioException e) {
            throw e;
        } catch (IOException | RuntimeException | StackOverflowError | OutOfMemoryError e) {
            // jflac reports damage with all sorts of exceptions; a huge failed allocation from a
            // forged header is one of them and leaves the heap as it was.
            if (frames == 0) {
                throw new AudioException("The file '" + source + "' is a damaged FLAC file and could not be decoded.", e);
            }
            LOG.warn("'{}': FLAC decoding stopped after {} frames; keeping what was decoded", source, frames, e);
        }
        if (frames == 0 && counted.count() > 0) {
            LOG.warn("'{}': no decodable FLAC frame in {} bytes", source, counted.count());
        }
    }

    /**
     * jflac's frame search swallows end-of-input (which its bit reader also reports, wrongly, when
     * its buffer is full and it asks for 0 bytes) and returns as if it had found a frame; when the
     * stale header it then parses is bad, it searches again, forever. Many reads in a row that
     * return nothing mean that loop: it is ended here with an unchecked exception, which jflac does
     * not catch.
     */
    private static final class EndOfInputGuard extends FilterInputStream {
        private static final int MAX_EMPTY_READS = 64;
        private int emptyReads;

        EndOfInputGuard(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            return atEnd(super.read());
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return atEnd(super.read(b, off, len));
        }

        private int atEnd(int n) {
            if (n > 0) {
                emptyReads = 0;
            } else if (++emptyReads > MAX_EMPTY_READS) {
                throw new IllegalStateException("FLAC decoder keeps reading without getting data");
            }
            return n;
        }
    }

    /** Walks the metadata blocks without allocating from their declared lengths; returns STREAMINFO. */
    private static byte[] readMetadata(InputStream in, String source) throws IOException {
        byte[] magic = new byte[4];
        if (StreamBytes.readUpTo(in, magic, 0, 4) < 4 || !StreamBytes.startsWith(magic, 0, "fLaC")) {
            throw new AudioException("The file '" + source + "' is truncated: its FLAC header is incomplete.");
        }
        byte[] streamInfo = null;
        byte[] blockHeader = new byte[4];
        for (int count = 0; count < MAX_METADATA_BLOCKS; count++) {
            if (StreamBytes.readUpTo(in, blockHeader, 0, 4) < 4) {
                throw new AudioException("The file '" + source + "' is truncated: its FLAC header is incomplete.");
            }
            boolean last = (blockHeader[0] & 0x80) != 0;
            int type = blockHeader[0] & 0x7F;
            int length = (blockHeader[1] & 0xFF) << 16 | (blockHeader[2] & 0xFF) << 8 | (blockHeader[3] & 0xFF);
            if (type == 0) {
                if (length != STREAMINFO_LENGTH || streamInfo != null) {
                    throw new AudioException("The file '" + source + "' is a damaged FLAC file: its stream header is invalid.");
                }
                streamInfo = new byte[STREAMINFO_LENGTH];
                if (StreamBytes.readUpTo(in, streamInfo, 0, STREAMINFO_LENGTH) < STREAMINFO_LENGTH) {
                    throw new AudioException("The file '" + source + "' is truncated: its FLAC header is incomplete.");
                }
            } else if (type == 127) {
                throw new AudioException("The file '" + source + "' is a damaged FLAC file: it has an invalid metadata block.");
            } else if (StreamBytes.discard(in, length) < length) {
                throw new AudioException("The file '" + source + "' is truncated: its FLAC header is incomplete.");
            }
            if (last) {
                if (streamInfo == null) {
                    throw new AudioException("The file '" + source + "' is a damaged FLAC file: it has no stream header.");
                }
                return streamInfo;
            }
        }
        throw new AudioException("The file '" + source + "' is a damaged FLAC file: it has too many metadata blocks.");
    }
}
