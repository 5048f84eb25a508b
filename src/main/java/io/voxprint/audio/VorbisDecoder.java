package io.voxprint.audio;

import com.jcraft.jogg.Packet;
import com.jcraft.jogg.Page;
import com.jcraft.jogg.StreamState;
import com.jcraft.jogg.SyncState;
import com.jcraft.jorbis.Block;
import com.jcraft.jorbis.Comment;
import com.jcraft.jorbis.DspState;
import com.jcraft.jorbis.Info;
import java.io.IOException;
import java.io.InputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ogg Vorbis through jogg/jorbis driven page by page (the first logical Vorbis stream; chained
 * links after its end are not read). Output is quantised to 16 bits with rounding and clipping as
 * libvorbisfile's ov_read does for libsox, so it matches torchaudio's decoding closely; the last
 * page's granule position trims the padding of the final block, as libvorbisfile does.
 */
final class VorbisDecoder {
    private static final Logger LOG = LoggerFactory.getLogger(VorbisDecoder.class);
    private static final int READ_SIZE = 8192;
    /** Iterations allowed without reading input or producing samples before we call it a hang. */
    private static final int MAX_IDLE_ITERATIONS = 1 << 20;

    private final InputStream in;
    private final String source;
    private final SyncState sync = new SyncState();
    private final StreamState stream = new StreamState();
    private final Page page = new Page();
    private final Packet packet = new Packet();
    private int idle;

    private VorbisDecoder(InputStream in, String source) {
        this.in = in;
        this.source = source;
    }

    static void decode(InputStream in, String source, FrameSink sink) throws IOException {
        new VorbisDecoder(in, source).run(sink);
    }

    private void run(FrameSink sink) throws IOException {
        long frames = 0;
        try {
            sync.init();
            Info info = new Info();
            Comment comment = new Comment();
            info.init();
            comment.init();
            int serial = readHeaders(info, comment);
            if (info.channels < 1 || info.rate < 1) {
                throw new AudioException("The file '" + source + "' is a damaged Ogg Vorbis file: its stream header is invalid.");
            }
            sink.start(info.rate, info.channels, "Ogg Vorbis");
            DspState dsp = new DspState();
            Block block = new Block(dsp);
            dsp.synthesis_init(info);
            block.init(dsp);
            int channels = info.channels;
            float[][][] pcm = new float[1][][];
            int[] index = new int[channels];
            float[] out = new float[0];
            boolean end = false;
            while (!end) {
                int r = sync.pageout(page);
                if (r == 0) {
                    if (!feed()) {
                        break;
                    }
                    continue;
                }
                guard();
                if (r < 0 || page.serialno() != serial) {
                    continue; // a hole in the data, or another logical stream: skip like libvorbisfile
                }
                if (stream.pagein(page) < 0) {
                    continue;
                }
                boolean last = page.eos() != 0;
                long granule = page.granulepos();
                while (true) {
                    int p = stream.packetout(packet);
                    if (p == 0) {
                        break;
                    }
                    guard();
                    if (p < 0) {
                        continue;
                    }
                    if (block.synthesis(packet) == 0) {
                        dsp.synthesis_blockin(block);
                    }
                    int samples;
                    while ((samples = dsp.synthesis_pcmout(pcm, index)) > 0) {
                        int take = samples;
                        if (last && granule >= 0) {
                            take = (int) Math.max(0, Math.min(samples, granule - frames));
                        }
                        if (out.length < take * channels) {
                            out = new float[take * channels];
                        }
                        for (int c = 0; c < channels; c++) {
                            float[] ch = pcm[0][c];
                            int base = index[c];
                            for (int i = 0; i < take; i++) {
                                out[i * channels + c] = quantise16(ch[base + i]);
                            }
                        }
                        if (take > 0) {
                            sink.frames(out, take);
                            frames += take;
                            idle = 0;
                        }
                        dsp.synthesis_read(samples);
                    }
                }
                end = last;
            }
        } catch (AudioException e) {
            throw e;
        } catch (IOException | RuntimeException | StackOverflowError | OutOfMemoryError e) {
            // jorbis signals damage with arbitrary runtime exceptions, and a forged codebook can ask
            // for one impossible array: neither leaves anything behind.
            if (frames == 0) {
                throw new AudioException("The file '" + source + "' is a damaged Ogg Vorbis file and could not be decoded.", e);
            }
            LOG.warn("'{}': Vorbis decoding stopped after {} frames; keeping what was decoded", source, frames, e);
        }
    }

    private int readHeaders(Info info, Comment comment) throws IOException {
        int headers = 0;
        int serial = 0;
        boolean started = false;
        while (headers < 3) {
            int r = sync.pageout(page);
            if (r == 0) {
                if (!feed()) {
                    throw new AudioException(started
                            ? "The file '" + source + "' is truncated: its Ogg Vorbis headers are incomplete."
                            : "The file '" + source + "' is a damaged Ogg file: no Ogg page could be read.");
                }
                continue;
            }
            guard();
            if (r < 0) {
                continue;
            }
            if (!started) {
                serial = page.serialno();
                stream.init(serial);
                started = true;
            } else if (page.serialno() != serial) {
                continue;
            }
            if (stream.pagein(page) < 0) {
                throw new AudioException("The file '" + source + "' is a damaged Ogg Vorbis file: its header pages are invalid.");
            }
            while (headers < 3) {
                int p = stream.packetout(packet);
                if (p == 0) {
                    break;
                }
                if (p >= 0 && headers == 2) {
                    String problem = VorbisSetupCheck.problem(packet.packet_base, packet.packet, packet.bytes);
                    if (problem != null) {
                        throw new AudioException("The file '" + source + "' is a damaged Ogg Vorbis file: " + problem + ".");
                    }
                }
                if (p < 0 || info.synthesis_headerin(comment, packet) < 0) {
                    throw new AudioException(headers == 0
                            ? "The file '" + source + "' is an Ogg file but not Ogg Vorbis (Opus, Speex or FLAC in Ogg are not supported)."
                            : "The file '" + source + "' is a damaged Ogg Vorbis file: its headers are invalid.");
                }
                headers++;
            }
        }
        return serial;
    }

    private boolean feed() throws IOException {
        int offset = sync.buffer(READ_SIZE);
        int n = in.read(sync.data, offset, READ_SIZE);
        if (n <= 0) {
            return false;
        }
        sync.wrote(n);
        idle = 0;
        return true;
    }

    private void guard() {
        if (++idle > MAX_IDLE_ITERATIONS) {
            throw new AudioException("The file '" + source + "' is a damaged Ogg Vorbis file: decoding makes no progress.");
        }
    }

    /** ov_read's conversion: round to the nearest 16-bit step, clip to the 16-bit range. */
    private static float quantise16(float x) {
        int v = Math.round(x * 32768f);
        if (v > 32767) {
            v = 32767;
        } else if (v < -32768) {
            v = -32768;
        }
        return v / 32768f;
    }
}
