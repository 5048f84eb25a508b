#!/usr/bin/python3
"""Python side of bench/embed/run.sh: the model card's own recipe, timed like the Java side.

torchaudio.load, mean over channels, torchaudio.functional.resample to 16 kHz, model(audio), under
torch.no_grad() with the graph executor's optimisation off (as Voxprint runs libtorch), THREADS
intra-op threads. Median over N warm repetitions per file; model load = torch.jit.load plus one
3-second warm-up call. Usage: torch_embed.py MODEL N THREADS OUT_JSON AUDIO...
"""
import json
import os
import sys
import time

import numpy as np
import torch
import torchaudio


def main():
    model_file, repeats, threads, out = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    torch.set_num_threads(threads)
    torch._C._set_graph_executor_optimize(False)
    t = time.perf_counter()
    model = torch.jit.load(model_file, map_location="cpu").eval()
    with torch.no_grad():
        model(0.01 * torch.randn(1, 48000, generator=torch.Generator().manual_seed(1)))
    result = {"threads": torch.get_num_threads(), "torch": torch.__version__,
              "load_and_warmup_ms": 1000 * (time.perf_counter() - t), "files": {}}
    for path in sys.argv[5:]:
        def prepare():
            audio, rate = torchaudio.load(path)
            audio = audio.mean(dim=0, keepdim=True)
            return torchaudio.functional.resample(audio, rate, 16000)

        with torch.no_grad():
            for _ in range(3):
                model(prepare())
            decode, embed, total = [], [], []
            for _ in range(repeats):
                a = time.perf_counter()
                audio = prepare()
                b = time.perf_counter()
                embedding = model(audio)
                c = time.perf_counter()
                decode.append(b - a)
                embed.append(c - b)
                total.append(c - a)
        r = {"decode_ms": 1000 * float(np.median(decode)), "embed_ms": 1000 * float(np.median(embed)),
             "total_ms": 1000 * float(np.median(total)), "seconds": audio.shape[-1] / 16000,
             "embedding": [float(v) for v in embedding.reshape(-1)]}
        result["files"][os.path.basename(path)] = r
        print("python  %-28s decode+resample %7.2f ms  embed %8.2f ms  total %8.2f ms"
              % (os.path.basename(path), r["decode_ms"], r["embed_ms"], r["total_ms"]), flush=True)
    with open(out, "w") as f:
        json.dump(result, f)


if __name__ == "__main__":
    main()
