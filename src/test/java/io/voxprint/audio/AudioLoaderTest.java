package io.voxprint.audio;

import io.voxprint.testing.RepeatingStream;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AudioLoaderTest {
    private final AudioLoader loader = new AudioLoader();

    /** The container comes from the bytes: a FLAC named .wav and an MP3 named .bin load as themselves. */
    @Test
    void formatIsDetectedByContentNotName(@TempDir Path dir) throws Exception {
        Path flac = Files.copy(Fixtures.file("flac_s16_44100_stereo.flac"), dir.resolve("really-flac.wav"));
        Path mp3 = Files.copy(Fixtures.file("mp3_22050_mono.mp3"), dir.resolve("sound.bin"));
        assertEquals("FLAC", loader.load(flac).format());
        assertEquals("MP3", loader.load(mp3).format());
        assertArrayEquals(Fixtures.readF32("flac_s16_44100_stereo.flac.ref.f32"), loader.load(flac).samples(), 1e-4f);
    }

    @Test
    void streamAndPathGiveTheSameSamples() throws Exception {
        Path file = Fixtures.file("pcm_s24_48000_stereo.wav");
        try (InputStream in = Files.newInputStream(file)) {
            PreparedAudio fromStream = loader.load("pcm_s24_48000_stereo.wav", in);
            PreparedAudio fromPath = loader.load(file);
            assertArrayEquals(fromPath.samples(), fromStream.samples());
            assertEquals(fromPath.samplesSha256(), fromStream.samplesSha256());
            assertEquals("pcm_s24_48000_stereo.wav", fromPath.source());
        }
    }

    /** sha256 of float32 little-endian bytes, computed here independently of PreparedAudio. */
    @Test
    void samplesSha256IsOverFloat32LittleEndian() throws Exception {
        PreparedAudio audio = loader.load(Fixtures.file("pcm_s16_16000_mono.wav"));
        byte[] raw = Files.readAllBytes(Fixtures.file("pcm_s16_16000_mono.wav.ref.f32"));
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw));
        assertEquals(expected, audio.samplesSha256());
        assertEquals(0.6, audio.seconds(), 1e-9);
    }

    /** Microphone takes go through the same resampler as files: compare with torchaudio's output. */
    @Test
    void fromSamplesResamplesLikeTorchaudio() {
        float[] in = Fixtures.readF32("resample_44100_to_16000.in.f32");
        PreparedAudio audio = AudioLoader.fromSamples("take 1", in, 44100);
        assertArrayEquals(Fixtures.readF32("resample_44100_to_16000.out.f32"), audio.samples(), 1e-5f);
        assertEquals(44100, audio.originalSampleRate());
        assertEquals(1, audio.originalChannels());
        assertEquals(in.length / 44100.0, audio.originalSeconds(), 1e-12);
        AudioException e = assertThrows(AudioException.class, () -> AudioLoader.fromSamples("take 2", new float[10], 4000));
        assertEquals("The recording 'take 2' has a sample rate of 4000 Hz; Voxprint reads 8000 to 96000 Hz.", e.getMessage());
    }

    /**
     * 20 minutes of 8-channel 96 kHz float32 WAV is 3.7 GB, more than the 3 GB test heap: it can only
     * load if the input is streamed. The stream is generated on the fly; a 1 kHz tone on every channel
     * must come out as the same tone at 16 kHz.
     */
    @Test
    void streamsInputLargerThanTheHeap() {
        int rate = 96_000;
        int channels = 8;
        long frames = 20L * 60 * rate;
        long dataBytes = frames * channels * 4;
        assertTrue(dataBytes > Runtime.getRuntime().maxMemory(), "the input must not fit in the heap");
        PreparedAudio audio = loader.load("hour.wav", new ToneWavStream(rate, channels, frames));
        assertEquals(frames / 6, audio.samples().length);
        assertEquals("WAV float 32-bit", audio.format());
        float[] s = audio.samples();
        for (int i = 1000; i < s.length - 1000; i += 997_003) {
            assertEquals(0.5 * Math.sin(2 * Math.PI * 1000 * i / 16000.0), s[i], 1e-3, "sample " + i);
        }
    }

    /** A float32 WAV of a 1 kHz tone (amplitude 0.5, same on all channels), produced as it is read. */
    private static final class ToneWavStream extends RepeatingStream {
        ToneWavStream(int rate, int channels, long frames) {
            this(header(rate, channels, frames * channels * 4), rate, channels, frames * channels * 4);
        }

        private ToneWavStream(byte[] header, int rate, int channels, long dataBytes) {
            super(header, period(rate, channels), header.length + dataBytes);
        }

        private static byte[] header(int rate, int channels, long dataBytes) {
            return TestWav.build(3, channels, rate, 32, new byte[0], dataBytes > 0xFFFFFFF0L ? 0xFFFFFFFFL : dataBytes);
        }

        private static byte[] period(int rate, int channels) {
            int periodFrames = rate / 1000; // whole cycles of the tone
            ByteBuffer bb = ByteBuffer.allocate(periodFrames * channels * 4).order(ByteOrder.LITTLE_ENDIAN);
            for (int f = 0; f < periodFrames; f++) {
                float v = (float) (0.5 * Math.sin(2 * Math.PI * 1000 * f / rate));
                for (int c = 0; c < channels; c++) {
                    bb.putFloat(v);
                }
            }
            return bb.array();
        }
    }

    @Test
    void sameBytesAsAStreamWithoutAName() {
        byte[] wav = TestWav.pcm16(1, 16000, new short[] {16384, -16384, 0});
        PreparedAudio audio = loader.load(null, new ByteArrayInputStream(wav));
        assertArrayEquals(new float[] {0.5f, -0.5f, 0f}, audio.samples());
        assertEquals("WAV PCM 16-bit", audio.format());
    }
}
