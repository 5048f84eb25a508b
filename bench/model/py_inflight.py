#!/usr/bin/python3
"""How to spend the cores on many files: every core on one model call at a time (the next file decoding
on a helper thread meanwhile), or one intra-op thread per call with as many calls in flight as cores.
Same libtorch kernels as Voxprint's, only the arrangement differs; the answer decides FilePipeline's
default. One process per arrangement (OpenMP reads its thread count at start):

  OMP_NUM_THREADS=N  py_inflight.py MODEL serial   AUDIO...   N intra-op threads, 1 call in flight
  OMP_NUM_THREADS=1  py_inflight.py MODEL parallel AUDIO...   1 intra-op thread, N calls in flight

N = cores. Prints one JSON line: files, seconds for all of them after the load and a warm-up call, and
the first value of each embedding (both arrangements must agree).
"""
import concurrent.futures as cf
import json
import os
import sys
import time

import torch

from card_audio import card_audio


def main():
    model_file, mode, files = sys.argv[1], sys.argv[2], sys.argv[3:]
    cores = os.cpu_count()
    torch.set_num_threads(cores if mode == "serial" else 1)
    torch._C._set_graph_executor_optimize(False)
    model = torch.jit.load(model_file, map_location="cpu")
    with torch.no_grad():
        model(card_audio(files[0]))  # first-call costs out of the figure, for both arrangements
        start = time.perf_counter()
        if mode == "serial":
            with cf.ThreadPoolExecutor(1) as decoder:
                pending = [decoder.submit(card_audio, f) for f in files[:2]]
                firsts = []
                for i in range(len(files)):
                    audio = pending[i].result()
                    if i + 2 < len(files):
                        pending.append(decoder.submit(card_audio, files[i + 2]))
                    firsts.append(float(model(audio)[0][0]))
        else:
            with cf.ThreadPoolExecutor(cores) as workers:
                firsts = [float(e) for e in workers.map(lambda f: model(card_audio(f))[0][0], files)]
        seconds = time.perf_counter() - start
    print(json.dumps({"mode": mode, "threads": torch.get_num_threads(), "files": len(files), "seconds": seconds,
                      "first": firsts}), flush=True)


if __name__ == "__main__":
    main()
