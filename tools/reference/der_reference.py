#!/usr/bin/python3
"""Independent reference values for io.voxprint.scoring.DiarizationScorer (numpy/scipy only).

Diarization error rate as NIST md-eval defines it, computed here on a 1 ms frame grid (every time in
the generated cases is a whole number of milliseconds, so the grid is exact), without looking at the
Java code, which works on continuous intervals instead:
  - each label's activity is a boolean row (overlapping segments of one label are their union);
  - collar: frames within `collar` of any start or end of a reference speaker's activity are not scored;
  - skip overlap: frames with two or more reference speakers are not scored;
  - missed = sum max(0, n_ref - n_hyp), false alarm = sum max(0, n_hyp - n_ref),
    confusion = sum min(n_ref, n_hyp) - (time shared by reference and hypothesis labels paired by
    scipy.optimize.linear_sum_assignment on the shared-time matrix of the scored frames, maximised);
  - DER = (missed + false alarm + confusion) / sum n_ref over scored frames.
Cases: clean and shifted boundaries, collars 0 to 0.5 s, overlapping reference speech, empty
hypothesis, extra hypothesis speakers, more hypothesis than reference speakers, same-label overlaps.
Writes src/test/resources/io/voxprint/scoring/der_reference.json.
Run: /usr/bin/python3 tools/reference/der_reference.py
     /usr/bin/python3 tools/reference/der_reference.py REF.rttm HYP.rttm [--collar S] [--skip-overlap]
       scores two RTTM files (times in whole milliseconds, one recording) and prints the figures as JSON.
"""
import argparse
import sys
import json
import os

import numpy as np
from scipy.optimize import linear_sum_assignment

OUT = os.path.join(os.path.dirname(__file__), "..", "..", "src", "test", "resources", "io", "voxprint",
                   "scoring", "der_reference.json")


def rows(segments, length):
    labels = sorted({s[2] for s in segments})
    m = np.zeros((len(labels), length), dtype=bool)
    for start, end, label in segments:
        m[labels.index(label), start:end] = True
    return m


def der(ref, hyp, collar_ms, skip_overlap):
    length = max([e for _, e, _ in ref + hyp] + [0]) + collar_ms + 2
    r = rows(ref, length)
    h = rows(hyp, length)
    scored = np.ones(length, dtype=bool)
    for row in r:
        padded = np.r_[False, row, False].astype(np.int8)
        edges = np.nonzero(np.diff(padded))[0]
        for b in edges:
            scored[max(0, b - collar_ms):b + collar_ms] = False
    n_ref = r.sum(axis=0)
    n_hyp = h.sum(axis=0)
    if skip_overlap:
        scored &= n_ref <= 1
    missed = np.maximum(0, n_ref - n_hyp)[scored].sum()
    fa = np.maximum(0, n_hyp - n_ref)[scored].sum()
    matchable = np.minimum(n_ref, n_hyp)[scored].sum()
    correct = 0
    if len(r) and len(h):
        shared = r[:, scored].astype(np.int64) @ h[:, scored].T.astype(np.int64)
        i, j = linear_sum_assignment(shared, maximize=True)
        correct = shared[i, j].sum()
    total = n_ref[scored].sum()
    return {"missed": missed / 1000, "falseAlarm": fa / 1000, "confusion": (matchable - correct) / 1000,
            "scored": total / 1000, "der": float((missed + fa + matchable - correct) / total)}


def turns(rng, speakers, seconds, overlap):
    out, t = [], int(rng.integers(0, 2000))
    while t < seconds * 1000:
        d = int(rng.integers(300, 6000))
        out.append([t, t + d, speakers[int(rng.integers(len(speakers)))]])
        gap = int(rng.integers(-1500, 1000)) if overlap and rng.random() < 0.4 else int(rng.integers(0, 1200))
        t = max(t + 50, t + d + gap)
    return out


def perturb(rng, ref, names, jitter, confuse, extra):
    hyp = []
    mapping = dict(zip(sorted({s[2] for s in ref}), rng.permutation(names)))
    for start, end, label in ref:
        s = max(0, start + int(rng.integers(-jitter, jitter + 1)))
        e = max(s + 1, end + int(rng.integers(-jitter, jitter + 1)))
        name = mapping[label] if rng.random() >= confuse else names[int(rng.integers(len(names)))]
        if rng.random() < 0.2 and e - s > 400:
            cut = int(rng.integers(s + 100, e - 100))
            hyp.append([s, cut, name])
            hyp.append([cut, e, names[int(rng.integers(len(names)))]])
        else:
            hyp.append([s, e, name])
    for _ in range(extra):
        s = int(rng.integers(0, max(1, ref[-1][1])))
        hyp.append([s, s + int(rng.integers(100, 3000)), "extra%d" % int(rng.integers(3))])
    return hyp


def main():
    rng = np.random.default_rng(12)
    cases = {}

    def add(name, ref, hyp, collar, skip):
        key = "%s-c%03d-%s" % (name, int(round(collar * 1000)), "skip" if skip else "all")
        cases[key] = {"reference": [[s / 1000, e / 1000, l] for s, e, l in ref],
                      "hypothesis": [[s / 1000, e / 1000, l] for s, e, l in hyp],
                      "collar": collar, "skipOverlap": skip,
                      **der(ref, hyp, int(round(collar * 1000)), skip)}

    hand_ref = [[0, 2000, "A"], [2500, 5000, "B"], [4000, 6000, "A"], [7000, 7300, "C"]]
    hand_hyp = [[100, 2100, "x"], [2400, 4500, "y"], [4500, 6200, "x"], [6900, 7400, "y"], [8000, 8500, "z"]]
    for collar in (0.0, 0.25):
        for skip in (False, True):
            add("hand", hand_ref, hand_hyp, collar, skip)
            add("identical", hand_ref, hand_ref, collar, skip)
            add("empty-hypothesis", hand_ref, [], collar, skip)
            add("one-label-for-all", hand_ref, [[0, 8000, "only"]], collar, skip)
            add("same-label-overlaps", hand_ref + [[1000, 3000, "A"]], hand_hyp + [[50, 900, "x"]], collar, skip)
    for i in range(24):
        n_ref = int(rng.integers(1, 5))
        speakers = ["spk%d" % k for k in range(n_ref)]
        overlap = i % 2 == 1
        ref = turns(rng, speakers, int(rng.integers(20, 90)), overlap)
        n_hyp = max(1, n_ref + int(rng.integers(-1, 3)))  # fewer, as many, or more hypothesis labels
        names = ["h%d" % k for k in range(n_hyp)]
        if n_hyp < n_ref:
            names = names + list(rng.choice(names, n_ref - n_hyp))
        hyp = perturb(rng, ref, np.array(names), int(rng.integers(0, 600)), [0.0, 0.1, 0.3][i % 3], i % 4)
        collar = [0.0, 0.1, 0.25, 0.5][i % 4]
        add("random%02d" % i, ref, hyp, collar, i % 3 == 0)
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as f:
        json.dump(cases, f, indent=1)
        f.write("\n")
    print("%d cases -> %s" % (len(cases), os.path.normpath(OUT)))


def read_rttm(path):
    out = []
    for line in open(path):
        f = line.split()
        if f and f[0] == "SPEAKER":
            start = int(round(float(f[3]) * 1000))
            out.append([start, start + int(round(float(f[4]) * 1000)), f[7]])
    return out


def score_files():
    parser = argparse.ArgumentParser()
    parser.add_argument("reference")
    parser.add_argument("hypothesis")
    parser.add_argument("--collar", type=float, default=0.25)
    parser.add_argument("--skip-overlap", action="store_true")
    a = parser.parse_args()
    result = der(read_rttm(a.reference), read_rttm(a.hypothesis), int(round(a.collar * 1000)), a.skip_overlap)
    print(json.dumps({k: float(v) for k, v in result.items()}))


if __name__ == "__main__":
    if len(sys.argv) > 1:
        score_files()
    else:
        main()
