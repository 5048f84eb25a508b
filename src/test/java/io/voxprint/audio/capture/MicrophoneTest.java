package io.voxprint.audio.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxprint.testing.FakeMicrophone;
import io.voxprint.testing.Fixtures;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sound.sampled.AudioFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MicrophoneTest {

    @AfterEach
    void removeMicrophone() {
        FakeMicrophone.remove();
    }

    @Test
    void recordsExactlyWhatTheMicrophonePlayed() throws Exception {
        FakeMicrophone.install(FakeMicrophone.speechWav(), 8.0);
        short[] played = Fixtures.pcm16(FakeMicrophone.speechWav());
        List<Level> levels = new CopyOnWriteArrayList<>();
        CaptureListener listener = (block, level) -> levels.add(level);

        Recording recording = Microphone.start(null, Duration.ofSeconds(4), listener);
        CapturedAudio audio = recording.awaitEnd();

        assertEquals(16_000f, audio.sampleRate());
        assertEquals(64_000, audio.samples().length, "stops at the maximum length");
        for (int i = 0; i < played.length; i++) {
            assertEquals(played[i] / 32768.0, audio.samples()[i], 0.5 / 32768, "sample " + i);
        }
        for (int i = played.length; i < audio.samples().length; i++) {
            assertEquals(0f, audio.samples()[i], "silence after the file ends, sample " + i);
        }
        assertTrue(levels.size() >= 70, "about one level per 50 ms block: " + levels.size());
        double loudest = levels.stream().mapToDouble(Level::peak).max().orElse(0);
        int peakSample = 0;
        for (short s : played) {
            peakSample = Math.max(peakSample, Math.abs(s));
        }
        assertEquals(peakSample / 32768.0, loudest, 1e-6);
    }

    @Test
    void listsTheMicrophoneAndRecordsFromItByName() throws Exception {
        FakeMicrophone.install(FakeMicrophone.speechWav(), 8.0);
        assertEquals(List.of(FakeMicrophone.MIXER_NAME), Microphone.inputDevices().stream().map(InputDevice::name).toList());
        try (Recording r = Microphone.start(FakeMicrophone.MIXER_NAME, Duration.ofSeconds(1), (b, l) -> { })) {
            assertEquals(16_000, r.awaitEnd().samples().length);
        }
    }

    @Test
    void aDeviceThatCannotDo16kHzIsRecordedInItsOwnFormatAsMono() throws Exception {
        AudioFormat stereo = new AudioFormat(22_050f, 16, 2, true, true);
        byte[] pcm = new byte[22_050 * 4];
        for (int i = 0; i < 22_050; i++) {
            short left = (short) (i % 2000);
            short right = (short) -(i % 500);
            pcm[4 * i] = (byte) (left >> 8);
            pcm[4 * i + 1] = (byte) left;
            pcm[4 * i + 2] = (byte) (right >> 8);
            pcm[4 * i + 3] = (byte) right;
        }
        FakeMicrophone.install(stereo, pcm, 8.0);

        CapturedAudio audio = Microphone.start(null, Duration.ofMillis(500), (b, l) -> { }).awaitEnd();

        assertEquals(22_050f, audio.sampleRate());
        assertEquals(11_025, audio.samples().length);
        for (int i = 0; i < audio.samples().length; i++) {
            double expected = ((i % 2000) - (i % 500)) / 2.0 / 32768.0;
            assertEquals(expected, audio.samples()[i], 1e-7, "sample " + i);
        }
    }

    @Test
    void withoutAMicrophoneTheUserReadsOneSentence() {
        CaptureException e = assertThrows(CaptureException.class, () -> Microphone.start(null, Duration.ofSeconds(1), (b, l) -> { }));
        assertEquals("No microphone was found; you can still import audio files.", e.getMessage());
        assertTrue(Microphone.inputDevices().isEmpty());
    }

    @Test
    void withoutASoundCardPlaybackSaysSoInOneSentence() {
        PlaybackException e = assertThrows(PlaybackException.class,
                () -> new AudioPlayer().play(new CapturedAudio(new float[1600], 16_000f)));
        assertEquals("No sound output device was found, so the take cannot be played.", e.getMessage());
    }

    @Test
    void stoppingByHandKeepsWhatWasRecordedSoFar() throws Exception {
        FakeMicrophone.install(FakeMicrophone.speechWav(), 1.0);
        Recording r = Microphone.start(null, Duration.ofSeconds(30), (b, l) -> { });
        Thread.sleep(300);
        CapturedAudio audio = r.stop();
        assertTrue(audio.samples().length > 0 && audio.samples().length < 16_000 * 5, "length " + audio.samples().length);
        assertEquals(0, audio.samples().length % 800, "whole 50 ms blocks");
    }
}
