#!/usr/bin/python3
"""Python peer of embedding many files in one process: the card's recipe in a loop, one line per file
on stdout as soon as it is done (the bench timestamps the lines). Threads: all cores; graph executor
optimisation off. Usage: py_many.py MODEL AUDIO...
"""
import os
import sys

import torch

from card_audio import card_audio


def main():
    torch.set_num_threads(os.cpu_count())
    torch._C._set_graph_executor_optimize(False)
    model = torch.jit.load(sys.argv[1], map_location="cpu")
    with torch.no_grad():
        for path in sys.argv[2:]:
            embedding = model(card_audio(path))[0]
            print('{"file": "%s", "first": %.7g}' % (path, float(embedding[0])), flush=True)


if __name__ == "__main__":
    main()
