#!/usr/bin/python3
"""Seeded benchmark data: 1,000,000 L2-normalised float32 speaker models x 192 dims and 300 queries.

The 10k and 100k runs use the first rows of the same file. Half of the queries are noisy copies of
known models (so the right answer is known), half are unrelated random vectors.
Usage: gen_data.py OUT_DIR
"""
import os
import sys

import numpy as np
from numpy.lib.format import open_memmap

N, DIM, QUERIES, SEED = 1_000_000, 192, 300, 20240611


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    rng = np.random.default_rng(SEED)
    models = open_memmap(os.path.join(out, "models.npy"), mode="w+", dtype="<f4", shape=(N, DIM))
    for start in range(0, N, 100_000):
        block = rng.standard_normal((100_000, DIM), dtype=np.float32)
        models[start:start + 100_000] = block / np.linalg.norm(block, axis=1, keepdims=True)
    models.flush()
    # known queries point at rows below 10,000 so every size contains their speaker
    known = rng.integers(0, 10_000, QUERIES // 2)
    q = np.concatenate([models[known] + 0.05 * rng.standard_normal((QUERIES // 2, DIM), dtype=np.float32),
                        rng.standard_normal((QUERIES - QUERIES // 2, DIM), dtype=np.float32)])
    np.save(os.path.join(out, "queries.npy"), (q / np.linalg.norm(q, axis=1, keepdims=True)).astype("<f4"))
    print("wrote %s/models.npy (%d x %d) and queries.npy (%d)" % (out, N, DIM, QUERIES))


if __name__ == "__main__":
    main()
