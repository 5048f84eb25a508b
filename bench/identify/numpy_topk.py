#!/usr/bin/python3
"""numpy side of the identification benchmark: scores = M @ q, then argpartition for the top k.

Usage: numpy_topk.py DATA_DIR SIZES(comma) K OUT_JSON
Reports the median milliseconds per query after warm-up, the top-1 row of every query (to check
that Java finds the same speakers), and a STREAM-style Copy bandwidth over the same array.
"""
import json
import sys
import time

import numpy as np


def median_ms(fn, repeats):
    times = []
    for _ in range(repeats):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return 1000 * float(np.median(times))


def main():
    data, sizes, k, out = sys.argv[1], [int(s) for s in sys.argv[2].split(",")], int(sys.argv[3]), sys.argv[4]
    models = np.load(data + "/models.npy")
    queries = np.load(data + "/queries.npy")
    result = {"sizes": {}}
    for n in sizes:
        m = models[:n]

        def top(q):
            s = m @ q
            idx = np.argpartition(-s, k - 1)[:k]
            return idx[np.argsort(-s[idx], kind="stable")]

        for q in queries[:20]:
            top(q)
        times = []
        top1 = []
        for q in queries:
            t = time.perf_counter()
            idx = top(q)
            times.append(time.perf_counter() - t)
            top1.append(int(idx[0]))
        result["sizes"][str(n)] = {"median_ms": 1000 * float(np.median(times)), "top1": top1}
        print("numpy  n=%8d  median %.3f ms/query" % (n, result["sizes"][str(n)]["median_ms"]), flush=True)
    # STREAM Copy (vectorised memcpy-like, one thread): 2 x the bytes per pass; the bound is Java's all-core figure
    # or this one, whichever is faster
    dst = np.empty_like(models)
    ms = min(median_ms(lambda: np.copyto(dst, models), 1) for _ in range(7))
    result["bandwidth_gbs"] = 2 * models.nbytes / (ms / 1000) / 1e9
    print("numpy  STREAM-style Copy (one thread): %.1f GB/s" % result["bandwidth_gbs"])
    with open(out, "w") as f:
        json.dump(result, f)


if __name__ == "__main__":
    main()
