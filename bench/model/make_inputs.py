#!/usr/bin/python3
"""Inputs of bench/model/run.sh: real speech (LibriSpeech excerpts in ../shared/speech/librispeech) cut
into 16 kHz mono 16-bit WAVs, the format the model card expects:
  oneshot-3s.wav, oneshot-10s.wav     one utterance each (one-shot embed, verify, identify)
  many-NN.wav                         COUNT files of 3 s from different utterances (many files)
  enroll-<speaker>.wav                3 s of each of three other speakers (the enrolled database)
Usage: make_inputs.py LIBRISPEECH_DIR OUT_DIR [COUNT, default 8]
"""
import glob
import os
import sys

import numpy as np
import scipy.io.wavfile
import torchaudio


def utterances(root):
    files = sorted(glob.glob(os.path.join(root, "train-clean-100", "*.flac")))
    for f in files:
        audio, rate = torchaudio.load(f)
        assert rate == 16000, f
        yield os.path.basename(f).split("-")[0], audio.mean(dim=0).numpy()


def write(path, samples):
    pcm = np.clip(np.round(samples * 32767), -32768, 32767).astype(np.int16)
    scipy.io.wavfile.write(path, 16000, pcm)


def main():
    root, out = sys.argv[1], sys.argv[2]
    count = int(sys.argv[3]) if len(sys.argv) > 3 else 8
    os.makedirs(out, exist_ok=True)
    used_speakers = set()
    many = 0
    enrolled = 0
    oneshot = False
    for speaker, x in utterances(root):
        if len(x) < 10 * 16000 or speaker in used_speakers:
            continue
        used_speakers.add(speaker)
        if not oneshot:
            write(os.path.join(out, "oneshot-3s.wav"), x[:3 * 16000])
            write(os.path.join(out, "oneshot-10s.wav"), x[:10 * 16000])
            oneshot = True
        elif enrolled < 3:
            write(os.path.join(out, "enroll-%s.wav" % speaker), x[:3 * 16000])
            enrolled += 1
        elif many < count:
            many += 1
            write(os.path.join(out, "many-%02d.wav" % many), x[:3 * 16000])
        else:
            break


if __name__ == "__main__":
    main()
