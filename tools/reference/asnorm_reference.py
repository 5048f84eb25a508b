#!/usr/bin/python3
"""Independent AS-norm reference for io.voxprint.scoring.AsNorm (numpy only).

Writes to src/test/resources/io/voxprint/scoring/:
  asnorm_cohort.npy       float32 [300, 32] cohort, rows L2-normalised (.npy v1.0, as numpy writes it)
  asnorm_cohort_v2.npy    the first 5 rows again, written as .npy format version 2.0
  asnorm_float64.npy      a float64 array, which a cohort reader must refuse
  asnorm_reference.json   trials (enrollment model, probe, raw cosine) and their AS-normalised
                          scores for several top-N, with and without a claimed speaker taken out of
                          the cohort.
AS-norm: norm = 0.5*((s - mu_e)/sd_e + (s - mu_t)/sd_t), mu/sd = mean and population standard
deviation (numpy's default, ddof=0) of the N highest cohort cosines of each side.
"""
import json
import os

import numpy as np

DIR = os.path.join(os.path.dirname(__file__), "..", "..", "src", "test", "resources", "io", "voxprint", "scoring")


def unit(x):
    return x / np.linalg.norm(x, axis=-1, keepdims=True)


def stats(cohort, v, n, exclude):
    s = cohort.astype(np.float64) @ v.astype(np.float64)
    if exclude is not None:
        s = np.delete(s, exclude)
    top = np.sort(s)[::-1][:n]
    return top.mean(), top.std()


def main():
    rng = np.random.default_rng(7)
    dim = 32
    centres = unit(rng.normal(size=(6, dim)))
    # a clustered cohort, so that the top-N differ clearly from the whole cohort's statistics
    cohort = unit(centres[rng.integers(0, 6, 300)] + 0.8 * rng.normal(size=(300, dim))).astype(np.float32)
    np.save(os.path.join(DIR, "asnorm_cohort.npy"), cohort)
    with open(os.path.join(DIR, "asnorm_cohort_v2.npy"), "wb") as f:
        np.lib.format.write_array(f, cohort[:5], version=(2, 0))
    np.save(os.path.join(DIR, "asnorm_float64.npy"), np.zeros((2, 3)))

    trials = []
    for i in range(8):
        e = unit(centres[i % 6] + 0.7 * rng.normal(size=dim)).astype(np.float32)
        same = i % 2 == 0
        t = unit((e if same else centres[(i + 1) % 6]) + 0.7 * rng.normal(size=dim)).astype(np.float32)
        trials.append({"enroll": e.tolist(), "probe": t.tolist(), "exclude": None})
    # the claimed speaker is itself cohort row 17 (as when the enrolled speakers are the cohort)
    e = cohort[17]
    t = unit(e + 0.5 * rng.normal(size=dim)).astype(np.float32)
    trials.append({"enroll": e.tolist(), "probe": t.tolist(), "exclude": 17})

    for tr in trials:
        e = np.array(tr["enroll"], dtype=np.float32)
        t = np.array(tr["probe"], dtype=np.float32)
        raw = float(e.astype(np.float64) @ t.astype(np.float64))
        tr["raw"] = raw
        tr["norm"] = {}
        for n in (100, 10, 5, 1000):
            mu_e, sd_e = stats(cohort, e, n, tr["exclude"])
            mu_t, sd_t = stats(cohort, t, n, tr["exclude"])
            tr["norm"][str(n)] = 0.5 * ((raw - mu_e) / sd_e + (raw - mu_t) / sd_t)
        mu_e, sd_e = stats(cohort, e, 100, tr["exclude"])
        tr["enroll_mean_top100"] = mu_e
        tr["enroll_sd_top100"] = sd_e
    ref = {"dim": dim, "cohort_rows": 300, "cohort_row0": cohort[0].tolist(), "cohort_row299": cohort[299].tolist(),
           "trials": trials}
    with open(os.path.join(DIR, "asnorm_reference.json"), "w") as f:
        json.dump(ref, f, indent=1)
    for tr in trials:
        print("raw %.4f -> %s" % (tr["raw"], {k: round(v, 4) for k, v in tr["norm"].items()}))


if __name__ == "__main__":
    main()
