#!/usr/bin/python3
"""Benchmark inputs: synthetic speech (espeak-ng) of 3 s and 10 s as a 44.1 kHz stereo 16-bit WAV and a
48 kHz stereo 16-bit FLAC (the `flac` command), so that the timed work includes decoding, the channel
mean and a non-integer-ratio resampling to 16 kHz. Usage: make_audio.py OUT_DIR
"""
import os
import subprocess
import sys
import tempfile

import numpy as np
import scipy.io.wavfile
import scipy.signal

TEXT = ("Speaker recognition compares the voice in a new recording with the voices enrolled before. "
        "The quick brown fox jumps over the lazy dog near the river bank, and then it runs home again.")


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        raw = os.path.join(tmp, "speech.wav")
        subprocess.run(["espeak-ng", "-v", "en", "-s", "150", "-w", raw, TEXT], check=True)
        rate, pcm = scipy.io.wavfile.read(raw)
        speech = pcm.astype(np.float64) / 32768.0
        rng = np.random.default_rng(20240611)
        for target, ext in ((44100, "wav"), (48000, "flac")):
            g = np.gcd(rate, target)
            x = scipy.signal.resample_poly(speech, target // g, rate // g)
            for seconds in (3, 10):
                n = seconds * target
                mono = np.resize(x, n)  # repeats the utterance if it is shorter
                stereo = np.stack([mono, 0.8 * mono + 0.003 * rng.standard_normal(n)], axis=1)
                pcm16 = np.clip(np.round(stereo * 32767), -32768, 32767).astype(np.int16)
                name = os.path.join(out, "speech-%ds-%dHz-stereo.%s" % (seconds, target, ext))
                if ext == "wav":
                    scipy.io.wavfile.write(name, target, pcm16)
                else:
                    wav = os.path.join(tmp, "x.wav")
                    scipy.io.wavfile.write(wav, target, pcm16)
                    subprocess.run(["flac", "-s", "-f", "-o", name, wav], check=True)
                print("wrote", name)


if __name__ == "__main__":
    main()
