#!/usr/bin/python3
"""Python peer of one Voxprint command, as the model card has it: torch.jit.load, torchaudio.load,
mean over channels (resample when the file is not 16 kHz), model(audio); for verify the cosine with a
stored embedding, for identify the cosines with stored speaker models and the best one. Threads: all
cores (torch.set_num_threads(nproc)); graph executor optimisation off, as Voxprint runs libtorch.
Usage: py_oneshot.py embed|verify|identify MODEL AUDIO [STORED.npy]
"""
import os
import sys
import time

import numpy as np
import torch

from card_audio import card_audio


def main():
    mode, model_file, audio_file = sys.argv[1:4]
    torch.set_num_threads(os.cpu_count())
    torch._C._set_graph_executor_optimize(False)
    model = torch.jit.load(model_file, map_location="cpu")
    audio = card_audio(audio_file)
    with torch.no_grad():
        embedding = model(audio)[0].numpy()
    if mode == "embed":
        print('{"embedding": [%s]}' % ", ".join("%.7g" % v for v in embedding))
        return
    stored = np.atleast_2d(np.load(sys.argv[4]))
    e = embedding / np.linalg.norm(embedding)
    scores = (stored / np.linalg.norm(stored, axis=1, keepdims=True)) @ e
    print('{"best": %d, "score": %.6f}' % (int(np.argmax(scores)), float(np.max(scores))))


if __name__ == "__main__":
    main()
