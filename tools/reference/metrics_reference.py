#!/usr/bin/python3
"""Independent reference values for io.voxprint.scoring.Metrics and LogisticCalibration.

Generates seeded score sets and computes, with numpy/scipy only and without looking at the Java code:
  - the ROC the way scikit-learn's roc_curve builds it (sort descending, cumulative counts at each
    distinct score, a first point at threshold +inf), then the EER where fnr = fpr on the straight
    segment between the last point with fnr > fpr and the first with fnr <= fpr (threshold
    interpolated along that segment; the segment's own threshold when the previous one is +inf);
  - minDCF by brute force: every distinct score and +inf tried as a threshold (accept score >= t);
  - Cllr of given llrs;
  - threshold for a false accept rate by brute force over candidate thresholds;
  - the prior-weighted logistic calibration with scipy.optimize (BFGS on the explicit objective).
Writes src/test/resources/io/voxprint/scoring/metrics_reference.json.
Run: /usr/bin/python3 tools/reference/metrics_reference.py
"""
import json
import os

import numpy as np
from scipy.optimize import minimize

OUT = os.path.join(os.path.dirname(__file__), "..", "..", "src", "test", "resources", "io", "voxprint",
                   "scoring", "metrics_reference.json")


def roc(tar, non):
    scores = np.concatenate([tar, non])
    labels = np.concatenate([np.ones(len(tar)), np.zeros(len(non))])
    order = np.argsort(-scores, kind="mergesort")
    s, y = scores[order], labels[order]
    last_of_value = np.r_[np.where(np.diff(s) != 0)[0], len(s) - 1]
    tps = np.cumsum(y)[last_of_value]
    fps = (last_of_value + 1) - tps
    thresholds = np.r_[np.inf, s[last_of_value]]
    tps = np.r_[0, tps]
    fps = np.r_[0, fps]
    fnr = (len(tar) - tps) / len(tar)
    fpr = fps / len(non)
    return thresholds, fnr, fpr


def eer(tar, non):
    thr, fnr, fpr = roc(tar, non)
    k = int(np.argmax(fnr <= fpr))
    d0 = fnr[k - 1] - fpr[k - 1]
    d1 = fnr[k] - fpr[k]
    alpha = d0 / (d0 - d1)
    value = fpr[k - 1] + alpha * (fpr[k] - fpr[k - 1])
    t = thr[k] if np.isinf(thr[k - 1]) else thr[k - 1] + alpha * (thr[k] - thr[k - 1])
    return float(value), float(t)


def min_dcf(tar, non, p_target, c_miss=1.0, c_fa=1.0):
    candidates = np.r_[np.unique(np.concatenate([tar, non])), np.inf]
    best = np.inf
    for t in candidates:
        p_miss = np.sum(tar < t) / len(tar)
        p_fa = np.sum(non >= t) / len(non)
        best = min(best, c_miss * p_target * p_miss + c_fa * (1 - p_target) * p_fa)
    return float(best / min(c_miss * p_target, c_fa * (1 - p_target)))


def cllr(tar_llr, non_llr):
    return float(0.5 * (np.mean(np.logaddexp(0, -tar_llr)) + np.mean(np.logaddexp(0, non_llr))) / np.log(2))


def threshold_for_far(non, far):
    candidates = np.unique(np.r_[np.nextafter(non, np.inf), non.min()])
    ok = [t for t in candidates if np.sum(non >= t) / len(non) <= far + 1e-12]
    return float(min(ok))


def calibrate(tar, non, prior):
    offset = np.log(prior / (1 - prior))

    def objective(w):
        a, b = w
        zt = a * tar + b + offset
        zn = a * non + b + offset
        value = prior * np.mean(np.logaddexp(0, -zt)) + (1 - prior) * np.mean(np.logaddexp(0, zn))
        gt = -prior / len(tar) / (1 + np.exp(zt))           # d/dz log(1+e^-z) = -1/(1+e^z)
        gn = (1 - prior) / len(non) / (1 + np.exp(-zn))     # d/dz log(1+e^z)  = 1/(1+e^-z)
        grad = np.array([np.sum(gt * tar) + np.sum(gn * non), np.sum(gt) + np.sum(gn)])
        return value, grad

    res = minimize(objective, np.zeros(2), jac=True, method="BFGS", options={"gtol": 1e-13, "maxiter": 10000})
    return float(res.x[0]), float(res.x[1])


def cases():
    rng = np.random.default_rng(20240611)
    out = {}
    out["gaussian"] = (rng.normal(1.5, 1.0, 500), rng.normal(0.0, 1.0, 3000))
    out["ties"] = (np.round(rng.normal(0.6, 0.25, 200), 1), np.round(rng.normal(0.2, 0.25, 400), 1))
    # cosine-like scores stored as float32, the way the product produces them
    t = np.clip(rng.normal(0.62, 0.12, 1000), -1, 1).astype(np.float32).astype(np.float64)
    n = np.clip(rng.normal(0.05, 0.09, 10000), -1, 1).astype(np.float32).astype(np.float64)
    out["cosine"] = (t, n)
    out["perfect"] = (rng.uniform(0.6, 0.9, 50), rng.uniform(-0.2, 0.4, 80))
    out["reversed"] = (np.array([0.1, 0.2]), np.array([0.5, 0.6]))
    out["tiny"] = (np.array([0.3]), np.array([0.1, 0.5]))
    out["tiny_tie"] = (np.array([0.5, 0.5]), np.array([0.5]))
    out["single_each"] = (np.array([0.7]), np.array([0.2]))
    out["all_tied"] = (np.array([0.4, 0.4, 0.4]), np.array([0.4, 0.4]))
    out["few_overlap"] = (np.array([0.9, 0.35, 0.8, 0.6, 0.45]), np.array([0.1, 0.5, 0.3, 0.2, 0.4, 0.0]))
    return out


def main():
    result = {}
    for name, (tar, non) in cases().items():
        e, t = eer(tar, non)
        thr, fnr, fpr = roc(tar, non)
        c = {
            "tar": tar.tolist(),
            "non": non.tolist(),
            "eer": e,
            "eer_threshold": t,
            "min_dcf_p01": min_dcf(tar, non, 0.01),
            "min_dcf_p05": min_dcf(tar, non, 0.05),
            "min_dcf_p05_cmiss10": min_dcf(tar, non, 0.05, 10.0, 1.0),
            "cllr_affine": cllr(4.0 * tar - 2.0, 4.0 * non - 2.0),
            "far": [0.0, 0.001, 0.01, 0.05, 0.1, 0.29, 0.5, 1.0],
            "det_points": len(thr),
        }
        c["far_threshold"] = [threshold_for_far(non, f) for f in c["far"]]
        if len(thr) <= 400:
            c["det_threshold"] = [x if np.isfinite(x) else "inf" for x in thr.tolist()]
            c["det_pmiss"] = fnr.tolist()
            c["det_pfa"] = fpr.tolist()
        separable = tar.min() >= non.max() or tar.max() <= non.min()
        if not separable:
            for prior in (0.5, 0.1):
                a, b = calibrate(tar, non, prior)
                key = "cal_p%02d" % round(prior * 100)
                if abs(a) < 1e-6:
                    c["cal_degenerate"] = True  # the scores carry no information: no positive slope
                    continue
                c[key] = {"a": a, "b": b, "prior": prior}
                if prior == 0.5:
                    c["cllr_calibrated"] = cllr(a * tar + b, a * non + b)
        result[name] = c
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as f:
        json.dump(result, f, indent=1)
    for name, c in result.items():
        print("%-12s eer=%.6f thr=%.6f minDCF=%.6f %s" % (name, c["eer"], c["eer_threshold"], c["min_dcf_p01"],
                                                          c.get("cal_p50", "")))


if __name__ == "__main__":
    main()
